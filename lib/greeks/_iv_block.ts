/**
 * Total implied volatility s = σ·√T from normalised out-of-the-money call prices, a block
 * of problems at once: the initial guess of "Let's Be Rational" (`_guess_block.ts`), then
 * at most {@link MAX_HOUSEHOLDER_STEPS} third-order Householder steps on an objective
 * chosen per branch so that it is nearly linear in s: 1/ln b(s) − 1/ln β in the lower
 * branch, b(s) − β in the middle, ln((b_max − β)/(b_max − b(s))) in the upper branch.
 * Every evaluation of the normalised Black function is done for the whole block at once
 * (`normalisedBlackBlock`), and each branch's update runs as a loop of its own.
 *
 * @module
 */
import {
  BLACK_OUT,
  BLACK_S,
  BLACK_VEGA,
  BLACK_X,
  normalisedBlackBlock,
  normalisedBlackComplementBlock,
} from "./_black_block.ts";
import {
  GUESS_CAPACITY,
  guessBlock,
  LOWER,
  MIDDLE,
  PROBLEM_BETA,
  PROBLEM_BMAX,
  PROBLEM_BRANCH,
  PROBLEM_S,
  PROBLEM_X,
  UPPER,
} from "./_guess_block.ts";
import { normalisedVega } from "./_normalised_black.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const B_X = BLACK_X;
const B_S = BLACK_S;
const B_VEGA = BLACK_VEGA;
const B_OUT = BLACK_OUT;
const X = PROBLEM_X;
const BETA = PROBLEM_BETA;
const BMAX = PROBLEM_BMAX;
const S = PROBLEM_S;
const BRANCH = PROBLEM_BRANCH;
const LOWER_ = LOWER;
const MIDDLE_ = MIDDLE;
const UPPER_ = UPPER;

const CAPACITY = GUESS_CAPACITY;
/** Most problems per call. */
export const SOLVE_CAPACITY = CAPACITY;
/** Inputs: x <= 0, 0 < β < b_max and b_max = e^{x/2}. */
export const SOLVE_X = X;
export const SOLVE_BETA = BETA;
export const SOLVE_BMAX = BMAX;
/** Result: the total volatility s. */
export const SOLVE_S = S;
/** Householder steps after the rational initial guess. */
export const MAX_HOUSEHOLDER_STEPS = 2;
const MAX_STEPS = 2;

const EPS = 2 ** -52;
const VEGA = new Float64Array(CAPACITY);
const VALUE = new Float64Array(CAPACITY); // b(x, s), or b_max − b(x, s) in the upper branch
const INV_LN_BETA = new Float64Array(CAPACITY);
/** Problem of each pair handed to the Black blocks. */
const PAIR_ROW = new Int32Array(CAPACITY);
const ACTIVE = new Int32Array(CAPACITY);
const LOWER_ROWS = new Int32Array(CAPACITY);
const MIDDLE_ROWS = new Int32Array(CAPACITY);
const UPPER_ROWS = new Int32Array(CAPACITY);

/**
 * SOLVE_S[j] = s > 0 with b(x, s) = β for problems j < n of SOLVE_X, SOLVE_BETA and
 * SOLVE_BMAX (callers check 0 < β < b_max = e^{x/2}).
 */
export function solveBlock(n: number): void {
  guessBlock(n);
  let nActive = n;
  for (let j = 0; j < n; j++) {
    ACTIVE[j] = j;
    INV_LN_BETA[j] = BRANCH[j] === LOWER_ ? 1 / Math.log(BETA[j]) : 0;
  }
  for (let step = 0; step < MAX_STEPS && nActive > 0; step++) {
    nActive = householderSteps(nActive);
  }
}

/** Householder order-3 update for Newton step ν, h2 = g''/g', h3 = g'''/g'. */
function householderStep(nu: number, h2: number, h3: number): number {
  return nu * (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + h3 * nu * (1 / 6)));
}

/**
 * One Householder step for each of the first nActive problems in ACTIVE; returns how many
 * still need another, now first in ACTIVE. A problem whose vega is not positive stops.
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
    if (!(vega > 0)) continue;
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
