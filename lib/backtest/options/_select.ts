// Choosing a structure's legs from the chain of one minute.
import type { OptionChain } from "./_chain.ts";
import type { StructureSpec } from "./structures.ts";
import type { ResolvedOptions } from "./types.ts";

/** A chosen leg: `contract` −1 and `row` −1 for the underlying. */
export interface Leg {
  contract: number;
  row: number;
  right: 1 | -1 | 0;
  side: 1 | -1;
  ratio: number;
  strike: number;
  expiryDay: number;
}

/** Legs, or why there are none (`no_expiry`, `no_strike`, `no_greeks`). */
export type Selection = { legs: Leg[]; reason: null } | { legs: null; reason: string };

/** The expiry nearest `today + dte` among the rows of minute `m` (ties: the earlier), or −1. */
export function nearestExpiry(c: OptionChain, m: number, dte: number, after = -1): number {
  const today = c.day[m];
  let best = -1, bestGap = Infinity;
  for (let r = c.rowStart[m]; r < c.rowStart[m + 1]; r++) {
    const e = c.expiryDay[c.contract[r]];
    if (e < today || e <= after) continue;
    const gap = Math.abs(e - today - dte);
    if (gap < bestGap || (gap === bestGap && e < best)) (best = e), (bestGap = gap);
  }
  return best;
}

/** Row of minute `m` minimising `score` among contracts of `right` and `expiry`; −1 if none. */
function argmin(
  c: OptionChain,
  m: number,
  right: number,
  expiry: number,
  score: (row: number, strike: number) => number,
): number {
  let best = -1, bestScore = Infinity;
  for (let r = c.rowStart[m]; r < c.rowStart[m + 1]; r++) {
    const k = c.contract[r];
    if (c.right[k] !== right || c.expiryDay[k] !== expiry) continue;
    const s = score(r, c.strike[k]);
    if (s < bestScore) (best = r), (bestScore = s);
  }
  return best;
}

function anchorRow(c: OptionChain, m: number, right: number, e: number, o: ResolvedOptions) {
  const spot = c.spot[m], rule = o.strikeRule;
  if ("delta" in rule) {
    return argmin(c, m, right, e, (r) => {
      const d = Math.abs(Math.abs(c.delta[r]) - rule.delta);
      return d === d ? d : Infinity;
    });
  }
  if ("moneyness" in rule) {
    const target = spot * (1 + right * rule.moneyness);
    return argmin(c, m, right, e, (_r, k) => Math.abs(k - target));
  }
  const strikes: number[] = [];
  for (let r = c.rowStart[m]; r < c.rowStart[m + 1]; r++) {
    const k = c.contract[r];
    if (c.right[k] === right && c.expiryDay[k] === e) strikes.push(c.strike[k]);
  }
  strikes.sort((a, b) => a - b);
  let atm = 0;
  strikes.forEach((k, i) => Math.abs(k - spot) < Math.abs(strikes[atm] - spot) && (atm = i));
  const want = strikes[atm + right * rule.strikes];
  return want === undefined ? -1 : argmin(c, m, right, e, (_r, k) => (k === want ? 0 : Infinity));
}

/**
 * The legs of `spec` from the rows of minute `m` (see `structures.ts` for the strike rules and
 * docs/strategies.md for the expiry rule: nearest `dte`, within `dteTolerance`).
 */
export function selectLegs(
  c: OptionChain,
  m: number,
  spec: StructureSpec,
  o: ResolvedOptions,
): Selection {
  const near = nearestExpiry(c, m, o.dte);
  if (near < 0 || Math.abs(near - c.day[m] - o.dte) > o.dteTolerance) {
    return { legs: null, reason: "no_expiry" };
  }
  const hasFar = spec.legs.some((l) => l.expiry === "far");
  const far = hasFar ? nearestExpiry(c, m, o.farDte, near) : -1;
  if (hasFar && far < 0) return { legs: null, reason: "no_expiry" };
  const spot = c.spot[m], legs: Leg[] = [];
  for (const t of spec.legs) {
    const e = t.expiry === "near" ? near : far;
    if (t.right === 0) {
      legs.push({
        contract: -1,
        row: -1,
        right: 0,
        side: t.side,
        ratio: t.ratio,
        strike: 0,
        expiryDay: e,
      });
      continue;
    }
    const rule = t.strike;
    let row = -1;
    if (rule.kind === "anchor") row = anchorRow(c, m, t.right, e, o);
    else if (rule.kind === "atm") row = argmin(c, m, t.right, e, (_r, k) => Math.abs(k - spot));
    else if (rule.kind === "same") {
      const want = legs[rule.of].strike;
      row = argmin(c, m, t.right, e, (_r, k) => (k === want ? 0 : Infinity));
    } else {
      const base = legs[rule.of].strike, target = base + rule.dir * o.wingWidth;
      row = argmin(
        c,
        m,
        t.right,
        e,
        (_r, k) =>
          rule.dir * (k - base) > 0 ? Math.abs(k - target) - 1e-9 * Math.abs(k - base) : Infinity,
      );
    }
    if (row < 0) return { legs: null, reason: "no_strike" };
    if (rule.kind === "anchor" && "delta" in o.strikeRule && c.delta[row] !== c.delta[row]) {
      return { legs: null, reason: "no_greeks" };
    }
    const k = c.contract[row];
    legs.push({
      contract: k,
      row,
      right: t.right,
      side: t.side,
      ratio: t.ratio,
      strike: c.strike[k],
      expiryDay: c.expiryDay[k],
    });
  }
  const ids = legs.filter((l) => l.contract >= 0).map((l) => l.contract);
  if (new Set(ids).size !== ids.length) return { legs: null, reason: "no_strike" };
  return { legs, reason: null };
}
