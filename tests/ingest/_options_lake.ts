// Helpers for the options ingestion tests: temporary lakes, a day filled through the real
// jobs, partition reading, and source wrappers that change or break one call.
import pl from "nodejs-polars";
import { barsJob, contractsJob, optionBarsJob, runJobs } from "../../lib/ingest/mod.ts";
import type { SelectionRules } from "../../lib/ingest/mod.ts";
import { partitionFile, type PartitionId } from "../../lib/lake/paths.ts";
import type { MinuteBar } from "../../lib/market/bars.ts";
import type { Source } from "../../lib/sources/source.ts";

/** The default rules: 2 calls + 2 puts on a 1.0 grid, same-day expiry. */
export const RULES: SelectionRules = {
  calls: 2,
  puts: 2,
  strikeIncrement: 1,
  expiry: "same_day",
  fixedExpiry: null,
  listedHorizonDays: 45,
};

/** A new lake root `<temporary folder>/lake`; {@linkcode removeLake} deletes both. */
export async function tempLake(): Promise<string> {
  return `${await Deno.makeTempDir({ prefix: "strikelab-options-" })}/lake`;
}

/** Deletes a lake made by {@linkcode tempLake} with its temporary folder. */
export async function removeLake(root: string): Promise<void> {
  await Deno.remove(root.replace(/\/lake$/, ""), { recursive: true });
}

/** Runs the three phases of one day in order: the underlying's bars, contracts, option bars. */
export async function fillDay(
  source: Source,
  root: string,
  date: string,
  rules: SelectionRules = RULES,
  underlying = "SPY",
) {
  const equity = await runJobs([barsJob(source, "equity_minute", underlying, date)], { root });
  const contracts = await runJobs([contractsJob(source, root, underlying, date, rules)], { root });
  const bars = await runJobs([optionBarsJob(source, root, underlying, date)], { root });
  return { equity, contracts, bars };
}

/** A partition's file path. */
export function fileOf(root: string, id: PartitionId): string {
  return `${root}/${partitionFile(id)}`;
}

/** A partition as a frame. */
export function readPartition(root: string, id: PartitionId): pl.DataFrame {
  return pl.readParquet(fileOf(root, id));
}

/** `option_minute` rows as `[ticker, bar]` pairs with `ts` back in UTC ms. */
export function optionRows(df: pl.DataFrame): [string, MinuteBar][] {
  return df.toRecords().map((r) => [r.ticker as string, {
    ts: (r.ts as unknown as Date).getTime(),
    open: r.open as number,
    high: r.high as number,
    low: r.low as number,
    close: r.close as number,
    volume: r.volume as number | null,
    vwap: r.vwap as number | null,
    trades: r.trades as number | null,
  }]);
}

/** A source that defers to `inner` except for the calls `overrides` replaces. */
export function wrapSource(inner: Source, overrides: Partial<Source>): Source {
  return {
    name: inner.name,
    minuteBars: overrides.minuteBars ?? ((t, d, o) => inner.minuteBars(t, d, o)),
    optionContracts: overrides.optionContracts ?? ((u, d, o) => inner.optionContracts(u, d, o)),
    news: overrides.news ?? ((t, d, o) => inner.news(t, d, o)),
  };
}

/**
 * A source whose option bar calls fail from the `failAt`-th one on (1-based), as if the
 * process died there; other calls pass through.
 */
export function failingAfter(inner: Source, failAt: number): Source {
  let n = 0;
  return wrapSource(inner, {
    minuteBars(ticker, date, o) {
      if (ticker.startsWith("O:") && ++n >= failAt) {
        return Promise.reject(new Error(`lost the connection fetching ${ticker}`));
      }
      return inner.minuteBars(ticker, date, o);
    },
  });
}

/** Every file below `dir`, relative and sorted (empty when `dir` is missing). */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  try {
    await walk(dir, "");
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort();
}
