// An open structure: legs, marks, and its P&L attribution as it is marked minute by minute.
import type { OptionChain } from "./_chain.ts";
import type { Leg } from "./_select.ts";
import type { SettlementStyle } from "./_settle.ts";

/** Attribution components, in this order in `attr` arrays. */
export const ATTRIBUTION = ["delta", "gamma", "theta", "vega", "residual", "costs"] as const;
export const A_DELTA = 0, A_GAMMA = 1, A_THETA = 2, A_VEGA = 3, A_RESIDUAL = 4, A_COSTS = 5;

/** An open structure (see `_kernel.ts`). `mark` is each leg's latest close, $/share. */
export interface Position {
  id: number;
  legs: Leg[];
  n: number;
  multiplier: number;
  entryMinute: number;
  entryNet: number;
  entryFill: number[];
  exitFill: number[];
  mark: Float64Array;
  /** Per leg, the row of its latest bar (−1 for the underlying). */
  lastRow: Int32Array;
  /** Per leg, the index in `cRows` of its latest bar. */
  ptr: Int32Array;
  /** Spot at each leg's latest bar. */
  lastSpot: Float64Array;
  lastTs: Float64Array;
  nearExpiry: number;
  /** Settlement of the option root (see `settlementStyle`). */
  style: SettlementStyle;
  attr: Float64Array;
  fees: number;
  slippage: number;
  buyingPower: number;
  maxProfit: number;
  maxLoss: number;
  cashFlow: number;
  assignedShares: number;
  settlePx: number;
}

/** Dollars per $/share of leg `l` of `p`: side · ratio · multiplier · n. */
export const legScale = (p: Position, l: number) =>
  p.legs[l].side * p.legs[l].ratio * p.multiplier * p.n;

/** Structure value at the marks, dollars. */
export function markValue(p: Position): number {
  let v = 0;
  for (let l = 0; l < p.legs.length; l++) v += legScale(p, l) * p.mark[l];
  return v;
}

/**
 * Moves leg `l`'s mark to `px` at spot `spot`, time `tsMs`, adding the step's Greek terms
 * (the previous bar's delta·ΔS, ½gamma·ΔS², theta_day·Δdays, vega_pct·Δiv·100) and the
 * residual to `p.attr` and to `out` (the portfolio's row of this minute), dollars.
 */
export function markLeg(
  c: OptionChain,
  p: Position,
  l: number,
  px: number,
  spot: number,
  tsMs: number,
  ivNow: number,
  out: Float64Array,
  at: number,
): void {
  const scale = legScale(p, l), dV = (px - p.mark[l]) * scale, r = p.lastRow[l];
  const dS = spot - p.lastSpot[l];
  let d = 0, g = 0, t = 0, v = 0;
  if (r < 0) d = dS * scale;
  else if (dS === dS) {
    const dl = c.delta[r], gm = c.gamma[r], th = c.thetaDay[r], vg = c.vegaPct[r];
    if (dl === dl) d = dl * dS * scale;
    if (gm === gm) g = 0.5 * gm * dS * dS * scale;
    if (th === th) t = th * ((tsMs - p.lastTs[l]) / 86_400_000) * scale;
    const dIv = ivNow - c.iv[r];
    if (vg === vg && dIv === dIv) v = vg * dIv * 100 * scale;
  }
  const res = dV - d - g - t - v;
  const a = p.attr;
  (a[0] += d), (a[1] += g), (a[2] += t), (a[3] += v), (a[4] += res);
  (out[at] += d), (out[at + 1] += g), (out[at + 2] += t), (out[at + 3] += v), (out[at + 4] += res);
  p.mark[l] = px;
  if (spot === spot) p.lastSpot[l] = spot;
  p.lastTs[l] = tsMs;
}

/**
 * Advances every leg of `p` to minute `m`: new bars re-mark their legs (see `markLeg`);
 * without `attribute` (sweeps) only the marks move.
 */
export function advance(
  c: OptionChain,
  p: Position,
  m: number,
  out: Float64Array,
  attribute: boolean,
): void {
  const at = m * 6, spot = c.spot[m];
  for (let l = 0; l < p.legs.length; l++) {
    const k = p.legs[l].contract;
    if (k < 0) {
      if (spot !== spot) continue;
      if (attribute) markLeg(c, p, l, spot, spot, c.tsMs[m], NaN, out, at);
      else p.mark[l] = spot;
      continue;
    }
    const end = c.cStart[k + 1];
    let ptr = p.ptr[l];
    while (ptr + 1 < end && c.rowMinute[c.cRows[ptr + 1]] <= m) {
      const r = c.cRows[++ptr];
      if (attribute) {
        const rm = c.rowMinute[r];
        markLeg(c, p, l, c.close[r], c.spot[rm], c.tsMs[rm], c.iv[r], out, at);
      } else p.mark[l] = c.close[r];
      p.lastRow[l] = r;
    }
    p.ptr[l] = ptr;
  }
}
