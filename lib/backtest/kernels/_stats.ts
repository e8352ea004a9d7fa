// Layout of the per-group streaming accumulators written by the simulation kernel.

export const S_BARS = 0;
export const S_SUM_R = 1;
export const S_SUM_R2 = 2;
export const S_SUM_DOWN2 = 3;
export const S_INIT = 4;
export const S_FINAL = 5;
export const S_MAX_DD = 6;
export const S_MAX_DD_BARS = 7;
export const S_EXPOSURE_BARS = 8;
export const S_CLOSED = 9;
export const S_OPEN = 10;
export const S_WINS = 11;
export const S_GROSS_PROFIT = 12;
export const S_GROSS_LOSS = 13;
export const S_SUM_RET = 14;
export const S_BEST = 15;
export const S_WORST = 16;
export const S_SUM_PNL = 17;
export const S_ORDERS = 18;
export const S_FEES = 19;
export const N_STATS = 20;

/** Resets the trade part of group `g`'s accumulators. */
export function resetTradeStats(stats: Float64Array, g: number): void {
  const o = g * N_STATS;
  for (let k = S_CLOSED; k < N_STATS; k++) stats[o + k] = 0;
  stats[o + S_BEST] = -Infinity;
  stats[o + S_WORST] = Infinity;
}

/** Adds one closed trade's PnL (dollars) and return (fraction) to group `g`. */
export function addClosedTrade(stats: Float64Array, g: number, pnl: number, ret: number): void {
  const o = g * N_STATS;
  stats[o + S_CLOSED]++;
  if (pnl > 0) {
    stats[o + S_WINS]++;
    stats[o + S_GROSS_PROFIT] += pnl;
  } else stats[o + S_GROSS_LOSS] -= pnl;
  stats[o + S_SUM_RET] += ret;
  stats[o + S_SUM_PNL] += pnl;
  if (ret > stats[o + S_BEST]) stats[o + S_BEST] = ret;
  if (ret < stats[o + S_WORST]) stats[o + S_WORST] = ret;
}

/**
 * Streams an equity series into the equity part of group `g`'s accumulators: per-bar
 * returns `r_i = v_i/v_{i−1} − 1` (the first against `initCash`, 0 after a wipe-out),
 * drawdown against the running peak that starts at `initCash`, drawdown duration in bars
 * from the peak to the recovery bar (or the last bar). With a `mask`, only bars with
 * `mask[i] !== 0` count, and the final value and drawdowns are those of the path
 * `initCash·∏(1 + r_i)` over the counted bars (the portfolio invested on those bars only),
 * so every metric describes the same subset; without one the path is `value` itself.
 */
export function accumulateEquity(
  stats: Float64Array,
  g: number,
  value: Float64Array,
  initCash: number,
  exposed: Uint8Array | null,
  mask: Uint8Array | null,
): void {
  const o = g * N_STATS;
  let prev = initCash, w = initCash, peak = initCash, peakBar = -1, maxDD = 0, maxDur = 0;
  let n = 0, s = 0, s2 = 0, d2 = 0, ex = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const r = prev > 0 ? v / prev - 1 : 0;
    prev = v;
    if (mask !== null && mask[i] === 0) continue;
    const k = n++;
    w = mask === null ? v : w * (1 + r);
    if (w >= peak) {
      if (peakBar < k - 1 && k - peakBar > maxDur) maxDur = k - peakBar;
      peak = w;
      peakBar = k;
    } else {
      const dd = w / peak - 1;
      if (dd < maxDD) maxDD = dd;
      if (k - peakBar > maxDur) maxDur = k - peakBar;
    }
    s += r;
    s2 += r * r;
    if (r < 0) d2 += r * r;
    if (exposed !== null && exposed[i] !== 0) ex++;
  }
  stats[o + S_BARS] = n;
  stats[o + S_SUM_R] = s;
  stats[o + S_SUM_R2] = s2;
  stats[o + S_SUM_DOWN2] = d2;
  stats[o + S_INIT] = initCash;
  stats[o + S_FINAL] = n > 0 ? w : initCash;
  stats[o + S_MAX_DD] = maxDD;
  stats[o + S_MAX_DD_BARS] = maxDur;
  stats[o + S_EXPOSURE_BARS] = ex;
}
