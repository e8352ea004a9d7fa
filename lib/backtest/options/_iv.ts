// ATM implied vol of an expiry, and its rank and percentile against earlier days.
import type { OptionChain } from "./_chain.ts";

/** Mean IV of the call and the put nearest spot at expiry `e` in minute `m`; NaN if none. */
export function atmIv(c: OptionChain, m: number, e: number): number {
  const spot = c.spot[m];
  let s = 0, k = 0;
  for (const right of [1, -1]) {
    let best = -1, gap = Infinity;
    for (let r = c.rowStart[m]; r < c.rowStart[m + 1]; r++) {
      const id = c.contract[r];
      if (c.right[id] !== right || c.expiryDay[id] !== e || c.iv[r] !== c.iv[r]) continue;
      const g = Math.abs(c.strike[id] - spot);
      if (g < gap) (gap = g), (best = r);
    }
    if (best >= 0) (s += c.iv[best]), k++;
  }
  return k > 0 ? s / k : NaN;
}

/**
 * IV rank `(iv − min)/(max − min)` and percentile (fraction of values below `iv`) of `iv`
 * against `history` (the previous days' ATM IVs, oldest first; the last `lookback` used).
 * NaN for both with fewer than 2 earlier values or a NaN `iv`.
 */
export function ivRank(iv: number, history: number[], lookback: number) {
  const h = history.slice(-lookback).filter((x) => x === x);
  if (h.length < 2 || iv !== iv) return { rank: NaN, percentile: NaN };
  const lo = Math.min(...h), hi = Math.max(...h);
  return {
    rank: hi > lo ? (iv - lo) / (hi - lo) : NaN,
    percentile: h.filter((x) => x < iv).length / h.length,
  };
}
