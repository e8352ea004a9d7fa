// Payoff at expiry, maximum profit and loss, and buying power of a structure.
import type { Leg } from "./_select.ts";

/** Value at expiry per structure, $/share: Σ side·ratio·intrinsic (the underlying at S). */
export function payoffAt(legs: readonly Leg[], spot: number): number {
  let v = 0;
  for (const l of legs) {
    const x = l.right === 0
      ? spot
      : l.right === 1
      ? Math.max(spot - l.strike, 0)
      : Math.max(l.strike - spot, 0);
    v += l.side * l.ratio * x;
  }
  return v;
}

/** Per share: maximum profit and loss (positive numbers; Infinity when unbounded). */
export interface RiskProfile {
  maxProfit: number;
  maxLoss: number;
  /** True when some short option is not covered by a long one of the same right. */
  naked: boolean;
}

/**
 * Max profit and loss of a structure entered at `entryNet` $/share (debit > 0, credit < 0).
 * With one expiry: the payoff at S = 0, every strike and S → ∞ (its slope), minus `entryNet`.
 * Mixed expiries (calendars, diagonals): the loss is at most the debit, the profit path
 * dependent (NaN). Coverage: per right, long contracts ≥ short ones; a long underlying covers
 * calls.
 */
export function riskProfile(legs: readonly Leg[], entryNet: number): RiskProfile {
  const long = { 1: 0, [-1]: 0 } as Record<number, number>, short = { ...long };
  for (const l of legs) {
    const r = l.right === 0 ? 1 : l.right;
    if (l.side > 0) long[r] += l.ratio;
    else if (l.right !== 0) short[r] += l.ratio;
  }
  const naked = short[1] > long[1] || short[-1] > long[-1];
  const options = legs.filter((l) => l.right !== 0);
  if (new Set(options.map((l) => l.expiryDay)).size > 1) {
    return { maxProfit: NaN, maxLoss: naked ? Infinity : Math.max(entryNet, 0), naked };
  }
  let lo = Infinity, hi = -Infinity;
  for (const s of [0, ...legs.map((l) => l.strike)]) {
    const p = payoffAt(legs, s) - entryNet;
    lo = Math.min(lo, p), hi = Math.max(hi, p);
  }
  let slope = 0;
  for (const l of legs) if (l.right !== -1) slope += l.side * l.ratio;
  return {
    maxProfit: slope > 0 ? Infinity : hi,
    maxLoss: slope < 0 ? Infinity : Math.max(-lo, 0),
    naked,
  };
}

/** Cash-settled index roots, whose naked margin uses 15 % of spot instead of 20 %. */
export const INDEX_ROOTS = new Set([
  "SPX",
  "SPXW",
  "XSP",
  "NDX",
  "NDXP",
  "RUT",
  "RUTW",
  "DJX",
  "VIX",
  "VIXW",
]);

/**
 * Buying power per structure, $/share. Defined risk: max(maxLoss, debit) (the width minus the
 * credit for credit spreads; a long underlying is paid in full). Naked short legs, Reg-T
 * style: for each naked leg `premium + max(p·S − OTM, 0.10·X)` with p = 0.20 (0.15 for
 * index roots), X = S for calls and the strike for puts, OTM its out-of-the-money amount;
 * the largest such leg plus the other short legs' premiums.
 *
 * @param prices Entry fill of each leg, $/share, in `legs` order.
 */
export function buyingPower(
  legs: readonly Leg[],
  prices: readonly number[],
  entryNet: number,
  risk: RiskProfile,
  spot: number,
  index: boolean,
): number {
  if (!risk.naked) return Math.max(risk.maxLoss, entryNet);
  const p = index ? 0.15 : 0.2;
  let best = 0, premiums = 0, bestPremium = 0;
  legs.forEach((l, i) => {
    if (l.side > 0 || l.right === 0) return;
    const prem = prices[i] * l.ratio;
    const otm = l.right === 1 ? Math.max(l.strike - spot, 0) : Math.max(spot - l.strike, 0);
    const x = l.right === 1 ? spot : l.strike;
    const req = prem + Math.max(p * spot - otm, 0.1 * x) * l.ratio;
    premiums += prem;
    if (req > best) (best = req), (bestPremium = prem);
  });
  const longCost = legs.reduce((a, l, i) => a + (l.side > 0 ? prices[i] * l.ratio : 0), 0);
  return best + premiums - bestPremium + longCost;
}
