// Lookups over a market's segments (symbols that come and go on shared asset lanes).
import type { Market } from "./market.ts";

/** Index of the first bar starting at or after `t` (`tsMs.length` when none). */
export function lowerBound(tsMs: Float64Array, t: number): number {
  let lo = 0, hi = tsMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tsMs[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `nBars × nAssets` flags (column-major) of the bars that end a segment: the bar starting
 * at the segment's `toMs`, when the market has it (a slice may end before the segment).
 */
export function segmentEnds(m: Market): Uint8Array {
  const out = new Uint8Array(m.nBars * m.nAssets), s = m.segments;
  if (s === undefined) return out;
  for (let k = 0; k < s.asset.length; k++) {
    const i = lowerBound(m.tsMs, s.toMs[k]);
    if (i < m.nBars && m.tsMs[i] === s.toMs[k]) out[s.asset[k] * m.nBars + i] = 1;
  }
  return out;
}

/**
 * The symbol of asset `a` at bar `i`: `m.symbols[a]`, or for a market with segments the
 * symbol of the segment covering that bar on that asset (the asset's name between segments).
 */
export function symbolLookup(m: Market): (a: number, i: number) => string {
  const s = m.segments;
  if (s === undefined) return (a) => m.symbols[a];
  const byAsset = m.symbols.map(() => [] as number[]);
  for (let k = 0; k < s.asset.length; k++) byAsset[s.asset[k]].push(k);
  return (a, i) => {
    const list = byAsset[a], t = m.tsMs[i];
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s.fromMs[list[mid]] <= t) lo = mid + 1;
      else hi = mid;
    }
    const k = lo > 0 ? list[lo - 1] : -1;
    return k >= 0 && t <= s.toMs[k] ? s.symbol[k] : m.symbols[a];
  };
}
