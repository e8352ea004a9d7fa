import pl from "nodejs-polars";
import { rollingStdAccurate, windowMoves } from "./_rolling_std.ts";
import {
  checkInteger,
  checkName,
  partitionColumns,
  type SeriesInput,
  type SeriesOptions,
  toExpr,
  within,
} from "./_series.ts";

/** Options for {@linkcode bollinger}. */
export interface BollingerOptions extends SeriesOptions {
  /** Rows in the moving window. @default {20} */
  window?: number;
  /** Band half-width in standard deviations. @default {2} */
  stdDevs?: number;
  /**
   * Delta degrees of freedom of the standard deviation: `0` is the population
   * stdev (divide by `window`), as TA-Lib, trading-signals and
   * technicalindicators; `1` the sample stdev, as pandas' `rolling().std()`.
   *
   * @default {0}
   */
  ddof?: 0 | 1;
  /** Prefix of the output names. @default {"bb"} */
  prefix?: string;
}

/**
 * Bollinger Bands, as five Polars expressions.
 *
 * Returns `[middle, upper, lower, pctB, bandwidth]`, named `<prefix>_middle`,
 * `<prefix>_upper`, `<prefix>_lower`, `<prefix>_pct_b`, `<prefix>_bandwidth`:
 * `middle` is the simple moving average, `upper/lower = middle ± stdDevs·σ` (price
 * units), `pct_b = (price − lower)/(upper − lower)` (0 at the lower band, 1 at the
 * upper), `bandwidth = (upper − lower)/middle` (a fraction of the middle band).
 * The first `window − 1` rows are null, as is any row whose window holds a null.
 * When every price in the window is equal, σ is exactly 0, the bands meet and
 * `pct_b` is 0.5.
 *
 * @param input Price column name or expression.
 * @param options Window, width, ddof, names and partitioning.
 * @returns Five Float64 expressions: middle, upper, lower, %B, bandwidth.
 * @throws {RangeError} If `window` is not an integer >= 2, `stdDevs` is not a
 *   positive finite number or `ddof` is not 0 or 1.
 * @throws {TypeError} If `input`, `prefix`, `by` or `session` is not usable.
 * @example Bands over 2 rows
 * ```ts
 * import pl from "nodejs-polars";
 * import { bollinger } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [10, 12, 12] });
 * const out = df.withColumns(...bollinger("close", { window: 2, stdDevs: 1 }));
 * assert.deepEqual(out.getColumn("bb_upper").toArray(), [null, 12, 12]);
 * assert.deepEqual(out.getColumn("bb_lower").toArray(), [null, 10, 12]);
 * assert.deepEqual(out.getColumn("bb_pct_b").toArray(), [null, 1, 0.5]);
 * ```
 */
export function bollinger(input: SeriesInput, options: BollingerOptions = {}): pl.Expr[] {
  const { window = 20, stdDevs = 2, ddof = 0, prefix = "bb" } = options;
  checkInteger(window, 2, "Bollinger Bands", "window");
  if (typeof stdDevs !== "number" || !Number.isFinite(stdDevs) || stdDevs <= 0) {
    throw new RangeError(
      `Cannot compute Bollinger Bands: stdDevs must be a positive finite number, got ${stdDevs}`,
    );
  }
  if (ddof !== 0 && ddof !== 1) {
    throw new RangeError(`Cannot compute Bollinger Bands: ddof must be 0 or 1, got ${ddof}`);
  }
  checkName(prefix, "Bollinger Bands", "prefix");
  const cols = partitionColumns(options, "Bollinger Bands");
  const price = toExpr(input, "Bollinger Bands").cast(pl.Float64);
  const middle = price.rollingMean(window);
  const sigma = rollingStdAccurate(price, window, ddof);
  const halfWidth = sigma.mul(stdDevs);
  const upper = middle.add(halfWidth);
  const lower = middle.sub(halfWidth);
  // (price − lower)/(upper − lower), written with one stdev; 0.5 when the bands meet.
  const pctB = pl
    .when(windowMoves(price, window).not())
    .then(pl.lit(0.5))
    .otherwise(price.sub(middle).div(halfWidth.mul(2)).add(0.5));
  const bandwidth = halfWidth.mul(2).div(middle);
  return [
    within(middle, cols).alias(`${prefix}_middle`),
    within(upper, cols).alias(`${prefix}_upper`),
    within(lower, cols).alias(`${prefix}_lower`),
    within(pctB, cols).alias(`${prefix}_pct_b`),
    within(bandwidth, cols).alias(`${prefix}_bandwidth`),
  ];
}
