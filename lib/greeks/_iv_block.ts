/**
 * `totalVolatility` for a block of normalised problems at once: the same initial guess
 * and the same Householder steps, with the same results, but every evaluation of the
 * normalised Black function done for all the block's rows together by
 * `normalisedBlackBlock`, which is where the scalar solver spent most of its time.
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
  normalisedBlackComplementBlock,
} from "./_black_block.ts";
import { type Guess, guessAbove, guessBelow, LOWER, MIDDLE, UPPER } from "./_guess.ts";
import { ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";
import { normalisedVega } from "./_normalised_black.ts";
import { householderStep, MAX_HOUSEHOLDER_STEPS } from "./_total_vol.ts";
// Local bindings of the imports: V8 folds module-level constants into the code, while
// imported and exported bindings may be read through a cell on every use.
const B_OUT = BLACK_OUT;
const B_S = BLACK_S;
const B_VEGA = BLACK_VEGA;
const B_X = BLACK_X;
const LOWER_ = LOWER;
const MIDDLE_ = MIDDLE;
const UPPER_ = UPPER;
const INV_SQRT_2PI = ONE_OVER_SQRT_TWO_PI;
const MAX_STEPS = MAX_HOUSEHOLDER_STEPS;

const CAPACITY = BLACK_CAPACITY;
/** Most problems per call. */
export const SOLVE_CAPACITY = CAPACITY;
const X = new Float64Array(SOLVE_CAPACITY);
/** Inputs: x <= 0, 0 < β < b_max and b_max = e^{x/2} (see `totalVolatility`). */
export const SOLVE_X = X;
const BETA = new Float64Array(SOLVE_CAPACITY);
export const SOLVE_BETA = BETA;
const BMAX = new Float64Array(SOLVE_CAPACITY);
export const SOLVE_BMAX = BMAX;
const S = new Float64Array(SOLVE_CAPACITY);
/** Result: the total volatility s. */
export const SOLVE_S = S;

const EPS = 2 ** -52;
const SC = new Float64Array(CAPACITY); // s_c = √(2|x|)
const BC = new Float64Array(CAPACITY); // b(x, s_c)
const S2 = new Float64Array(CAPACITY); // s_l or s_u
const V2 = new Float64Array(CAPACITY); // b'(x, s_l) or b'(x, s_u)
const B2 = new Float64Array(CAPACITY); // b(x, s_l) or b(x, s_u)
const BRANCH = new Int8Array(CAPACITY);
const VEGA = new Float64Array(CAPACITY);
const VALUE = new Float64Array(CAPACITY); // b(x, s), or b_max − b(x, s) (upper)
const INV_LN_BETA = new Float64Array(CAPACITY);
/** Row of each pair handed to the Black blocks. */
const PAIR_ROW = new Int32Array(CAPACITY);
const ACTIVE = new Int32Array(CAPACITY);
const LOWER_ROWS = new Int32Array(CAPACITY);
const MIDDLE_ROWS = new Int32Array(CAPACITY);
const UPPER_ROWS = new Int32Array(CAPACITY);
const guess: Guess = { s: 0, branch: LOWER_ };

/** S[j] = totalVolatility(X[j], BETA[j], BMAX[j]) for j < n. */
export function solveBlock(n: number): void {
  initialGuesses(n);
  let nActive = n;
  for (let j = 0; j < n; j++) {
    ACTIVE[j] = j;
    INV_LN_BETA[j] = BRANCH[j] === LOWER_ ? 1 / Math.log(BETA[j]) : 0;
  }
  for (let step = 0; step < MAX_STEPS && nActive > 0; step++) {
    nActive = householderSteps(nActive);
  }
}

/** S and BRANCH from `initialGuess`'s three evaluations of b, done in blocks. */
function initialGuesses(n: number): void {
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
  // The second point: s_l below b_c, s_u above; b there (0 at s_l if its vega is not > 0).
  m = 0;
  for (let j = 0; j < n; j++) {
    const x = X[j];
    const bc = BC[j];
    const vc = INV_SQRT_2PI * BMAX[j];
    const s2 = BETA[j] < bc ? SC[j] - bc / vc : SC[j] + (BMAX[j] - bc) / vc;
    const v2 = normalisedVega(x, s2);
    S2[j] = s2;
    V2[j] = v2;
    B2[j] = 0;
    B_X[m] = x;
    B_S[m] = s2;
    B_VEGA[m] = v2;
    PAIR_ROW[m] = j;
    m += +(v2 > 0 || !(BETA[j] < bc));
  }
  normalisedBlackBlock(m);
  for (let k = 0; k < m; k++) B2[PAIR_ROW[k]] = B_OUT[k];
  for (let j = 0; j < n; j++) {
    const x = X[j];
    const beta = BETA[j];
    const bMax = BMAX[j];
    const vc = INV_SQRT_2PI * bMax;
    if (beta < BC[j]) guessBelow(x, beta, SC[j], BC[j], vc, S2[j], V2[j], B2[j], guess);
    else guessAbove(x, beta, bMax, SC[j], BC[j], vc, S2[j], V2[j], B2[j], guess);
    S[j] = guess.s;
    BRANCH[j] = guess.branch;
  }
}

/**
 * One Householder step for each of the first nActive rows in ACTIVE (see
 * `totalVolatility`); returns how many still need another, now first in ACTIVE.
 */
function householderSteps(nActive: number): number {
  let nLower = 0;
  let nMiddle = 0;
  let nUpper = 0;
  let nBlack = 0;
  let nComplement = 0;
  for (let k = 0; k < nActive; k++) {
    const j = ACTIVE[k];
    const vega = normalisedVega(X[j], S[j]);
    VEGA[j] = vega;
    if (!(vega > 0)) continue; // stops, as the scalar loop breaks
    const branch = BRANCH[j];
    const isLower = +(branch === LOWER_);
    const isUpper = +(branch === UPPER_);
    LOWER_ROWS[nLower] = j;
    MIDDLE_ROWS[nMiddle] = j;
    UPPER_ROWS[nUpper] = j;
    nLower += isLower;
    nUpper += isUpper;
    nMiddle += 1 - isLower - isUpper;
    B_X[nBlack] = X[j];
    B_S[nBlack] = S[j];
    B_VEGA[nBlack] = vega;
    PAIR_ROW[nBlack] = j;
    nBlack += 1 - isUpper;
  }
  normalisedBlackBlock(nBlack);
  for (let k = 0; k < nBlack; k++) VALUE[PAIR_ROW[k]] = B_OUT[k];
  for (let k = 0; k < nUpper; k++) {
    const j = UPPER_ROWS[k];
    B_X[k] = X[j];
    B_S[k] = S[j];
    nComplement++;
  }
  normalisedBlackComplementBlock(nComplement);
  for (let k = 0; k < nUpper; k++) VALUE[UPPER_ROWS[k]] = B_OUT[k];
  let next = 0;
  for (let k = 0; k < nLower; k++) next = update(LOWER_ROWS[k], LOWER_, next);
  for (let k = 0; k < nMiddle; k++) next = update(MIDDLE_ROWS[k], MIDDLE_, next);
  for (let k = 0; k < nUpper; k++) next = update(UPPER_ROWS[k], UPPER_, next);
  return next;
}

/** Applies one step to row j of the given branch; appends j to ACTIVE[next] if unconverged. */
function update(j: number, branch: number, next: number): number {
  const x = X[j];
  const s = S[j];
  const vega = VEGA[j];
  const x2 = x * x;
  const invS = 1 / s;
  const x2OverS3 = x2 * invS * invS * invS;
  const p = x2OverS3 - 0.25 * s; // b''/b' = x²/s³ − s/4
  const q = p * p - 3 * x2OverS3 * invS - 0.25; // b'''/b' = p² − 3x²/s⁴ − 1/4
  let ds: number;
  if (branch === LOWER_) {
    const b = VALUE[j];
    const lnB = Math.log(b);
    const invLnB = 1 / lnB;
    const bOverVega = b / vega;
    const vegaOverB = 1 / bOverVega;
    const nu = (1 - lnB * INV_LN_BETA[j]) * lnB * bOverVega;
    const h2 = p - vegaOverB * (1 + 2 * invLnB);
    const h3 = q + 2 * vegaOverB * vegaOverB * (1 + 3 * invLnB * (1 + invLnB)) -
      3 * p * vegaOverB * (1 + 2 * invLnB);
    ds = householderStep(nu, h2, h3);
  } else if (branch === UPPER_) {
    const c = VALUE[j];
    const vegaOverC = vega / c;
    const nu = -Math.log((BMAX[j] - BETA[j]) / c) / vegaOverC;
    const h2 = p + vegaOverC;
    const h3 = q + 3 * p * vegaOverC + 2 * vegaOverC * vegaOverC;
    ds = householderStep(nu, h2, h3);
  } else {
    const nu = (BETA[j] - VALUE[j]) / vega;
    ds = householderStep(nu, p, q);
  }
  if (ds < -0.5 * s) ds = -0.5 * s;
  const sNew = s + ds;
  S[j] = sNew;
  ACTIVE[next] = j;
  return next + +!(Math.abs(ds) <= EPS * sNew);
}
