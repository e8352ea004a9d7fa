// Closing a structure: at its marks with slippage, or by settlement at expiry.
import type { OptionChain } from "./_chain.ts";
import { A_COSTS, legScale, markLeg, type Position } from "./_position.ts";
import { fillPrice, type SettlementStyle } from "./_settle.ts";
import type { ResolvedOptions } from "./types.ts";

/**
 * Closes the legs `which` (all by default) of `p` at minute `m`: each at its mark (its latest
 * close; the underlying at spot) with slippage against the trader (the range of the leg's
 * latest bar), one order's fees. The fill − mark difference and the fees go to `costs`.
 * @returns The cash received (negative when paid), dollars.
 */
export function closeAtMarks(
  c: OptionChain,
  p: Position,
  m: number,
  o: ResolvedOptions,
  out: Float64Array,
  which: number[] = p.legs.map((_, l) => l),
): number {
  if (which.length === 0) return 0;
  let flow = 0, cost = 0, contracts = 0, shares = 0;
  for (const l of which) {
    const leg = p.legs[l], r = p.lastRow[l];
    const fill = r < 0
      ? fillPrice(p.mark[l], p.mark[l], p.mark[l], -leg.side, o.slippage)
      : fillPrice(p.mark[l], c.high[r], c.low[r], -leg.side, o.slippage);
    p.exitFill[l] = fill;
    flow += legScale(p, l) * fill;
    cost += legScale(p, l) * (fill - p.mark[l]);
    if (r < 0) shares += leg.ratio * p.n * p.multiplier;
    else contracts += leg.ratio * p.n;
    p.mark[l] = fill;
  }
  const fee = o.feePerOrder + o.feePerContract * contracts + o.feePerShare * shares;
  p.fees += fee, p.slippage -= cost, p.attr[A_COSTS] += cost - fee;
  out[m * 6 + A_COSTS] += cost - fee;
  p.cashFlow += flow - fee;
  return flow - fee;
}

/**
 * Settles the near-expiry option legs of `p` at the underlying price `settlePx` (intrinsic
 * value, cash; for `physical` roots the in-the-money legs are exercised or assigned, the
 * delivered shares counted in `assignedShares` and valued at `settlePx`), and closes any
 * other leg (the far leg of a calendar, the underlying) at its marks. No fee on settlement.
 * The last step from mark to intrinsic is attributed like any other (spot moves to
 * `settlePx`, time to the settlement minute, no vega).
 * @returns The cash received, dollars.
 */
export function settle(
  c: OptionChain,
  p: Position,
  m: number,
  settlePx: number,
  style: SettlementStyle,
  o: ResolvedOptions,
  out: Float64Array,
): number {
  let flow = 0;
  const rest: number[] = [];
  p.legs.forEach((leg, l) => {
    if (leg.row < 0 || leg.expiryDay !== p.nearExpiry) return void rest.push(l);
    const intrinsic = leg.right === 1
      ? Math.max(settlePx - leg.strike, 0)
      : Math.max(leg.strike - settlePx, 0);
    markLeg(c, p, l, intrinsic, settlePx, c.tsMs[m], NaN, out, m * 6);
    p.exitFill[l] = intrinsic;
    flow += legScale(p, l) * intrinsic;
    if (style === "physical" && intrinsic > 0) p.assignedShares += legScale(p, l) * leg.right;
  });
  p.settlePx = settlePx;
  p.cashFlow += flow;
  return flow + closeAtMarks(c, p, m, o, out, rest);
}
