// Market regimes as bar masks, for conditional stress metrics.
import type { Market } from "./market.ts";

/** Regime thresholds. */
export interface RegimeOptions {
  /** Trailing window of the regime return, bars. */
  lookbackBars: number;
  /** Bear: trailing return <= −bearDrop. */
  bearDrop: number;
  /** Range: |trailing return| < rangeBand. */
  rangeBand: number;
  /** High VIX: `vix` >= this level. */
  vixLevel: number;
}

/**
 * Trailing return per bar of the equal-weighted basket of `m`'s assets:
 * mean over assets of `close[i]/close[i−L] − 1` (NaN assets skipped; NaN before L bars).
 */
export function basketReturn(m: Market, lookback: number): Float64Array {
  const n = m.nBars, out = new Float64Array(n).fill(NaN);
  for (let i = lookback; i < n; i++) {
    let s = 0, k = 0;
    for (let a = 0; a < m.nAssets; a++) {
      const r = m.close[a * n + i] / m.close[a * n + i - lookback] - 1;
      if (r === r) (s += r), k++;
    }
    if (k > 0) out[i] = s / k;
  }
  return out;
}

/** Trailing return of `x` over `lookback` bars (NaN before it). */
function trailingReturn(x: Float64Array, lookback: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = lookback; i < x.length; i++) out[i] = x[i] / x[i - lookback] - 1;
  return out;
}

/**
 * Masks of bear, range and high-VIX bars, from the underlying, never option prices: the
 * market's `extra.underlying` when it has one (option markets from a consolidated table),
 * else the basket of its assets (bar strategies trade the underlyings themselves). `bear` and
 * `range` are null for an option market without an underlying price, `vix` when the market
 * has no vix column; `source` says which was used.
 */
export function regimeMasks(m: Market, o: RegimeOptions) {
  const n = m.nBars, u = m.extra.underlying;
  const options = m.segments !== undefined;
  const vixMask = (v: Float64Array | undefined) =>
    v === undefined ? null : Uint8Array.from(v, (x) => (x >= o.vixLevel ? 1 : 0));
  if (u === undefined && options) {
    return { bear: null, range: null, vix: vixMask(m.extra.vix), source: "none" as const };
  }
  const r = u !== undefined ? trailingReturn(u, o.lookbackBars) : basketReturn(m, o.lookbackBars);
  const bear = new Uint8Array(n), range = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (r[i] <= -o.bearDrop) bear[i] = 1;
    if (Math.abs(r[i]) < o.rangeBand) range[i] = 1;
  }
  const source = u !== undefined ? "underlying" as const : "basket" as const;
  return { bear, range, vix: vixMask(m.extra.vix), source };
}
