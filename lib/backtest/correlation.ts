/**
 * Correlation analysis of a portfolio's assets: the matrix of their daily return
 * correlations and the rolling correlation of each pair.
 *
 * @module
 */
import pl from "nodejs-polars";
import { correlationFromCovariance, trailingCovariance } from "./allocation/covariance.ts";
import { toMarket } from "./market.ts";

/** Options of {@link correlationMatrix} and {@link rollingCorrelation}. */
export interface CorrelationOptions {
  /** Returns per rolling window (rolling only). @default 63 */
  window?: number;
}

/**
 * Pearson correlation of the assets' simple returns (close to close) over every bar the
 * frame holds for all of them.
 *
 * @param frame Bars with `ts`, `symbol` and `close` (as `runBacktest` takes).
 * @returns One row per symbol: `symbol`, then one column per symbol (1 on the diagonal).
 * @throws {RangeError} With fewer than 2 symbols or 3 shared bars.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { correlationMatrix } from "./correlation.ts";
 * import assert from "node:assert/strict";
 * const ts = [1, 2, 3, 4].map((d) => Date.UTC(2024, 0, d + 1));
 * const frame = pl.DataFrame({
 *   ts: [...ts, ...ts], symbol: ["A", "A", "A", "A", "B", "B", "B", "B"],
 *   close: [10, 11, 10, 11, 20, 18, 20, 18], // B moves exactly against A
 * });
 * const m = correlationMatrix(frame);
 * assert.deepEqual((m.getColumn("A").toArray() as number[]).map((v) => +v.toFixed(12)), [1, -1]);
 * ```
 */
export function correlationMatrix(frame: pl.DataFrame): pl.DataFrame {
  const m = toMarket(frame);
  if (m.nAssets < 2) {
    throw new RangeError(`Cannot correlate assets: need 2 or more symbols, got ${m.nAssets}`);
  }
  if (m.nBars < 3) {
    throw new RangeError(`Cannot correlate assets: need 3 or more bars, got ${m.nBars}`);
  }
  const assets = m.symbols.map((_, a) => a);
  const k = assets.length;
  const corr = correlationFromCovariance(
    trailingCovariance(m.close, m.nBars, assets, m.nBars - 1, m.nBars - 1),
    k,
  );
  const cols: Record<string, unknown[]> = { symbol: m.symbols };
  m.symbols.forEach((s, b) => (cols[s] = assets.map((a) => corr[a * k + b])));
  return pl.DataFrame(cols);
}

/**
 * Rolling correlation of every pair of assets: at each bar from `window` on, the
 * correlation of their last `window` simple returns.
 *
 * @param frame Bars with `ts`, `symbol` and `close`.
 * @param options The window.
 * @returns Long format: `ts` (Datetime ms), `pair` ("A/B", symbols sorted), `correlation`.
 * @throws {RangeError} With fewer than 2 symbols or window < 2.
 */
export function rollingCorrelation(
  frame: pl.DataFrame,
  options: CorrelationOptions = {},
): pl.DataFrame {
  const { window = 63 } = options;
  const m = toMarket(frame);
  if (m.nAssets < 2) {
    throw new RangeError(`Cannot correlate assets: need 2 or more symbols, got ${m.nAssets}`);
  }
  if (!(window >= 2)) {
    throw new RangeError(`Cannot correlate assets: window must be >= 2, got ${window}`);
  }
  const ts: number[] = [], pair: string[] = [], value: number[] = [];
  for (let a = 0; a < m.nAssets; a++) {
    for (let b = a + 1; b < m.nAssets; b++) {
      for (let i = window; i < m.nBars; i++) {
        const cov = trailingCovariance(m.close, m.nBars, [a, b], i, window);
        ts.push(m.tsMs[i]);
        pair.push(`${m.symbols[a]}/${m.symbols[b]}`);
        value.push(cov[1] / Math.sqrt(cov[0] * cov[3]));
      }
    }
  }
  return pl.DataFrame({
    ts: pl.Series("ts", ts, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pair,
    correlation: pl.Series("correlation", value, pl.Float64),
  });
}
