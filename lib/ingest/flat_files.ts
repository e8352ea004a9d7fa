/**
 * Backfill from Polygon's flat files: each trading day, one pass over the day's stocks,
 * indices and options files (through the flat-file source) fills `equity_minute`,
 * `index_minute`, and, for each configured underlying, `option_contracts` (every contract
 * of its roots seen trading that day) and `option_minute` (all of their bars), with the same
 * atomic partitions, manifests, resume and quarantine as the other sources.
 *
 * `option_contracts` is derived from the OCC tickers in the file: contracts that did not
 * trade that day are absent, and a non-standard deliverable (an adjusted contract after a
 * split or special dividend) cannot be told from the ticker, so multiplier 100 is assumed.
 *
 * @module
 */
import pl from "nodejs-polars";
import { session, tradingDays } from "../calendar/mod.ts";
import { nyToUtcMs } from "../calendar/mod.ts";
import { contractsFrame, DATASET_SCHEMAS } from "../lake/schemas.ts";
import type { QuarantinedRow } from "../lake/write.ts";
import { barViolation } from "../market/bars.ts";
import type { FlatFilesSource, TickerBars } from "../sources/flatfiles/mod.ts";
import { assertWellFormed } from "../sources/flatfiles/mod.ts";
import { barsJob } from "./plan.ts";
import type { PartitionJob } from "./run_jobs.ts";

/** Options for {@linkcode planFlatFiles}. */
export interface PlanFlatFilesOptions {
  datasets: readonly ("equity" | "index" | "options" | "news")[];
  symbols: readonly string[];
  indices: readonly string[];
  underlyings: readonly string[];
  from: string;
  to: string;
  /** Keep 04:00–20:00 New York instead of the regular session. @default false */
  extendedHours?: boolean;
}

function windowOf(date: string, extendedHours: boolean) {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot import ${date}: the exchange is closed`);
  return extendedHours
    ? { startMs: nyToUtcMs(date, 4, 0), endMs: nyToUtcMs(date, 20, 0) }
    : { startMs: s.openMs, endMs: s.closeMs };
}

/** A job writing every contract of the underlying seen trading on the date. */
export function flatContractsJob(
  source: FlatFilesSource,
  underlying: string,
  date: string,
): PartitionJob {
  return {
    id: { dataset: "option_contracts", value: underlying, date },
    async produce(signal) {
      const contracts = await source.optionContracts(underlying, date, { signal });
      return { frame: contractsFrame(contracts, source.name), quarantine: [] };
    },
  };
}

/** The valid rows of one contract (ascending, unique minutes) and the rows set aside. */
function cleanTicker(
  b: TickerBars,
  window: { startMs: number; endMs: number },
  objectKey: string,
  quarantine: QuarantinedRow[],
): number[] {
  const keep: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const ts = b.ts[i];
    if (ts < window.startMs || ts >= window.endMs) continue; // outside the session: not kept
    const bar = {
      ts,
      open: b.open[i],
      high: b.high[i],
      low: b.low[i],
      close: b.close[i],
      volume: b.volume[i],
      vwap: null,
      trades: b.trades[i],
    };
    const reason = barViolation(bar, window);
    if (reason) {
      quarantine.push({
        reason: `${b.ticker}: ${objectKey} line ${b.line[i]}: ${reason}`,
        row: { ticker: b.ticker, ...bar },
      });
    } else keep.push(i);
  }
  if (!b.ascending) keep.sort((x, y) => b.ts[x] - b.ts[y] || x - y);
  const unique: number[] = [];
  for (const i of keep) {
    const last = unique[unique.length - 1];
    if (last !== undefined && b.ts[last] === b.ts[i]) {
      const same = b.open[i] === b.open[last] && b.high[i] === b.high[last] &&
        b.low[i] === b.low[last] && b.close[i] === b.close[last] &&
        b.volume[i] === b.volume[last] && b.trades[i] === b.trades[last];
      if (!same) {
        quarantine.push({
          reason: `${b.ticker}: ${objectKey} line ${b.line[i]}: conflicting duplicate of ts ${
            b.ts[i]
          }`,
          row: { ticker: b.ticker, ts: b.ts[i], open: b.open[i], close: b.close[i] },
        });
      }
      continue;
    }
    unique.push(i);
  }
  return unique;
}

/** The chain's kept rows as an `option_minute` frame, sorted by ticker then minute. */
function chainFrame(chain: { bars: TickerBars; rows: number[] }[], source: string): pl.DataFrame {
  const n = chain.reduce((k, c) => k + c.rows.length, 0);
  const cols = {
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    trades: new Float64Array(n),
  };
  const tickers = new Array<string>(n);
  let j = 0;
  for (const { bars, rows } of chain) {
    for (const i of rows) {
      tickers[j] = bars.ticker;
      cols.ts[j] = bars.ts[i];
      cols.open[j] = bars.open[i];
      cols.high[j] = bars.high[i];
      cols.low[j] = bars.low[i];
      cols.close[j] = bars.close[i];
      cols.volume[j] = bars.volume[i];
      cols.trades[j] = bars.trades[i];
      j++;
    }
  }
  const schema = DATASET_SCHEMAS.option_minute!;
  return pl.DataFrame([
    pl.Series("ticker", tickers, pl.Utf8),
    pl.Series("ts", cols.ts, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("open", cols.open, pl.Float64),
    pl.Series("high", cols.high, pl.Float64),
    pl.Series("low", cols.low, pl.Float64),
    pl.Series("close", cols.close, pl.Float64),
    pl.Series("volume", cols.volume, pl.Float64),
    pl.Series("trades", cols.trades, pl.Float64).cast(pl.Int64),
  ]).withColumns(
    pl.lit(null).cast(pl.Float64).alias("vwap"),
    pl.lit(source).cast(pl.Utf8).alias("source"),
  ).select(...Object.keys(schema));
}

/** A job writing the minute bars of the underlying's whole traded chain on the date. */
export function flatChainBarsJob(
  source: FlatFilesSource,
  underlying: string,
  date: string,
  extendedHours = false,
): PartitionJob {
  return {
    id: { dataset: "option_minute", value: underlying, date },
    async produce(signal) {
      const window = windowOf(date, extendedHours);
      const day = await source.day("options", date, { signal });
      const chain = await source.chain(underlying, date, { signal });
      const quarantine: QuarantinedRow[] = [];
      const kept = chain.map((bars) => {
        assertWellFormed(day, bars.ticker);
        return { bars, rows: cleanTicker(bars, window, day.objectKey, quarantine) };
      });
      return { frame: chainFrame(kept, source.name), quarantine };
    },
  };
}

/**
 * The jobs of a flat-file backfill, date-major (every partition of a day before the next
 * day), so one day's files are read once and an interrupted run leaves whole days behind.
 *
 * @throws {RangeError} for news (flat files carry none), or a range without trading days.
 */
export function planFlatFiles(
  source: FlatFilesSource,
  options: PlanFlatFilesOptions,
): PartitionJob[] {
  const { datasets, symbols, indices, underlyings, from, to, extendedHours = false } = options;
  if (datasets.includes("news")) {
    throw new RangeError(
      "Flat files carry no news: drop news from backfill.datasets (--datasets) or backfill " +
        "news with --source polygon or sim",
    );
  }
  if (from > to) throw new RangeError(`Cannot plan a backfill: from ${from} is after to ${to}`);
  const days = tradingDays(from, to);
  if (days.length === 0) {
    throw new RangeError(`Cannot plan a backfill: no trading day from ${from} to ${to}`);
  }
  const jobs: PartitionJob[] = [];
  for (const date of days) {
    if (datasets.includes("equity")) {
      for (const s of symbols) jobs.push(barsJob(source, "equity_minute", s, date, extendedHours));
    }
    if (datasets.includes("index")) {
      for (const s of indices) jobs.push(barsJob(source, "index_minute", s, date, extendedHours));
    }
    if (datasets.includes("options")) {
      for (const u of underlyings) {
        jobs.push(flatContractsJob(source, u, date));
        jobs.push(flatChainBarsJob(source, u, date, extendedHours));
      }
    }
  }
  return jobs;
}
