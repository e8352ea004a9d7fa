/**
 * The initial guess of "Let's Be Rational" (P. Jäckel, Wilmott 2015) for the total
 * volatility s solving b(x, s) = β, x <= 0, for a block of problems at once. Four branches
 * split at b_l < b_c < b_u: b_c = b(x, s_c) at the inflection point s_c = √(2|x|), and
 * s_l, s_u where the tangent at s_c meets 0 and b_max. In the two middle branches s(β)
 * itself is interpolated by a rational cubic; in the outer ones a transformed function f
 * is interpolated and then inverted in closed form: f_l(s) = (2π|x|/(3√3))·Φ(x/(√3·s))³,
 * which matches b to leading order as s → 0, and f_u(s) = Φ(−s/2), which matches
 * (b_max − b)/2 as s → ∞.
 *
 * The three evaluations of b are done for the block together (`normalisedBlackBlock`),
 * then the problems are sorted by branch and each branch runs as a loop of its own over
 * module-level arrays, so that no number crosses a function call boxed.
 *
 * @module
 */
import {
  BLACK_CAPACITY,
  BLACK_OUT,
  BLACK_S,
  BLACK_VEGA,
  BLACK_X,
  normalisedBlackBlock,
} from "./_black_block.ts";
import { normPdf, normQuantileLowerFast, ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";
import { normalisedVega } from "./_normalised_black.ts";
import {
  controlForSecondDerivativeLeft,
  controlForSecondDerivativeRight,
  rationalCubic,
} from "./_rational_cubic.ts";
import { CDF_ARG, CDF_OUT, normCdfBlock } from "./_special_block.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const B_X = BLACK_X;
const B_S = BLACK_S;
const B_VEGA = BLACK_VEGA;
const B_OUT = BLACK_OUT;
const CDF_IN = CDF_ARG;
const CDF_RES = CDF_OUT;
const INV_SQRT_2PI = ONE_OVER_SQRT_TWO_PI;

const CAPACITY = BLACK_CAPACITY;
// The problems: inputs x <= 0, 0 < β < b_max = e^{x/2}; outputs the guess and its branch.
const X = new Float64Array(CAPACITY);
const BETA = new Float64Array(CAPACITY);
const BMAX = new Float64Array(CAPACITY);
const S = new Float64Array(CAPACITY);
const BRANCH = new Int8Array(CAPACITY);
/** Most problems per call. */
export const GUESS_CAPACITY = CAPACITY;
/** Inputs of {@link guessBlock} (and of `solveBlock`). */
export const PROBLEM_X = X;
export const PROBLEM_BETA = BETA;
export const PROBLEM_BMAX = BMAX;
/** Output of {@link guessBlock}: the guess s, improved in place by `solveBlock`. */
export const PROBLEM_S = S;
/** Output of {@link guessBlock}: LOWER, MIDDLE or UPPER. */
export const PROBLEM_BRANCH = BRANCH;

/** Which objective the Householder iterations should use after the guess. */
export type Branch = 0 | 1 | 2;
const LOWER_: Branch = 0;
const MIDDLE_: Branch = 1;
const UPPER_: Branch = 2;
/** Guess from the lower map: iterate on 1/ln b(s) − 1/ln β. */
export const LOWER: Branch = LOWER_;
/** Guess from a middle branch: iterate on b(s) − β. */
export const MIDDLE: Branch = MIDDLE_;
/** Guess from the upper map: iterate on ln((b_max − β)/(b_max − b(s))). */
export const UPPER: Branch = UPPER_;

const SQRT_THREE = Math.sqrt(3);
const TWO_PI_OVER_SQRT_27 = (2 * Math.PI) / Math.sqrt(27);
const SC = new Float64Array(CAPACITY); // s_c = √(2|x|)
const BC = new Float64Array(CAPACITY); // b(x, s_c)
const S2 = new Float64Array(CAPACITY); // s_l below b_c, s_u above
const V2 = new Float64Array(CAPACITY); // b'(x, s_l) or b'(x, s_u)
const B2 = new Float64Array(CAPACITY); // b(x, s_l) (0 if v_l is not > 0) or b(x, s_u)
const PAIR_ROW = new Int32Array(CAPACITY);
const SECOND = new Float64Array(2);
const LOWER_ROWS = new Int32Array(CAPACITY);
const MIDDLE_LOW_ROWS = new Int32Array(CAPACITY);
const MIDDLE_HIGH_ROWS = new Int32Array(CAPACITY);
const UPPER_ROWS = new Int32Array(CAPACITY);

/** b''/b' = x²/s³ − s/4 (derivatives in s). */
function vegaLogSlope(x: number, s: number): number {
  return (x * x) / (s * s * s) - 0.25 * s;
}

/** s from f = f_l(s) (the inverse of the lower map). */
function inverseLowerMap(x: number, f: number): number {
  const p = Math.cbrt(f / (TWO_PI_OVER_SQRT_27 * -x));
  const z = normQuantileLowerFast(p < 0.5 ? p : 0.5);
  return Math.abs(x / (SQRT_THREE * z));
}

/** S and BRANCH for problems [0, n) of PROBLEM_X, PROBLEM_BETA, PROBLEM_BMAX. */
export function guessBlock(n: number): void {
  // b_c = b(x, s_c), 0 where s_c = 0 (x = 0).
  let m = 0;
  for (let j = 0; j < n; j++) {
    const x = X[j];
    const sc = Math.sqrt(-2 * x);
    SC[j] = sc;
    BC[j] = 0;
    B_X[m] = x;
    B_S[m] = sc;
    B_VEGA[m] = normalisedVega(x, sc);
    PAIR_ROW[m] = j;
    m += +(sc > 0);
  }
  normalisedBlackBlock(m);
  for (let k = 0; k < m; k++) BC[PAIR_ROW[k]] = B_OUT[k];
  // The second point and b there: s_l below b_c (b_l = 0 unless b'(x, s_l) > 0), s_u above.
  m = 0;
  for (let j = 0; j < n; j++) {
    const x = X[j];
    const bc = BC[j];
    const vc = INV_SQRT_2PI * BMAX[j];
    const below = +(BETA[j] < bc);
    // Both candidates, then a table lookup: the side of b_c is random in a mixed batch.
    SECOND[0] = SC[j] + (BMAX[j] - bc) / vc;
    SECOND[1] = SC[j] - bc / vc;
    const s2 = SECOND[below];
    const v2 = normalisedVega(x, s2);
    S2[j] = s2;
    V2[j] = v2;
    B2[j] = 0;
    B_X[m] = x;
    B_S[m] = s2;
    B_VEGA[m] = v2;
    PAIR_ROW[m] = j;
    m += +(v2 > 0) | (1 - below);
  }
  normalisedBlackBlock(m);
  for (let k = 0; k < m; k++) B2[PAIR_ROW[k]] = B_OUT[k];
  // Branches: lower below b_l (or where b' at s_l vanishes), upper above b_u, else middle.
  let nLower = 0;
  let nLow = 0;
  let nHigh = 0;
  let nUpper = 0;
  for (let j = 0; j < n; j++) {
    const beta = BETA[j];
    const below = +(beta < BC[j]);
    const lower = below & (+(beta < B2[j]) | +!(V2[j] > 0));
    const upper = (1 - below) & +(beta > B2[j]);
    LOWER_ROWS[nLower] = j;
    MIDDLE_LOW_ROWS[nLow] = j;
    MIDDLE_HIGH_ROWS[nHigh] = j;
    UPPER_ROWS[nUpper] = j;
    nLower += lower;
    nLow += below - lower;
    nHigh += 1 - below - upper;
    nUpper += upper;
  }
  middleLowGuesses(nLow);
  middleHighGuesses(nHigh);
  lowerGuesses(nLower);
  upperGuesses(nUpper);
}

/** Rational cubic s(β) on [b_l, b_c] through (b_l, s_l) and (b_c, s_c). */
function middleLowGuesses(count: number): void {
  for (let k = 0; k < count; k++) {
    const j = MIDDLE_LOW_ROWS[k];
    const vc = INV_SQRT_2PI * BMAX[j];
    const bl = B2[j];
    const bc = BC[j];
    const sl = S2[j];
    const sc = SC[j];
    const vl = V2[j];
    const r = controlForSecondDerivativeRight(bl, bc, sl, sc, 1 / vl, 1 / vc, 0, false);
    S[j] = rationalCubic(BETA[j], bl, bc, sl, sc, 1 / vl, 1 / vc, r);
    BRANCH[j] = MIDDLE_;
  }
}

/** Rational cubic s(β) on [b_c, b_u] through (b_c, s_c) and (b_u, s_u). */
function middleHighGuesses(count: number): void {
  for (let k = 0; k < count; k++) {
    const j = MIDDLE_HIGH_ROWS[k];
    const vc = INV_SQRT_2PI * BMAX[j];
    const bc = BC[j];
    const bu = B2[j];
    const sc = SC[j];
    const su = S2[j];
    const vu = V2[j];
    const r = controlForSecondDerivativeLeft(bc, bu, sc, su, 1 / vc, 1 / vu, 0, false);
    S[j] = rationalCubic(BETA[j], bc, bu, sc, su, 1 / vc, 1 / vu, r);
    BRANCH[j] = MIDDLE_;
  }
}

/**
 * The lower map: f_l(β) interpolated by a rational cubic on [0, b_l] (f_l = c·Φ(z)³ with
 * z = x/(√3·s): derivatives in s, then in β = b(s)), then inverted; where b_l is not
 * positive, f_l(β) ≈ β is inverted directly.
 */
function lowerGuesses(count: number): void {
  for (let k = 0; k < count; k++) {
    const j = LOWER_ROWS[k];
    CDF_IN[k] = X[j] / (SQRT_THREE * S2[j]);
  }
  normCdfBlock(count);
  for (let k = 0; k < count; k++) {
    const j = LOWER_ROWS[k];
    const x = X[j];
    const beta = BETA[j];
    const bl = B2[j];
    BRANCH[j] = LOWER_;
    if (!(bl > 0)) {
      S[j] = inverseLowerMap(x, beta);
      continue;
    }
    const sl = S2[j];
    const c = TWO_PI_OVER_SQRT_27 * -x;
    const z = x / (SQRT_THREE * sl);
    const cdf = CDF_RES[k];
    const pdf = normPdf(z);
    const dz = -z / sl;
    const f = c * cdf * cdf * cdf;
    const df = 3 * c * cdf * cdf * pdf * dz;
    const d2f = 3 * c *
      (dz * dz * cdf * pdf * (2 * pdf - z * cdf) + cdf * cdf * pdf * 2 * z / (sl * sl));
    const vl = V2[j];
    const dfdb = df / vl;
    const d2fdb2 = (d2f - df * vegaLogSlope(x, sl)) / (vl * vl);
    const r = controlForSecondDerivativeRight(0, bl, 0, f, 1, dfdb, d2fdb2, true);
    S[j] = inverseLowerMap(x, rationalCubic(beta, 0, bl, 0, f, 1, dfdb, r));
  }
}

/**
 * The upper map: f_u = Φ(−s/2) (f' = −φ(s/2)/2, f'' = s·φ(s/2)/8; at b_max f = 0 and
 * df/dβ = −1/2) interpolated on [b_u, b_max], then inverted.
 */
function upperGuesses(count: number): void {
  for (let k = 0; k < count; k++) CDF_IN[k] = -0.5 * S2[UPPER_ROWS[k]];
  normCdfBlock(count);
  for (let k = 0; k < count; k++) {
    const j = UPPER_ROWS[k];
    const x = X[j];
    const su = S2[j];
    const bu = B2[j];
    const f = CDF_RES[k];
    const pdf = normPdf(0.5 * su);
    const df = -0.5 * pdf;
    const d2f = 0.125 * su * pdf;
    const vu = V2[j];
    const dfdb = df / vu;
    const d2fdb2 = (d2f - df * vegaLogSlope(x, su)) / (vu * vu);
    const r = controlForSecondDerivativeLeft(bu, BMAX[j], f, 0, dfdb, -0.5, d2fdb2, true);
    const fb = rationalCubic(BETA[j], bu, BMAX[j], f, 0, dfdb, -0.5, r);
    S[j] = -2 * normQuantileLowerFast(fb < 0.5 ? fb : 0.5);
    BRANCH[j] = UPPER_;
  }
}
