/**
 * Φ, erfcx and Y = Φ/φ over arrays of arguments, with exactly the results of `normCdf`,
 * `erfcx` and `millsLower`, for the implied-volatility solver's block passes.
 *
 * Each function sorts its arguments, without branching, into one index list per branch of
 * the scalar function and then runs one short loop per list: mixed batches send
 * arguments to every branch at random, so a branch per argument is mispredicted often,
 * and short loops over module-level arrays keep V8 from boxing numbers or calling out.
 *
 * @module
 */
import { ERF_SMALL, erfcxMid, erfcxTail, erfSmall } from "./_erf.ts";
import { fastExp } from "./_exp.ts";
import { ONE_OVER_SQRT_TWO, SQRT_PI_OVER_TWO } from "./_normal.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const X_SMALL = ERF_SMALL;
const INV_SQRT_2 = ONE_OVER_SQRT_TWO;
const SQRT_PI_2 = SQRT_PI_OVER_TWO;

const CAPACITY = 1024;
const CDF_IN = new Float64Array(CAPACITY);
const CDF_RES = new Float64Array(CAPACITY);
const ERFCX_IN = new Float64Array(CAPACITY);
const ERFCX_RES = new Float64Array(CAPACITY);
const MILLS_IN = new Float64Array(CAPACITY);
const MILLS_RES = new Float64Array(CAPACITY);
/** Most arguments per call. */
export const SPECIAL_CAPACITY = CAPACITY;
/** Arguments and results of {@link normCdfBlock}. */
export const CDF_ARG = CDF_IN;
export const CDF_OUT = CDF_RES;
/** Arguments and results of {@link erfcxBlock}. */
export const ERFCX_ARG = ERFCX_IN;
export const ERFCX_OUT = ERFCX_RES;
/** Arguments (z <= 0) and results of {@link millsLowerBlock}. */
export const MILLS_ARG = MILLS_IN;
export const MILLS_OUT = MILLS_RES;

const LIST_A = new Int32Array(CAPACITY);
const LIST_B = new Int32Array(CAPACITY);
const LIST_C = new Int32Array(CAPACITY);
const LIST_D = new Int32Array(CAPACITY);
/** |argument| for erfcx, or the argument of erfcxLarge for Φ and Y. */
const ABS = new Float64Array(CAPACITY);
/** erfcxLarge(ABS[j]) where a list needs it. */
const LARGE = new Float64Array(CAPACITY);

/** |z| at or below which Φ(z) is ½ + ½·erf(z/√2). */
const Z_SMALL = X_SMALL / INV_SQRT_2;

/** LARGE[j] = erfcxLarge(ABS[j]) for the n indices in LIST_D (mid and tail sorted first). */
function erfcxLargeOfList(n: number): void {
  let nMid = 0;
  let nTail = 0;
  for (let k = 0; k < n; k++) {
    const j = LIST_D[k];
    const isMid = +(ABS[j] <= 4); // NaN goes to the tail, as in erfcxLarge
    LIST_A[nMid] = j;
    LIST_B[nTail] = j;
    nMid += isMid;
    nTail += 1 - isMid;
  }
  for (let k = 0; k < nMid; k++) {
    const j = LIST_A[k];
    LARGE[j] = erfcxMid(ABS[j]);
  }
  for (let k = 0; k < nTail; k++) {
    const j = LIST_B[k];
    LARGE[j] = erfcxTail(ABS[j]);
  }
}

/** CDF_RES[j] = normCdf(CDF_IN[j]) for j in [0, n). */
export function normCdfBlock(n: number): void {
  let nSmall = 0;
  let nLarge = 0;
  for (let j = 0; j < n; j++) {
    const z = CDF_IN[j];
    // Math.abs rather than `z < 0 ? -z : z` (a branch on a random sign); they differ only
    // for z = −0, which takes the small branch, where y is not used.
    const y = Math.abs(z);
    const isSmall = +(y <= Z_SMALL);
    LIST_C[nSmall] = j;
    LIST_D[nLarge] = j;
    nSmall += isSmall;
    nLarge += 1 - isSmall;
    ABS[j] = y * INV_SQRT_2;
  }
  for (let k = 0; k < nSmall; k++) {
    const j = LIST_C[k];
    CDF_RES[j] = 0.5 + 0.5 * erfSmall(CDF_IN[j] * INV_SQRT_2);
  }
  erfcxLargeOfList(nLarge);
  for (let k = 0; k < nLarge; k++) {
    const j = LIST_D[k];
    const z = CDF_IN[j];
    const y = Math.abs(z);
    const negative = +(z < 0);
    // Beyond 38.5 the tail underflows: Φ is 0 or 1.
    const tail = y > 38.5 ? 0 : 0.5 * fastExp(-0.5 * y * y) * LARGE[j];
    CDF_RES[j] = negative * tail + (1 - negative) * (1 - tail);
  }
}

/** ERFCX_RES[j] = erfcx(ERFCX_IN[j]) for j in [0, n). */
export function erfcxBlock(n: number): void {
  let nSmall = 0;
  let nLarge = 0;
  for (let j = 0; j < n; j++) {
    const y = Math.abs(ERFCX_IN[j]);
    const isSmall = +(y <= X_SMALL);
    LIST_C[nSmall] = j;
    LIST_D[nLarge] = j;
    nSmall += isSmall;
    nLarge += 1 - isSmall;
    ABS[j] = y;
  }
  for (let k = 0; k < nSmall; k++) {
    const j = LIST_C[k];
    const x = ERFCX_IN[j];
    ERFCX_RES[j] = Math.exp(x * x) * (1 - erfSmall(x));
  }
  erfcxLargeOfList(nLarge);
  // erfcx(−y) = 2·e^{y²} − erfcx(y), Infinity beyond 26.6.
  let nNegative = 0;
  for (let k = 0; k < nLarge; k++) {
    const j = LIST_D[k];
    const isNegative = +!(ERFCX_IN[j] > 0);
    ERFCX_RES[j] = LARGE[j];
    LIST_C[nNegative] = j;
    nNegative += isNegative;
  }
  for (let k = 0; k < nNegative; k++) {
    const j = LIST_C[k];
    const y = ABS[j];
    let value = Infinity;
    if (!(y > 26.6)) {
      const e = Math.exp(y * y);
      value = e + e - LARGE[j];
    }
    ERFCX_RES[j] = value;
  }
}

/** MILLS_RES[j] = millsLower(MILLS_IN[j]) = Φ(z)/φ(z) for z <= 0, j in [0, n). */
export function millsLowerBlock(n: number): void {
  let nSmall = 0;
  let nLarge = 0;
  for (let j = 0; j < n; j++) {
    const u = -MILLS_IN[j] * INV_SQRT_2;
    const isSmall = +(u <= X_SMALL);
    LIST_C[nSmall] = j;
    LIST_D[nLarge] = j;
    nSmall += isSmall;
    nLarge += 1 - isSmall;
    ABS[j] = u;
  }
  for (let k = 0; k < nSmall; k++) {
    const j = LIST_C[k];
    const u = ABS[j];
    MILLS_RES[j] = SQRT_PI_2 * fastExp(u * u) * (1 - erfSmall(u));
  }
  erfcxLargeOfList(nLarge);
  for (let k = 0; k < nLarge; k++) {
    const j = LIST_D[k];
    MILLS_RES[j] = SQRT_PI_2 * LARGE[j];
  }
}
