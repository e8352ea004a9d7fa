// Bootstrap confidence intervals of trade metrics.
import pl from "nodejs-polars";
import { mulberry32 } from "../random/mod.ts";

/** Options of {@linkcode bootstrapTrades}. */
export interface BootstrapTradesOptions {
  /** Resamples. @default 2000 */
  n?: number;
  /** PRNG seed. @default 0 */
  seed?: number;
  /** Two-sided confidence level. @default 0.95 */
  confidence?: number;
  /** The run's starting cash, dollars: `total_return` is summed P&L over it. @default 100_000 */
  initCash?: number;
}

type Stat = (pnl: Float64Array, ret: Float64Array, idx: Int32Array, initCash: number) => number;
const STATS: Array<[string, Stat]> = [
  ["avg_trade_return", (_p, r, ix) => ix.reduce((a, k) => a + r[k], 0) / ix.length],
  ["expectancy", (p, _r, ix) => ix.reduce((a, k) => a + p[k], 0) / ix.length],
  ["win_rate", (p, _r, ix) => ix.reduce((a, k) => a + (p[k] > 0 ? 1 : 0), 0) / ix.length],
  ["profit_factor", (p, _r, ix) => {
    let win = 0, loss = 0;
    for (const k of ix) p[k] > 0 ? (win += p[k]) : (loss -= p[k]);
    return loss > 0 ? win / loss : win > 0 ? Infinity : NaN;
  }],
  ["total_return", (p, _r, ix, cash) => ix.reduce((a, k) => a + p[k], 0) / cash],
];

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q, lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}

/**
 * Percentile-bootstrap confidence intervals from the closed trades of a trades frame
 * (`pnl`, `return`, `status` as from `runBacktest`): trades are resampled with
 * replacement `n` times (seeded) and each statistic's `(1−c)/2` and `(1+c)/2` quantiles
 * (linear interpolation) are reported beside its value on the actual trades. Statistics:
 * average trade return, expectancy (mean PnL, dollars), win rate, profit factor and the
 * total return `Σ pnl / initCash`: the trades' dollar P&L at the strategy's own sizing, so
 * that on the actual trades it is the run's total return when every trade is closed (not a
 * compounding of trade returns as if each trade were taken with all the capital, which
 * reports −100 % for a strategy that risks a slice of its equity per trade).
 *
 * @returns Rows `metric`, `estimate`, `lower`, `upper`.
 * @throws {RangeError} With no closed trade or out-of-range options.
 */
export function bootstrapTrades(
  trades: pl.DataFrame,
  options: BootstrapTradesOptions = {},
): pl.DataFrame {
  const { n = 2000, seed = 0, confidence = 0.95, initCash = 100_000 } = options;
  if (!(initCash > 0)) {
    throw new RangeError(`Cannot bootstrap trades: initCash must be > 0, got ${initCash}`);
  }
  if (!(Number.isInteger(n) && n >= 10)) {
    throw new RangeError(`Cannot bootstrap trades: n must be an integer >= 10, got ${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(
      `Cannot bootstrap trades: confidence must be in (0, 1), got ${confidence}`,
    );
  }
  const closed = trades.filter(pl.col("status").eq(pl.lit("closed")));
  const k = closed.height;
  if (k === 0) throw new RangeError("Cannot bootstrap trades: there is no closed trade");
  const pnl = closed.getColumn("pnl").toTypedArray() as Float64Array;
  const ret = closed.getColumn("return").toTypedArray() as Float64Array;
  const rand = mulberry32(seed), all = Int32Array.from({ length: k }, (_, i) => i);
  const samples = STATS.map(() => new Float64Array(n));
  const idx = new Int32Array(k);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < k; i++) idx[i] = Math.floor(rand() * k);
    STATS.forEach(([, f], j) => (samples[j][b] = f(pnl, ret, idx, initCash)));
  }
  const a = (1 - confidence) / 2;
  for (const s of samples) s.sort();
  return pl.DataFrame({
    metric: STATS.map(([name]) => name),
    estimate: STATS.map(([, f]) => f(pnl, ret, all, initCash)),
    lower: samples.map((s) => quantile(s, a)),
    upper: samples.map((s) => quantile(s, 1 - a)),
  });
}
