import pl from "nodejs-polars";
import { firstSeededEma, smaSeededEma } from "./_ema.ts";
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
   * - `"first"`: with the first value, as pandas `ewm(span=n, adjust=False)`,
   *   vectorbt and trading-signals. The signal line starts from the first line
   *   value (row `slow − 1`), as trading-signals and pandas with
   *   `min_periods` do.
   * - `"sma"`: with the simple mean of its first `n` values, as TA-Lib and
   *   technicalindicators; the signal line is seeded with the mean of the first
   *   `signal` line values.
   *
   * Either way the line starts on row `slow − 1` and the signal and histogram on
   * row `slow + signal − 2` (unless `warmUp` is `"keep"`).
   *
   * @default {"first"}
   */
  seed?: "sma" | "first";
  /**
   * What the warm-up rows hold: `"null"` nulls the line before row `slow − 1`
   * and the signal and histogram before row `slow + signal − 2`; `"keep"` (only
   * with `seed: "first"`) computes every stage from the first row, as pandas
   * does with its default `min_periods=0`, so the signal also averages the early
   * line values. `"keep"` with `seed: "sma"` is rejected: there are no values to
   * keep.
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
 * if the row were absent (its outputs are null). Rows are counted from each
 * series' first non-null price.
 *
 * @param input Price column name or expression.
 * @param options Periods, seed, warm-up, names and partitioning.
 * @returns Three Float64 expressions: line, signal, histogram.
 * @throws {RangeError} If a period is not an integer >= 1, `fast >= slow`, or
 *   `seed`/`warmUp` is unknown or `warmUp: "keep"` is used with `seed: "sma"`.
 * @throws {TypeError} If `input`, `prefix`, `by` or `session` is not usable.
 * @example MACD(2, 3, 2) on a literal frame, both seeds
 * ```ts
 * import pl from "nodejs-polars";
 * import { macd } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [1, 2, 3, 4, 5] });
 * const opts = { fast: 2, slow: 3, signal: 2 };
 * const out = df.select(...macd("close", opts), ...macd("close", { ...opts, seed: "sma", prefix: "ta" }));
 * const rounded = (name: string) =>
 *   (out.getColumn(name).toArray() as (number | null)[]).map((v) =>
 *     v === null ? null : Math.round(v * 1e9) / 1e9
 *   );
 * // First-seeded: EMA2 = 1, 5/3, 23/9, …; EMA3 = 1, 1.5, 2.25, …
 * assert.deepEqual(rounded("macd").slice(0, 3), [null, null, 0.305555556]);
 * // SMA-seeded: EMA2 seeded 1.5 on row 1: 2.5, 3.5, 4.5; EMA3 seeded 2 on row 2: 3, 4.
 * assert.deepEqual(rounded("ta"), [null, null, 0.5, 0.5, 0.5]);
 * assert.deepEqual(rounded("ta_hist"), [null, null, null, 0, 0]);
 * ```
 */
export function macd(input: SeriesInput, options: MacdOptions = {}): pl.Expr[] {
  const { fast = 12, slow = 26, signal = 9, seed = "first", warmUp = "null" } = options;
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
  const count = price.cumCount();
  let line: pl.Expr;
  let sig: pl.Expr;
  if (seed === "sma") {
    const ema = (n: number) => smaSeededEma(price, count, n, 2 / (n + 1));
    line = ema(fast).sub(ema(slow));
    // The line has a value from the slow-th price on, so its own count is count − slow + 1.
    const lineCount = count.cast(pl.Int64).sub(slow - 1);
    sig = smaSeededEma(line, lineCount, signal, 2 / (signal + 1));
  } else {
    // pandas ewm(span, adjust=False, min_periods) at every stage; min_periods 0 to keep.
    const keep = warmUp === "keep";
    const ema = (n: number) => firstSeededEma(price, 2 / (n + 1), keep ? 1 : slow);
    line = ema(fast).sub(ema(slow));
    sig = firstSeededEma(line, 2 / (signal + 1), keep ? 1 : signal);
  }
  const hist = line.sub(sig);
  return [
    within(line, cols).alias(prefix),
    within(sig, cols).alias(`${prefix}_signal`),
    within(hist, cols).alias(`${prefix}_hist`),
  ];
}
