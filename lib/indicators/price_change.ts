import pl from "nodejs-polars";
import {
  checkName,
  checkWindows,
  partitionColumns,
  type SeriesInput,
  type SeriesOptions,
  toExpr,
  within,
} from "./_series.ts";

/** Options for {@linkcode priceChange}. */
export interface PriceChangeOptions extends SeriesOptions {
  /** Look-back windows in rows (minutes on a gap-free minute grid). @default {[5, 30, 60]} */
  windows?: readonly number[];
  /** Prefix of the output names. @default {"chg"} */
  prefix?: string;
}

/**
 * Price change over each window, in price units, as Polars expressions.
 *
 * `chg_n = price − price n rows earlier` (dollars per share for prices). The
 * first `n` rows of each series are null, as is any row whose price or base
 * price is null.
 *
 * @param input Price column name or expression.
 * @param options Windows, name prefix and partitioning.
 * @returns One Float64 expression per window, named `<prefix>_<n>` (`chg_5`, …).
 * @throws {RangeError} If `windows` is empty or holds a non-integer, a value < 1 or a duplicate.
 * @throws {TypeError} If `input`, `prefix`, `by` or `session` is not usable.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { priceChange } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [100, 110, 99] });
 * const out = df.withColumns(...priceChange("close", { windows: [1, 2] }));
 * assert.deepEqual(out.getColumn("chg_1").toArray(), [null, 10, -11]);
 * assert.deepEqual(out.getColumn("chg_2").toArray(), [null, null, -1]);
 * ```
 */
export function priceChange(input: SeriesInput, options: PriceChangeOptions = {}): pl.Expr[] {
  const { windows = [5, 30, 60], prefix = "chg" } = options;
  checkWindows(windows, "price change", "windows");
  checkName(prefix, "price change", "prefix");
  const cols = partitionColumns(options, "price change");
  const price = toExpr(input, "price change").cast(pl.Float64);
  return windows.map((n) => within(price.sub(price.shift(n)), cols).alias(`${prefix}_${n}`));
}
