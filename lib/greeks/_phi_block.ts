/**
 * The standard normal distribution function over a block of arguments, branch by branch,
 * in module-level arrays (see `_bs_block.ts` for why).
 *
 * @module
 */
import { ERF_SMALL, erfcxMid, erfcxTail, erfSmall } from "./_erf.ts";
import { ONE_OVER_SQRT_TWO } from "./_normal.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const INV_SQRT_2 = ONE_OVER_SQRT_TWO;

const CAPACITY = 1024;
// The module's loops use local bindings: V8 folds those into the code, but reads exported
// bindings through a cell on every use (several times slower in a hot loop).
const ARG = new Float64Array(CAPACITY);
const GAUSS = new Float64Array(CAPACITY);
const CDF = new Float64Array(CAPACITY);
const SMALL = new Int32Array(CAPACITY);
const MID = new Int32Array(CAPACITY);
const TAIL = new Int32Array(CAPACITY);
/** Most arguments per call. */
export const PHI_CAPACITY = CAPACITY;
/** The arguments z; the caller writes them. */
export const PHI_ARG = ARG;
/** exp(−z²/2) for each argument; the caller writes them (shared with the density). */
export const PHI_GAUSS = GAUSS;
/** Φ(z), written by {@link phiBlock}. */
export const PHI_CDF = CDF;

/** |z| at or below which Φ(z) is ½ + ½·erf(z/√2). */
const Z_SMALL = ERF_SMALL / INV_SQRT_2;
/** |z| above which erfcx(|z|/√2) comes from Cody's asymptotic rational (u > 4). */
const Z_MID = 4 / INV_SQRT_2;

/**
 * PHI_CDF[j] = Φ(PHI_ARG[j]) for j in [0, count), count <= {@link PHI_CAPACITY}, given
 * PHI_GAUSS[j] = exp(−z²/2). Each argument is first sorted, without branching, into one
 * of three index lists: |z| <= 0.663 (½ + ½·erf(z/√2), Cody's rational), 0.663 < |z| <=
 * 5.66 and |z| > 5.66 (½·gauss·erfcx(|z|/√2), Cody's rationals, mirrored for z > 0); each
 * list is then done by a loop of its own, with the sign applied arithmetically. Mixed
 * batches put about half the arguments on either side of 0.663 and of 0, so a branch per
 * argument would be mispredicted about every other time (which cost a third of the
 * Black–Scholes kernel's time). Same results as `normCdf` with its exp(−z²/2) replaced by
 * gauss.
 */
export function phiBlock(count: number): void {
  let nSmall = 0;
  let nMid = 0;
  let nTail = 0;
  // `+(a <= b)` rather than `a <= b ? 1 : 0`, which V8 compiles to a branch.
  for (let j = 0; j < count; j++) {
    const a = Math.abs(ARG[j]);
    const isSmall = +(a <= Z_SMALL);
    const isTail = +(a > Z_MID);
    SMALL[nSmall] = j;
    MID[nMid] = j;
    TAIL[nTail] = j;
    nSmall += isSmall;
    nTail += isTail;
    nMid += 1 - isSmall - isTail;
  }
  for (let k = 0; k < nSmall; k++) {
    const j = SMALL[k];
    CDF[j] = 0.5 + 0.5 * erfSmall(ARG[j] * INV_SQRT_2);
  }
  for (let k = 0; k < nMid; k++) {
    const j = MID[k];
    const z = ARG[j];
    const t = 0.5 * GAUSS[j] * erfcxMid(Math.abs(z) * INV_SQRT_2);
    const negative = +(z < 0);
    CDF[j] = negative * t + (1 - negative) * (1 - t);
  }
  for (let k = 0; k < nTail; k++) {
    const j = TAIL[k];
    const z = ARG[j];
    const t = 0.5 * GAUSS[j] * erfcxTail(Math.abs(z) * INV_SQRT_2);
    const negative = +(z < 0);
    CDF[j] = negative * t + (1 - negative) * (1 - t);
  }
}
