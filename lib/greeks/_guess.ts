/**
 * The initial guess of "Let's Be Rational" (P. Jäckel, Wilmott 2015) for the total
 * volatility s solving b(x, s) = β, x < 0. Four branches split at b_l < b_c < b_u:
 * b_c = b(x, s_c) at the inflection point s_c = √(2|x|), and s_l, s_u where the tangent
 * at s_c meets 0 and b_max. In the two middle branches s(β) itself is interpolated by a
 * rational cubic; in the outer ones a transformed function f is interpolated and then
 * inverted in closed form: f_l(s) = (2π|x|/(3√3))·Φ(x/(√3·s))³, which matches b to
 * leading order as s → 0, and f_u(s) = Φ(−s/2), which matches (b_max − b)/2 as s → ∞.
 *
 * @module
 */
import { normCdf, normPdf, normQuantileLowerFast, ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";
import { normalisedBlack, normalisedBlackWithVega, normalisedVega } from "./_normalised_black.ts";
import {
  controlForSecondDerivativeLeft,
  controlForSecondDerivativeRight,
  rationalCubic,
} from "./_rational_cubic.ts";
// Local bindings of the imports: V8 folds module-level constants into the code, while
// imported and exported bindings may be read through a cell on every use.
const INV_SQRT_2PI = ONE_OVER_SQRT_TWO_PI;

const SQRT_THREE = Math.sqrt(3);
const TWO_PI_OVER_SQRT_27 = (2 * Math.PI) / Math.sqrt(27);

/** Which objective the Householder iterations should use after this guess. */
export type Branch = 0 | 1 | 2;
// Local constants for the module's code (exported bindings are read through a cell).
const LOWER_: Branch = 0;
const MIDDLE_: Branch = 1;
const UPPER_: Branch = 2;
/** Guess from the lower map: iterate on 1/ln b(s) − 1/ln β. */
export const LOWER: Branch = LOWER_;
/** Guess from a middle branch: iterate on b(s) − β. */
export const MIDDLE: Branch = MIDDLE_;
/** Guess from the upper map: iterate on ln((b_max − β)/(b_max − b(s))). */
export const UPPER: Branch = UPPER_;

/** The guess and the branch it came from, written into a reused object. */
export interface Guess {
  s: number;
  branch: Branch;
}

/** b''/b' = x²/s³ − s/4 (derivatives in s). */
export function vegaLogSlope(x: number, s: number): number {
  return (x * x) / (s * s * s) - 0.25 * s;
}

/** s from f = f_l(s) (the inverse of the lower map). */
function inverseLowerMap(x: number, f: number): number {
  const p = Math.cbrt(f / (TWO_PI_OVER_SQRT_27 * -x));
  const z = normQuantileLowerFast(p < 0.5 ? p : 0.5);
  return Math.abs(x / (SQRT_THREE * z));
}

function lowerGuess(x: number, beta: number, sl: number, bl: number, out: Guess): void {
  out.branch = LOWER_;
  if (!(bl > 0)) {
    out.s = inverseLowerMap(x, beta);
    return;
  }
  // f_l = c·Φ(z)³ with z = x/(√3·s): derivatives in s, then in β = b(s).
  const c = TWO_PI_OVER_SQRT_27 * -x;
  const z = x / (SQRT_THREE * sl);
  const cdf = normCdf(z);
  const pdf = normPdf(z);
  const dz = -z / sl;
  const f = c * cdf * cdf * cdf;
  const df = 3 * c * cdf * cdf * pdf * dz;
  const d2f = 3 * c *
    (dz * dz * cdf * pdf * (2 * pdf - z * cdf) + cdf * cdf * pdf * 2 * z / (sl * sl));
  const vl = normalisedVega(x, sl);
  const dfdb = df / vl;
  const d2fdb2 = (d2f - df * vegaLogSlope(x, sl)) / (vl * vl);
  const r = controlForSecondDerivativeRight(0, bl, 0, f, 1, dfdb, d2fdb2, true);
  out.s = inverseLowerMap(x, rationalCubic(beta, 0, bl, 0, f, 1, dfdb, r));
}

function upperGuess(x: number, beta: number, bMax: number, su: number, bu: number, out: Guess) {
  out.branch = UPPER_;
  // f_u = Φ(−s/2): f' = −φ(s/2)/2, f'' = s·φ(s/2)/8; at b_max f = 0 and df/dβ = −1/2.
  const f = normCdf(-0.5 * su);
  const pdf = normPdf(0.5 * su);
  const df = -0.5 * pdf;
  const d2f = 0.125 * su * pdf;
  const vu = normalisedVega(x, su);
  const dfdb = df / vu;
  const d2fdb2 = (d2f - df * vegaLogSlope(x, su)) / (vu * vu);
  const r = controlForSecondDerivativeLeft(bu, bMax, f, 0, dfdb, -0.5, d2fdb2, true);
  const fb = rationalCubic(beta, bu, bMax, f, 0, dfdb, -0.5, r);
  out.s = -2 * normQuantileLowerFast(fb < 0.5 ? fb : 0.5);
}

/** Writes the initial guess for b(x, s) = β (x <= 0, 0 < β < b_max = e^{x/2}) into out. */
export function initialGuess(x: number, beta: number, bMax: number, out: Guess): void {
  const sc = Math.sqrt(-2 * x);
  const bc = normalisedBlack(x, sc);
  const vc = INV_SQRT_2PI * bMax;
  if (beta < bc) {
    const sl = sc - bc / vc;
    const vl = normalisedVega(x, sl);
    const bl = vl > 0 ? normalisedBlackWithVega(x, sl, vl) : 0;
    return guessBelow(x, beta, sc, bc, vc, sl, vl, bl, out);
  }
  const su = sc + (bMax - bc) / vc;
  const vu = normalisedVega(x, su);
  const bu = normalisedBlackWithVega(x, su, vu);
  guessAbove(x, beta, bMax, sc, bc, vc, su, vu, bu, out);
}

/**
 * The guess for β < b_c, given s_c, b_c = b(x, s_c), v_c = b'(x, s_c), s_l = s_c − b_c/v_c,
 * v_l = b'(x, s_l) and b_l = b(x, s_l) (0 where v_l is not positive).
 */
export function guessBelow(
  x: number,
  beta: number,
  sc: number,
  bc: number,
  vc: number,
  sl: number,
  vl: number,
  bl: number,
  out: Guess,
): void {
  if (beta < bl || !(vl > 0)) return lowerGuess(x, beta, sl, bl, out);
  const r = controlForSecondDerivativeRight(bl, bc, sl, sc, 1 / vl, 1 / vc, 0, false);
  out.branch = MIDDLE_;
  out.s = rationalCubic(beta, bl, bc, sl, sc, 1 / vl, 1 / vc, r);
}

/**
 * The guess for β >= b_c, given s_c, b_c, v_c, s_u = s_c + (b_max − b_c)/v_c,
 * v_u = b'(x, s_u) and b_u = b(x, s_u).
 */
export function guessAbove(
  x: number,
  beta: number,
  bMax: number,
  sc: number,
  bc: number,
  vc: number,
  su: number,
  vu: number,
  bu: number,
  out: Guess,
): void {
  if (beta > bu) return upperGuess(x, beta, bMax, su, bu, out);
  const r = controlForSecondDerivativeLeft(bc, bu, sc, su, 1 / vc, 1 / vu, 0, false);
  out.branch = MIDDLE_;
  out.s = rationalCubic(beta, bc, bu, sc, su, 1 / vc, 1 / vu, r);
}
