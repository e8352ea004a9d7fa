import pl from "nodejs-polars";
import { afterCount, firstSeededEma, smaSeededEma } from "./_ema.ts";
import {
  checkInteger,
  checkName,
  partitionColumns,
  type SeriesInput,
  type SeriesOptions,
  toExpr,
  within,
} from "./_series.ts";

/** Options for {@linkcode macd}. */
export interface MacdOptions extends SeriesOptions {
  /** Fast EMA period. @default {12} */
  fast?: number;
  /** Slow EMA period; must exceed `fast`. @default {26} */
  slow?: number;
  /** Signal-line EMA period (an EMA of the MACD line). @default {9} */
  signal?: number;
  /**
   * How each EMA (period `n`, `alpha = 2/(n + 1)`) starts.
   * - `"sma"`: with the simple mean of its first `n` values (TA-Lib,
   *   technicalindicators). The line starts on row `slow − 1`, the signal on row
   *   `slow + signal − 2`.
   * - `"first"`: with the first value, as pandas `ewm(span=n, adjust=False)` and
   *   trading-signals' MACD line.
   *
   * @default {"sma"}
   */
  seed?: "sma" | "first";
  /**
   * What the warm-up rows hold when `seed` is `"first"`: `"null"` nulls the line
   * before row `slow − 1` and the signal and histogram before row
   * `slow + signal − 2` (the same rows as `"sma"`); `"keep"` returns the values
   * from the first row, as pandas does with `min_periods=0`. `"keep"` with
   * `seed: "sma"` is rejected (there are no values to keep).
   *
   * @default {"null"}
   */
  warmUp?: "null" | "keep";
  /** Prefix of the output names. @default {"macd"} */
  prefix?: string;
}

/**
 * Moving Average Convergence/Divergence, as three Polars expressions.
 *
 * Returns `[line, signal, histogram]`, named `<prefix>`, `<prefix>_signal`,
 * `<prefix>_hist` (by default `macd`, `macd_signal`, `macd_hist`), in price units:
 * `line = EMA_fast − EMA_slow`, `signal = EMA_signal(line)`,
 * `histogram = line − signal`. Warm-up rows are null. A null price is skipped as
 * if the row were absent (its outputs are null).
 *
 * @param input Price column name or expression.
 * @param options Periods, seed, warm-up, names and partitioning.
 * @returns Three Float64 expressions: line, signal, histogram.
 * @throws {RangeError} If a period is not an integer >= 1, `fast >= slow`, or
 *   `seed`/`warmUp` is unknown or `warmUp: "keep"` is used with `seed: "sma"`.
 * @throws {TypeError} If `input`, `prefix`, `by` or `session` is not usable.
 * @example MACD(2, 3, 2) on a literal frame
 * ```ts
 * import pl from "nodejs-polars";
 * import { macd } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [1, 2, 3, 4, 5] });
 * const out = df.withColumns(...macd("close", { fast: 2, slow: 3, signal: 2 }));
 * // EMA2 seeded 1.5 on row 1: 2.5, 3.5, 4.5; EMA3 seeded 2 on row 2: 3, 4.
 * assert.deepEqual(out.getColumn("macd").toArray(), [null, null, 0.5, 0.5, 0.5]);
 * assert.deepEqual(out.getColumn("macd_hist").toArray(), [null, null, null, 0, 0]);
 * ```
 */
export function macd(input: SeriesInput, options: MacdOptions = {}): pl.Expr[] {
  const { fast = 12, slow = 26, signal = 9, seed = "sma", warmUp = "null" } = options;
  const { prefix = "macd" } = options;
  checkInteger(fast, 1, "MACD", "fast");
  checkInteger(slow, 2, "MACD", "slow");
  checkInteger(signal, 1, "MACD", "signal");
  if (fast >= slow) {
    throw new RangeError(`Cannot compute MACD: fast must be < slow, got ${fast} and ${slow}`);
  }
  if (seed !== "sma" && seed !== "first") {
    throw new RangeError(`Cannot compute MACD: seed must be "sma" or "first", got ${seed}`);
  }
  if (warmUp !== "null" && warmUp !== "keep") {
    throw new RangeError(`Cannot compute MACD: warmUp must be "null" or "keep", got ${warmUp}`);
  }
  if (warmUp === "keep" && seed === "sma") {
    throw new RangeError(`Cannot compute MACD: warmUp "keep" needs seed "first", got "sma"`);
  }
  checkName(prefix, "MACD", "prefix");
  const cols = partitionColumns(options, "MACD");
  const price = toExpr(input, "MACD").cast(pl.Float64);
  const ema = (values: pl.Expr, n: number) =>
    seed === "sma" ? smaSeededEma(values, n, 2 / (n + 1)) : firstSeededEma(values, 2 / (n + 1));
  let line = ema(price, fast).sub(ema(price, slow));
  let sig = ema(line, signal);
  let hist = line.sub(sig);
  if (seed === "first" && warmUp === "null") {
    line = afterCount(line, price, slow);
    sig = afterCount(sig, price, slow + signal - 1);
    hist = afterCount(hist, price, slow + signal - 1);
  }
  return [
    within(line, cols).alias(prefix),
    within(sig, cols).alias(`${prefix}_signal`),
    within(hist, cols).alias(`${prefix}_hist`),
  ];
}
