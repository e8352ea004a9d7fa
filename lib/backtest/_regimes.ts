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

/** Masks of bear, range and high-VIX bars (`vix` null when the market has no vix column). */
export function regimeMasks(m: Market, o: RegimeOptions) {
  const r = basketReturn(m, o.lookbackBars), n = m.nBars;
  const bear = new Uint8Array(n), range = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (r[i] <= -o.bearDrop) bear[i] = 1;
    if (Math.abs(r[i]) < o.rangeBand) range[i] = 1;
  }
  const v = m.extra.vix;
  const vix = v === undefined ? null : Uint8Array.from(v, (x) => (x >= o.vixLevel ? 1 : 0));
  return { bear, range, vix };
}
