/**
 * The minute rollup: the session's bars so far become the same lake partitions, through
 * the same validation, quarantine, atomic write and manifest as `backfill` (`runJobs`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { cleanBars, type JobsSummary, type PartitionJob, runJobs } from "../ingest/mod.ts";
import { acquireLakeLock, barsFrame, DATASET_SCHEMAS, type QuarantinedRow } from "../lake/mod.ts";
import type { DayState } from "./_day_state.ts";

/** The partitions a session writes. */
export interface RollupPlan {
  date: string;
  openMs: number;
  closeMs: number;
  /** The `source` column: the feed is Polygon's. */
  sourceName: string;
  symbols: readonly string[];
  indices: readonly string[];
  /** Underlying → its selected contracts, in the order `option_contracts` lists them. */
  options: ReadonlyMap<string, readonly string[]>;
}

/** The rollup jobs of the partitions touched since the last one (all of them when `all`). */
export function rollupJobs(
  state: DayState,
  plan: RollupPlan,
  beforeMs: number,
  all: boolean,
): PartitionJob[] {
  const { date, sourceName } = plan;
  const window = { startMs: plan.openMs, endMs: plan.closeMs };
  const touched = (t: string) => all || state.dirty.has(t);
  const jobs: PartitionJob[] = [];
  const single = (dataset: "equity_minute" | "index_minute", ticker: string) => ({
    id: { dataset, value: ticker, date },
    produce() {
      const { bars, quarantine } = cleanBars(state.barsOf(ticker, beforeMs), window);
      return Promise.resolve({ frame: barsFrame(bars, sourceName), quarantine });
    },
  });
  for (const s of plan.symbols) if (touched(s)) jobs.push(single("equity_minute", s));
  for (const s of plan.indices) if (touched(s)) jobs.push(single("index_minute", s));
  for (const [underlying, tickers] of plan.options) {
    if (!tickers.some(touched) && !all) continue;
    jobs.push({
      id: { dataset: "option_minute", value: underlying, date },
      produce() {
        const frames: pl.DataFrame[] = [];
        const quarantine: QuarantinedRow[] = [];
        for (const ticker of tickers) {
          const clean = cleanBars(state.barsOf(ticker, beforeMs), window);
          frames.push(barsFrame(clean.bars, sourceName, ticker));
          for (const q of clean.quarantine) {
            quarantine.push({ ...q, reason: `${ticker}: ${q.reason}` });
          }
        }
        const frame = frames.length > 0
          ? pl.concat(frames).sort(["ticker", "ts"])
          : barsFrame([], sourceName, "").head(0);
        return Promise.resolve({
          frame: frame.select(...Object.keys(DATASET_SCHEMAS.option_minute!)),
          quarantine,
        });
      },
    });
  }
  return jobs;
}

/**
 * Runs jobs under the lake lock (rewriting partitions: `force`). Returns null, without
 * writing, when another process holds the lock (the next rollup tries again).
 */
export async function runLocked(root: string, jobs: PartitionJob[]): Promise<JobsSummary | null> {
  if (jobs.length === 0) return null;
  let release: () => Promise<void>;
  try {
    release = await acquireLakeLock(root);
  } catch {
    return null;
  }
  try {
    return await runJobs(jobs, { root, force: true, concurrency: 1 });
  } finally {
    await release();
  }
}
