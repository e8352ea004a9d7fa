/**
 * Barone-Adesi–Whaley (1987) quadratic approximation of American option prices, one row
 * at a time, with continuous dividend yield q (cost of carry b = r − q). The scalar kernel
 * behind `americanPrice`, `americanGreeks` and `americanImpliedVol`.
 *
 * Notation (Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed., §3.1.2):
 * M = 2r/σ², N = 2b/σ², K_ = 1 − e^{−rT}; the critical price S* (call) or S** (put) solves
 * the smooth-pasting condition by Newton's method, from Haug's seed or from the last
 * solve's S* ÷ K (`lastCriticalRatio`, a warm start for the implied-vol loop, where σ moves
 * a little between calls); above S* a call is worth S − K, below it the European price
 * plus A2·(S/S*)^{q2}. The smooth-pasting residual is solved to 1e-12 of the strike: looser
 * tolerances leave price noise that implied vols of deep in-the-money options inherit.
 *
 * Where early exercise is never optimal the European price is exact and returned: calls
 * with q ≤ 0 (b ≥ r) and puts with r ≤ 0.
 *
 * @module
 */
import { normCdf, normPdf } from "./_normal.ts";

/** Relative tolerance of the critical-price solve, |LHS − RHS| / K. */
const CRITICAL_TOL = 1e-12;
const CRITICAL_MAX_ITER = 100;

/** S* ÷ K of the last critical-price solve (read it with `lastCriticalRatio`). */
const lastRatio = new Float64Array(1);

/** S* ÷ K of the last critical-price solve, to seed the next solve of the same option. */
export function lastCriticalRatio(): number {
  return lastRatio[0];
}

/** Generalised Black–Scholes price with carry b = r − q (European). */
export function europeanPrice(
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  q: number,
  v: number,
): number {
  const sd = v * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / sd;
  const d2 = d1 - sd;
  const sq = s * Math.exp(-q * t);
  const kr = k * Math.exp(-r * t);
  return isCall ? sq * normCdf(d1) - kr * normCdf(d2) : kr * normCdf(-d2) - sq * normCdf(-d1);
}

/** M/K_ = 2r/(σ²(1 − e^{−rT})), continuous as r → 0 (limit 2/(σ²T)). */
function mOverK(r: number, t: number, v2: number): number {
  const rt = r * t;
  const ratio = Math.abs(rt) < 1e-12 ? 1 / t : r / -Math.expm1(-rt);
  return (2 / v2) * ratio;
}

/**
 * The critical spot: above it an American call is exercised (`isCall`), below it a put.
 * `qq` is q2 (call) or q1 (put); `carry` = e^{−qT}, `disc` = e^{−rT}.
 */
function critical(
  isCall: boolean,
  k: number,
  t: number,
  r: number,
  q: number,
  v: number,
  qq: number,
  carry: number,
  disc: number,
  seedRatio: number,
): number {
  const v2 = v * v, sdt = v * Math.sqrt(t), b = r - q;
  let si: number;
  if (seedRatio > 0) si = k * seedRatio;
  else {
    const nn = 2 * b / v2, m = 2 * r / v2;
    const root = Math.sqrt((nn - 1) ** 2 + 4 * m);
    if (isCall) {
      const su = k / (1 - 2 / (-(nn - 1) + root));
      si = k + (su - k) * (1 - Math.exp(-(b * t + 2 * sdt) * k / (su - k)));
    } else {
      const su = k / (1 - 2 / (-(nn - 1) - root));
      si = su + (k - su) * Math.exp((b * t - 2 * sdt) * k / (k - su));
    }
  }
  const drift = (b + 0.5 * v2) * t, kd = k * disc;
  for (let it = 0; it < CRITICAL_MAX_ITER; it++) {
    const d1 = (Math.log(si / k) + drift) / sdt;
    const d2 = d1 - sdt;
    if (isCall) {
      const nd1 = normCdf(d1);
      const euro = si * carry * nd1 - kd * normCdf(d2);
      const rhs = euro + (1 - carry * nd1) * si / qq;
      if (Math.abs(si - k - rhs) < CRITICAL_TOL * k) break;
      const bi = carry * nd1 * (1 - 1 / qq) + (1 - carry * normPdf(d1) / sdt) / qq;
      si = (k + rhs - bi * si) / (1 - bi);
    } else {
      const nmd1 = normCdf(-d1);
      const euro = kd * normCdf(-d2) - si * carry * nmd1;
      const rhs = euro - (1 - carry * nmd1) * si / qq;
      if (Math.abs(k - si - rhs) < CRITICAL_TOL * k) break;
      const bi = -carry * nmd1 * (1 - 1 / qq) - (1 + carry * normPdf(-d1) / sdt) / qq;
      si = (k - rhs + bi * si) / (1 + bi);
    }
  }
  lastRatio[0] = si > 0 && si < Infinity ? si / k : 0;
  return si;
}

/** The critical spot above which an American call is exercised. */
export function criticalCall(k: number, t: number, r: number, q: number, v: number): number {
  const v2 = v * v, nn = 2 * (r - q) / v2;
  const q2 = (-(nn - 1) + Math.sqrt((nn - 1) ** 2 + 4 * mOverK(r, t, v2))) / 2;
  return critical(true, k, t, r, q, v, q2, Math.exp(-q * t), Math.exp(-r * t), 0);
}

/** The critical spot below which an American put is exercised. */
export function criticalPut(k: number, t: number, r: number, q: number, v: number): number {
  const v2 = v * v, nn = 2 * (r - q) / v2;
  const q1 = (-(nn - 1) - Math.sqrt((nn - 1) ** 2 + 4 * mOverK(r, t, v2))) / 2;
  return critical(false, k, t, r, q, v, q1, Math.exp(-q * t), Math.exp(-r * t), 0);
}

/**
 * Barone-Adesi–Whaley American price of one option. Inputs are assumed valid (finite,
 * s, k, t, v > 0); the vectorised callers check them. `seedRatio` > 0 starts the
 * critical-price solve at S* = seedRatio·K (the `lastCriticalRatio` of the same option at
 * a nearby σ) instead of Haug's seed.
 */
export function bawPrice(
  isCall: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  q: number,
  v: number,
  seedRatio = 0,
): number {
  if (isCall ? q <= 0 : r <= 0) return europeanPrice(isCall, s, k, t, r, q, v);
  const v2 = v * v, sdt = v * Math.sqrt(t), nn = 2 * (r - q) / v2;
  const root = Math.sqrt((nn - 1) ** 2 + 4 * mOverK(r, t, v2));
  const carry = Math.exp(-q * t), disc = Math.exp(-r * t);
  const qq = isCall ? (-(nn - 1) + root) / 2 : (-(nn - 1) - root) / 2;
  const sStar = critical(isCall, k, t, r, q, v, qq, carry, disc, seedRatio);
  if (!(sStar > 0 && sStar < Infinity)) { // the solve broke down (σ√T near 0): no time value
    return Math.max(europeanPrice(isCall, s, k, t, r, q, v), isCall ? s - k : k - s);
  }
  if (isCall ? s >= sStar : s <= sStar) return isCall ? s - k : k - s;
  const drift = (r - q + 0.5 * v2) * t;
  const d1 = (Math.log(s / k) + drift) / sdt, d2 = d1 - sdt;
  const e1 = (Math.log(sStar / k) + drift) / sdt;
  if (isCall) {
    const euro = s * carry * normCdf(d1) - k * disc * normCdf(d2);
    return euro + (sStar / qq) * (1 - carry * normCdf(e1)) * Math.pow(s / sStar, qq);
  }
  const euro = k * disc * normCdf(-d2) - s * carry * normCdf(-d1);
  return euro - (sStar / qq) * (1 - carry * normCdf(-e1)) * Math.pow(s / sStar, qq);
}
