import pl from "nodejs-polars";
import {
  checkName,
  checkWindows,
  NULL_F64,
  partitionColumns,
  type SeriesInput,
  type SeriesOptions,
  toExpr,
  within,
} from "./_series.ts";

/** Options for {@linkcode roc}. */
export interface RocOptions extends SeriesOptions {
  /** Look-back windows in rows (minutes on a gap-free minute grid). @default {[5, 30, 60]} */
  windows?: readonly number[];
  /** Prefix of the output names. @default {"roc"} */
  prefix?: string;
}

/**
 * Rate of change in percent over each window, as Polars expressions.
 *
 * `roc_n = 100 · (price − price n rows earlier) / (price n rows earlier)`, as
 * TA-Lib's ROC: 1.5 means +1.5 %. The first `n` rows of each series are null, as
 * is any row whose price or base price is null, or whose base price is 0 (no
 * defined rate).
 *
 * @param input Price column name or expression.
 * @param options Windows, name prefix and partitioning.
 * @returns One Float64 expression per window, named `<prefix>_<n>` (`roc_5`, …).
 * @throws {RangeError} If `windows` is empty or holds a non-integer, a value < 1 or a duplicate.
 * @throws {TypeError} If `input`, `prefix`, `by` or `session` is not usable.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { roc } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [100, 110, 99] });
 * const out = df.withColumns(...roc("close", { windows: [1, 2] }));
 * assert.deepEqual(out.getColumn("roc_1").toArray(), [null, 10, -10]);
 * assert.deepEqual(out.getColumn("roc_2").toArray(), [null, null, -1]);
 * ```
 */
export function roc(input: SeriesInput, options: RocOptions = {}): pl.Expr[] {
  const { windows = [5, 30, 60], prefix = "roc" } = options;
  checkWindows(windows, "ROC", "windows");
  checkName(prefix, "ROC", "prefix");
  const cols = partitionColumns(options, "ROC");
  const price = toExpr(input, "ROC").cast(pl.Float64);
  return windows.map((n) => {
    const base = price.shift(n);
    const value = pl.when(base.eq(0)).then(NULL_F64).otherwise(price.sub(base).div(base).mul(100));
    return within(value, cols).alias(`${prefix}_${n}`);
  });
}
