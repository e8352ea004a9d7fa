/**
 * Consolidates a date range of one underlying from a lake root into the `consolidated`
 * dataset. Its only I/O is `lib/lake`.
 *
 * @module
 */
import { previousTradingDay } from "../calendar/mod.ts";
import {
  acquireLakeLock,
  type Built,
  built,
  listPartitions,
  recordProvenance,
  removeTempFiles,
} from "../lake/mod.ts";
import { type LakeItem, readRange } from "./_lake_io.ts";
import { consolidateInPieces } from "./_pieces.ts";
import { resolveConsolidate } from "./_resolve.ts";
import { statsFromCounts } from "./_stats.ts";
import type { ConsolidationStats } from "./consolidation_stats.ts";
import type { ConsolidateOptions } from "./options.ts";

/** Options for {@linkcode consolidateLake}. */
export interface ConsolidateLakeOptions extends ConsolidateOptions {
  /** First trading date, inclusive. */
  from: string;
  /** Last trading date, inclusive. */
  to: string;
  /** Index joined as the VIX columns (`index_minute`); null leaves them null. @default {"I:VIX"} */
  vix?: string | null;
  /**
   * Dates read and computed at a time: each piece's option bars and contracts are read, and
   * its partitions written, while the next is computed, so memory holds one piece whatever
   * the range (a whole chain's day at the default). Any value writes the same partitions.
   * @default {1}
   */
  chunkDates?: number;
  /** A clock in ms for the phase timings (e.g. `performance.now`); none: timings are 0. */
  clock?: () => number;
}

/** What {@linkcode consolidateLake} read, wrote and measured. */
export interface ConsolidateLakeResult {
  underlying: string;
  /** Dates written: those with `option_minute` partitions in the range. */
  dates: string[];
  inputs: LakeItem[];
  outputs: LakeItem[];
  stats: ConsolidationStats;
  /** Things a user should know (a missing VIX or news series). */
  warnings: string[];
  /**
   * Milliseconds spent reading, computing, and writing beyond the computation (the writes of
   * a piece overlap the computation of the next).
   */
  timings: { readMs: number; computeMs: number; writeMs: number };
}

const BAR = ["ts", "open", "high", "low", "close", "volume", "vwap"];
/** The columns read from each dataset: what `consolidate` uses, nothing more. */
const READ = {
  options: ["ticker", ...BAR, "trades"],
  underlying: BAR,
  vix: BAR.slice(0, 5),
  contracts: ["ticker", "expiry", "right", "strike", "multiplier"],
  news: ["id", "published", "sentiment"],
};

const dateOf = (partition: string) => /date=(\d{4}-\d{2}-\d{2})$/.exec(partition)?.[1];

/**
 * What each written date was built from: the parameters (all but the underlying, which the
 * path holds) and the hashes of the input partitions of the same date.
 */
function provenanceOf(
  outputs: readonly LakeItem[],
  inputs: readonly LakeItem[],
  o: ReturnType<typeof resolveConsolidate>,
  vix: string | null,
): Map<string, Built> {
  const { underlying: _u, ...params } = o;
  const byDate = new Map<string, Record<string, string>>();
  for (const i of inputs) {
    const d = dateOf(i.partition);
    if (d) byDate.set(d, { ...byDate.get(d), [i.partition]: i.sha256 });
  }
  const out = new Map<string, Built>();
  for (const item of outputs) {
    const d = dateOf(item.partition)!;
    out.set(
      item.partition.slice("consolidated/".length),
      built({ ...params, vix }, byDate.get(d) ?? {}),
    );
  }
  return out;
}

function before(date: string, n: number): string {
  try {
    return previousTradingDay(date, n);
  } catch {
    return date; // the calendar's first year: nothing earlier to read
  }
}

/**
 * Reads the underlying (`equity_minute`), option bars and contracts, VIX (`index_minute`)
 * and news of `options.underlying` for [from, to] from the lake under `root` in one pass,
 * consolidates the range as {@linkcode consolidate} does (the minute grid, its indicators and
 * the option bars' checks once, the option rows `chunkDates` dates at a time) and writes one
 * `consolidated` partition per date that has option bars (with its manifest entry), each
 * piece's partitions while the next piece is computed. VIX is read from the previous
 * trading day so the first minutes can carry its last value forward; news from as far back as
 * the look-back needs; with `indicators.session` false, the underlying from `warmupDays`
 * sessions earlier. A date's partition therefore does not depend on the range it was
 * consolidated in: rerunning a date rewrites it byte for byte.
 *
 * @throws {RangeError} If there are no option bars in the range, a date with option bars
 *   has no underlying partition, or `chunkDates` is not a positive integer; or as
 *   `consolidate` (then nothing is written).
 */
export async function consolidateLake(
  root: string,
  options: ConsolidateLakeOptions,
): Promise<ConsolidateLakeResult> {
  const { from, to, vix: vixSymbol = "I:VIX", chunkDates = 1, clock = () => 0, ...rest } = options;
  if (!Number.isInteger(chunkDates) || chunkDates < 1) {
    throw new RangeError(
      `Cannot consolidate: chunkDates must be an integer >= 1, got ${chunkDates}`,
    );
  }
  const o = resolveConsolidate(rest);
  const u = o.underlying;
  const t0 = clock();
  const optionParts = await listPartitions(root, "option_minute", { values: [u], from, to });
  if (optionParts.length === 0) {
    throw new RangeError(
      `Cannot consolidate ${u}: no option_minute partitions from ${from} to ${to}; ` +
        "run `deno task backfill --datasets options` first",
    );
  }
  const dates = [...new Set(optionParts.map((p) => p.date))].sort();
  const warmup = o.indicators.session ? from : before(from, o.indicators.warmupDays);
  // An index underlying (I:SPX for SPX and SPXW options) has its minutes in index_minute.
  const spotDataset = u.startsWith("I:") ? "index_minute" : "equity_minute";
  const [underlying, contractParts, vix, news] = await Promise.all([
    readRange(root, spotDataset, u, warmup, to, READ.underlying),
    listPartitions(root, "option_contracts", { values: [u], from, to }),
    vixSymbol === null
      ? null
      : readRange(root, "index_minute", vixSymbol, before(from, 1), to, READ.vix),
    readRange(
      root,
      "news",
      u,
      before(from, 1 + Math.ceil(o.newsLookbackMin / 1440)),
      to,
      READ.news,
    ),
  ]);
  const have = new Set(underlying.parts.map((p) => p.date));
  const missing = dates.filter((d) => !have.has(d));
  if (missing.length > 0) {
    throw new RangeError(
      `Cannot consolidate ${u}: no ${spotDataset} partition for ${missing.slice(0, 5).join(", ")}${
        missing.length > 5 ? ` and ${missing.length - 5} more dates` : ""
      }; backfill ${spotDataset === "index_minute" ? "index" : "equity"} first`,
    );
  }
  if (contractParts.length === 0) {
    throw new RangeError(
      `Cannot consolidate ${u}: no option_contracts partitions from ${from} to ${to}; ` +
        "run `deno task backfill --datasets options` first",
    );
  }
  const warnings: string[] = [];
  if (vixSymbol !== null && vix?.frame === null) {
    warnings.push(`no ${vixSymbol} index_minute partitions: the vix columns are null`);
  }
  if (news.frame === null) warnings.push(`no ${u} news partitions: news_count is 0`);
  // partitions recorded empty (zero bars or articles) join nothing, as missing ones do
  if (vixSymbol !== null && vix?.frame?.height === 0) {
    warnings.push(
      `the ${vix.parts.length} ${vixSymbol} index_minute partitions are empty: the vix columns are null (backfill --retry-empty fetches them again)`,
    );
  }
  if (news.frame?.height === 0) {
    warnings.push(`the ${news.parts.length} ${u} news partitions are empty: news_count is 0`);
  }
  const t1 = clock();
  const pieceItems: LakeItem[] = [];
  const load = async (piece: readonly string[]) => {
    const [first, last] = [piece[0], piece[piece.length - 1]];
    const [bars, contracts] = await Promise.all([
      readRange(root, "option_minute", u, first, last, READ.options),
      readRange(root, "option_contracts", u, first, last, READ.contracts),
    ]);
    if (contracts.frame === null) {
      throw new RangeError(
        `Cannot consolidate ${u}: no option_contracts partition from ${first} to ${last}; ` +
          "run `deno task backfill --datasets options` first",
      );
    }
    pieceItems.push(...bars.items, ...contracts.items);
    return { options: bars.frame!, contracts: contracts.frame };
  };
  const release = await acquireLakeLock(root);
  let done;
  try {
    await removeTempFiles(`${root}/consolidated`); // left by a killed run
    done = await consolidateInPieces(
      root,
      { underlying: underlying.frame!, vix: vix?.frame, news: news.frame },
      dates,
      o,
      { chunkDates, clock, load },
    );
    const inputs = [...pieceItems, ...underlying.items, ...(vix?.items ?? []), ...news.items];
    await recordProvenance(root, "consolidated", provenanceOf(done.outputs, inputs, o, vixSymbol));
  } finally {
    await release();
  }
  const t2 = clock();
  const byDataset = (d: string) => pieceItems.filter((i) => i.partition.startsWith(`${d}/`));
  return {
    underlying: u,
    dates,
    inputs: [
      ...byDataset("option_minute"),
      ...(underlying.items ?? []),
      ...byDataset("option_contracts"),
      ...(vix?.items ?? []),
      ...news.items,
    ],
    outputs: done.outputs,
    stats: statsFromCounts(done.counts, dates, { optionBars: done.optionBars, options: rest }),
    warnings,
    timings: {
      readMs: t1 - t0 + done.readMs,
      computeMs: done.computeMs,
      writeMs: t2 - t1 - done.computeMs - done.readMs,
    },
  };
}
