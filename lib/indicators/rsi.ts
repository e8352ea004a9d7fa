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

/** Options for {@linkcode rsi}. */
export interface RsiOptions extends SeriesOptions {
  /**
   * Number of changes averaged (Wilder's `n`; smoothing factor `1/n`).
   *
   * @default {14}
   */
  window?: number;
  /**
   * How the averages of gains and losses start.
   * - `"sma"`: Wilder's definition, as TA-Lib and trading-signals: the first
   *   average is the simple mean of the first `window` changes, then
   *   `avg = ((window − 1)·avg + change) / window`. First value on row `window`.
   * - `"first"`: pandas `ewm(alpha=1/window, adjust=False, min_periods=window)`,
   *   seeded with the first change; converges to `"sma"` after a few hundred rows.
   *
   * @default {"sma"}
   */
  seed?: "sma" | "first";
  /**
   * Output column name.
   *
   * @default {`rsi_${window}`}
   */
  name?: string;
}

/**
 * Relative Strength Index with Wilder smoothing, as a Polars expression.
 *
 * `RSI = 100 · avgGain / (avgGain + avgLoss)` (the same as `100 − 100/(1 + RS)`),
 * on a 0–100 scale. The first `window` rows of each series are null (warm-up);
 * a window with neither gains nor losses (a flat price) gives 50, where TA-Lib
 * gives 0 and trading-signals 100. A null price is skipped: its row is null and
 * the next change is measured from the last non-null price, so RSI equals the RSI
 * of the series with that row removed.
 *
 * @param input Price column name or expression.
 * @param options Window, seed, output name and partitioning.
 * @returns A Float64 expression named `rsi_<window>` unless `name` is given.
 * @throws {RangeError} If `window` is not an integer >= 2 or `seed` is unknown.
 * @throws {TypeError} If `input`, `name`, `by` or `session` is not a usable name or expression.
 * @example A 2-row RSI on a literal frame
 * ```ts
 * import pl from "nodejs-polars";
 * import { rsi } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const df = pl.DataFrame({ close: [1, 2, 3, 2, 3, 4] });
 * const out = df.withColumns(rsi("close", { window: 2 }));
 * // Changes +1, +1, −1, +1, +1; seed avg gain 1, avg loss 0 on row 2.
 * assert.deepEqual(out.getColumn("rsi_2").toArray(), [null, null, 100, 50, 75, 87.5]);
 * ```
 */
export function rsi(input: SeriesInput, options: RsiOptions = {}): pl.Expr {
  const { window = 14, seed = "sma" } = options;
  const { name = `rsi_${window}` } = options;
  checkInteger(window, 2, "RSI", "window");
  if (seed !== "sma" && seed !== "first") {
    throw new RangeError(`Cannot compute RSI: seed must be "sma" or "first", got ${seed}`);
  }
  checkName(name, "RSI", "name");
  const cols = partitionColumns(options, "RSI");
  const price = toExpr(input, "RSI").cast(pl.Float64);
  const change = price.sub(price.shift(1).forwardFill());
  // Changes are counted and summed from the prices (one change fewer than prices;
  // their sum telescopes to price − first price), which is cheaper than from the
  // changes when Polars cannot share subexpressions (inside `.over()`).
  const count = price.cumCount().cast(pl.Int64).sub(1);
  const alpha = 1 / window;
  // Gains and losses enter only through their sum |change| and difference change:
  // avgGain − avgLoss = EMA(change) and avgGain + avgLoss = EMA(|change|) (EMAs are
  // linear, seed included), so RSI = 50 + 50·EMA(change)/EMA(|change|).
  const netSum = price.sub(price.dropNulls().first());
  const net = seed === "sma"
    ? smaSeededEma(change, count, window, alpha, netSum)
    : firstSeededEma(change, alpha, window);
  const gross = seed === "sma"
    ? smaSeededEma(change.abs(), count, window, alpha)
    : firstSeededEma(change.abs(), alpha, window);
  // A flat window (no gains, no losses) has net = gross = 0: divide by 1 there, giving 50.
  const value = net.div(gross.add(gross.eq(0).cast(pl.Float64))).mul(50).add(50);
  return within(value, cols).alias(name);
}
