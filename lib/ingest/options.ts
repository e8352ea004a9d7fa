/**
 * Options ingestion: each trading day, select contracts around the underlying's open (read
 * from the lake, never an extra API call), store them in `option_contracts`, then fetch
 * their minute bars into `option_minute` (one partition per underlying and date, with a
 * `ticker` column), resumable per contract-day through staged pieces.
 *
 * @module
 */
import pl from "nodejs-polars";
import { addDaysIso } from "./_dates.ts";
import { session, tradingDays } from "../calendar/mod.ts";
import { commitTemp, tempPathFor } from "../lake/_fsync.ts";
import { encodeValue, partitionDir, partitionFile } from "../lake/paths.ts";
import { barsFrame, contractsFrame, DATASET_SCHEMAS } from "../lake/schemas.ts";
import type { OptionContract } from "../market/contracts.ts";
import { formatOptionTicker } from "../market/format_option_ticker.ts";
import { type ExpiryConvention, selectExpiry } from "../market/select_expiry.ts";
import { selectStrikes } from "../market/select_strikes.ts";
import type { Source } from "../sources/source.ts";
import type { PartitionJob } from "./run_jobs.ts";
import { cleanBars } from "./validate.ts";

/** How contracts are chosen each day (the `options` config section). */
export interface SelectionRules {
  calls: number;
  puts: number;
  strikeIncrement: number;
  expiry: ExpiryConvention;
  fixedExpiry: string | null;
  listedHorizonDays: number;
}

/** The contracts chosen for a day, and the chosen tickers nobody lists. */
export interface Selection {
  expiry: string;
  selected: OptionContract[];
  missing: string[];
}

/**
 * Chooses contracts from a listed chain: the expiry by convention, `calls` strikes strictly
 * above the open and `puts` at or below it. A chosen contract that is not listed goes to
 * `missing`, never invented.
 *
 * @example
 * ```ts
 * import { selectContracts } from "./options.ts";
 * import { equal, deepEqual } from "node:assert/strict";
 * const listed = [600, 601, 602].map((strike) => ({
 *   ticker: `O:SPY250304C00${strike}000`, underlying: "SPY", expiry: "2025-03-04",
 *   right: "call" as const, strike, multiplier: 100, style: "american" as const,
 * }));
 * const s = selectContracts(listed, "SPY", "2025-03-04", 600.5, {
 *   calls: 2, puts: 0, strikeIncrement: 1, expiry: "same_day", fixedExpiry: null,
 *   listedHorizonDays: 45,
 * });
 * deepEqual(s.selected.map((c) => c.strike), [601, 602]);
 * equal(s.missing.length, 0);
 * ```
 */
export function selectContracts(
  listed: readonly OptionContract[],
  underlying: string,
  date: string,
  open: number,
  rules: SelectionRules,
): Selection {
  const expiry = selectExpiry({
    date,
    convention: rules.expiry,
    fixed: rules.fixedExpiry ?? undefined,
    listed: listed.map((c) => c.expiry),
  });
  const { calls, puts } = selectStrikes({
    open,
    increment: rules.strikeIncrement,
    nCalls: rules.calls,
    nPuts: rules.puts,
  });
  const byTicker = new Map(listed.map((c) => [c.ticker, c]));
  const selected: OptionContract[] = [];
  const missing: string[] = [];
  const wanted = [
    ...puts.slice().reverse().map((strike) => ({ strike, right: "put" as const })),
    ...calls.map((strike) => ({ strike, right: "call" as const })),
  ];
  for (const { strike, right } of wanted) {
    const ticker = formatOptionTicker({ underlying, expiry, right, strike });
    const c = byTicker.get(ticker);
    if (c) selected.push(c);
    else missing.push(ticker);
  }
  return { expiry, selected, missing };
}

/** The underlying's open on `date`: the first bar's open in the lake's `equity_minute`. */
export async function openFromLake(root: string, underlying: string, date: string) {
  const path = `${root}/${partitionFile({ dataset: "equity_minute", value: underlying, date })}`;
  try {
    await Deno.stat(path);
  } catch {
    throw new RangeError(
      `No equity_minute partition for ${underlying} on ${date}: backfill the underlying first (--datasets equity,options)`,
    );
  }
  const df = pl.readParquet(path).sort("ts").head(1);
  if (df.height === 0) throw new RangeError(`${underlying} has no minute bar on ${date}`);
  return df.getColumn("open").get(0) as number;
}

/** A job writing the day's selected contracts to `option_contracts`. */
export function contractsJob(
  source: Source,
  root: string,
  underlying: string,
  date: string,
  rules: SelectionRules,
): PartitionJob {
  return {
    id: { dataset: "option_contracts", value: underlying, date },
    async produce(signal) {
      const open = await openFromLake(root, underlying, date);
      const span = (Math.max(rules.calls, rules.puts) + 2) * rules.strikeIncrement;
      const exact = rules.expiry === "nearest_listed" ? null : selectExpiry({
        date,
        convention: rules.expiry,
        fixed: rules.fixedExpiry ?? undefined,
      });
      const listed = await source.optionContracts(underlying, date, {
        signal,
        strikeMin: open - span,
        strikeMax: open + span,
        expiryFrom: exact ?? date,
        expiryTo: exact ?? addDaysIso(date, rules.listedHorizonDays),
      });
      const { selected, missing } = selectContracts(listed, underlying, date, open, rules);
      return {
        frame: contractsFrame(selected, source.name),
        quarantine: [],
        warnings: missing.map((t) => `selected ${t} (open ${open}) is not listed`),
      };
    },
  };
}

async function stage(path: string, df: pl.DataFrame): Promise<void> {
  const tmp = tempPathFor(path);
  df.writeParquet(tmp, { compression: "zstd" });
  await commitTemp(tmp, path);
}

/**
 * A job writing the minute bars of the day's selected contracts to `option_minute`. Each
 * contract's bars are staged under `<root>/_staging/` as they arrive, so a resumed run
 * fetches only the contracts it had not finished.
 */
export function optionBarsJob(source: Source, root: string, underlying: string, date: string) {
  const id = { dataset: "option_minute" as const, value: underlying, date };
  const stagingDir = `${root}/_staging/${partitionDir(id)}`;
  const job: PartitionJob = {
    id,
    async produce(signal) {
      const contractsPath = `${root}/${
        partitionFile({ dataset: "option_contracts", value: underlying, date })
      }`;
      let tickers: string[];
      try {
        tickers = pl.readParquet(contractsPath).getColumn("ticker").toArray() as string[];
      } catch (cause) {
        throw new RangeError(
          `No option_contracts partition for ${underlying} on ${date}: run the contract selection first`,
          { cause },
        );
      }
      const s = session(date)!;
      await Deno.mkdir(stagingDir, { recursive: true });
      const frames: pl.DataFrame[] = [];
      const quarantine = [];
      for (const ticker of tickers) {
        const piece = `${stagingDir}/${encodeValue(ticker)}.parquet`;
        try {
          frames.push(pl.readParquet(piece));
          continue;
        } catch {
          // not staged yet
        }
        const raw = await source.minuteBars(ticker, date, { signal });
        const clean = cleanBars(raw, { startMs: s.openMs, endMs: s.closeMs });
        quarantine.push(
          ...clean.quarantine.map((q) => ({ ...q, reason: `${ticker}: ${q.reason}` })),
        );
        const df = barsFrame(clean.bars, source.name, ticker);
        await stage(piece, df);
        frames.push(df);
      }
      const frame = frames.length > 0
        ? pl.concat(frames).sort(["ticker", "ts"])
        : barsFrame([], source.name, "").head(0);
      return {
        frame: frame.select(...Object.keys(DATASET_SCHEMAS.option_minute!)),
        quarantine,
        cleanup: () => Deno.remove(stagingDir, { recursive: true }).catch(() => {}),
      };
    },
  };
  return job;
}

/** The two phases of an options backfill: contract selection, then option bars. */
export function planOptions(
  source: Source,
  root: string,
  options: { underlyings: readonly string[]; from: string; to: string } & SelectionRules,
): [PartitionJob[], PartitionJob[]] {
  const days = tradingDays(options.from, options.to);
  const contracts: PartitionJob[] = [], bars: PartitionJob[] = [];
  for (const date of days) {
    for (const u of options.underlyings) {
      contracts.push(contractsJob(source, root, u, date, options));
      bars.push(optionBarsJob(source, root, u, date));
    }
  }
  return [contracts, bars];
}
