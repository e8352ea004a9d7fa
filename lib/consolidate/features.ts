/**
 * Causal features for the research table: lagged percentage changes.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { SeriesOptions } from "../indicators/mod.ts";

/** Options for {@linkcode laggedPctChanges}. */
export interface LaggedPctChangesOptions extends SeriesOptions {
  /**
   * Lags in rows: minutes on a gap-free minute grid, which the consolidated table is.
   *
   * @default {[1, 5, 15, 30, 60]}
   */
  lags?: readonly number[];
}

const WHAT = "Cannot build lagged percentage changes";

/**
 * Lagged percentage changes of price-like columns (underlying close, option
 * close, implied volatility…), as Polars expressions.
 *
 * For each column `c` and lag `L`, in that order, `c_pct_change_L =
 * (c − c L rows earlier) / (c L rows earlier)`, as a fraction (0.01 is +1 %),
 * like pandas' and Polars' `pct_change`. Strictly causal: a row uses only itself
 * and earlier rows of its series. Null where either end is null, where the
 * earlier value is 0 (no defined change), and on the first `L` rows of each
 * series. With `by` (for example `"ticker"`) series never mix; with `session`
 * (for example `"date"`) a change never reaches into the previous session, so
 * the first `L` rows of each session are null.
 *
 * Rows must be in time order within each series.
 *
 * @param columns Column name or names.
 * @param options Lags and partitioning.
 * @returns One Float64 expression per column and lag.
 * @throws {RangeError} If `lags` is empty or holds a non-integer, a value < 1 or a duplicate.
 * @throws {TypeError} If a column, `by` or `session` name is empty, or `columns` repeats a name.
 * @example Changes per option contract
 * ```ts
 * import pl from "nodejs-polars";
 * import { laggedPctChanges } from "@lib/consolidate/features.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({
 *   ticker: ["A", "A", "A", "B", "B", "B"],
 *   close: [2, 2.5, 2, 10, 11, 0],
 * });
 * const out = df.withColumns(...laggedPctChanges("close", { lags: [1], by: "ticker" }));
 * assert.deepEqual(out.getColumn("close_pct_change_1").toArray(), [null, 0.25, -0.2, null, 0.1, -1]);
 * ```
 */
export function laggedPctChanges(
  columns: string | readonly string[],
  options: LaggedPctChangesOptions = {},
): pl.Expr[] {
  const { lags = [1, 5, 15, 30, 60], by = [], session } = options;
  const names = typeof columns === "string" ? [columns] : [...columns];
  const partition = [...(typeof by === "string" ? [by] : by)];
  if (session !== undefined) partition.push(session);
  if (names.length === 0) throw new TypeError(`${WHAT}: columns must not be empty`);
  for (const name of [...names, ...partition]) {
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError(
        `${WHAT}: columns, by and session must be non-empty names, got ${JSON.stringify(name)}`,
      );
    }
  }
  if (new Set(names).size !== names.length) {
    throw new TypeError(`${WHAT}: columns must be distinct, got [${names.join(", ")}]`);
  }
  if (!Array.isArray(lags) || lags.length === 0) {
    throw new RangeError(`${WHAT}: lags must be a non-empty array of integers`);
  }
  for (const lag of lags) {
    if (!Number.isInteger(lag) || lag < 1) {
      throw new RangeError(`${WHAT}: each lag must be an integer >= 1, got ${lag}`);
    }
  }
  if (new Set(lags).size !== lags.length) {
    throw new RangeError(`${WHAT}: lags must be distinct, got [${lags.join(", ")}]`);
  }
  return names.flatMap((name) =>
    lags.map((lag) => {
      const value = pl.col(name).cast(pl.Float64);
      const base = value.shift(lag);
      const change = pl
        .when(base.eq(0))
        .then(pl.lit(null).cast(pl.Float64))
        .otherwise(value.sub(base).div(base));
      const scoped = partition.length === 0
        ? change
        : change.over(partition[0], ...partition.slice(1));
      return scoped.alias(`${name}_pct_change_${lag}`);
    })
  );
}
