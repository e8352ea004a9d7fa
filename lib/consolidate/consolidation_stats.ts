/**
 * Summary statistics of a consolidated table: sizes and null counts per column group.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { distinctDates } from "./_grid.ts";
import { addCounts, emptyCounts, statsFromCounts } from "./_stats.ts";
import type { ConsolidateOptions } from "./options.ts";

/** Null counts of one column group. */
export interface GroupNulls {
  /** Cells in the group (rows × columns present). */
  cells: number;
  /** Null cells in the group. */
  nulls: number;
  /** Null count of each column of the group. */
  columns: Record<string, number>;
}

/** What {@linkcode consolidationStats} reports. */
export interface ConsolidationStats {
  /** Trading dates consolidated. */
  dates: number;
  /** Regular-session minutes of those dates (the underlying's grid). */
  minutes: number;
  /** Distinct option tickers. */
  contracts: number;
  /** Distinct (ticker, date) pairs. */
  contractDays: number;
  /** Rows of the table: traded option minutes on the grid. */
  rows: number;
  /** Option bars given that fell outside the sessions (when `optionBars` is given). */
  offSession: number | null;
  /** Null counts per column group (key, contract, option, underlying, vix, …). */
  nulls: Record<string, GroupNulls>;
  /** Rows per implied-vol status. */
  ivStatus: Record<string, number>;
}

/** Options for {@linkcode consolidationStats}. */
export interface ConsolidationStatsOptions {
  /** The dates consolidated (default: the dates in the table; dates without rows count too). */
  dates?: readonly string[];
  /** Option bars given to `consolidate`, to count those outside the sessions. */
  optionBars?: number;
  /** The options the table was built with (they name the indicator and feature columns). */
  options?: ConsolidateOptions;
}

/**
 * Sizes and null counts per column group of a table from `consolidate`.
 *
 * @param table The consolidated frame (with `date`, `ticker` and `iv_status`).
 * @param options Dates, the input option-bar count and the consolidation options.
 * @returns Counts; columns of a group missing from the table are left out of it.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { consolidationStats } from "./consolidation_stats.ts";
 * import assert from "node:assert/strict";
 * const table = pl.DataFrame({ ticker: ["A", "A"], iv_status: ["ok", "bad_input"], iv: [0.2, null] })
 *   .withColumns(pl.lit("2025-03-03").str.strptime(pl.Date, "%Y-%m-%d").alias("date"));
 * const s = consolidationStats(table, { optionBars: 3 });
 * assert.equal(s.minutes, 390);
 * assert.equal(s.offSession, 1);
 * assert.deepEqual(s.nulls.greeks.columns, { iv: 1, iv_status: 0 });
 * ```
 */
export function consolidationStats(
  table: pl.DataFrame,
  options: ConsolidationStatsOptions = {},
): ConsolidationStats {
  const dates = options.dates ?? distinctDates(table.getColumn("date"));
  return statsFromCounts(addCounts(emptyCounts(), table), dates, options);
}
