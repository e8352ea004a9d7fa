/**
 * The standard normal distribution function over a block of arguments, branch by branch.
 *
 * @module
 */
import {
  C0,
  C1,
  C2,
  C3,
  C4,
  C5,
  C6,
  C7,
  C8,
  D0,
  D1,
  D2,
  D3,
  D4,
  D5,
  D6,
  D7,
  ERF_SMALL,
  erfcxTail,
} from "./_erf.ts";
import { ONE_OVER_SQRT_TWO } from "./_normal.ts";

/** |z| at or below which Φ(z) is ½ + ½·erf(z/√2). */
const Z_SMALL = ERF_SMALL / ONE_OVER_SQRT_TWO;
/** |z| above which erfcx(|z|/√2) comes from Cody's asymptotic rational (u > 4). */
const Z_MID = 4 / ONE_OVER_SQRT_TWO;

// Cody's erf coefficients for |x| <= 0.46875 (as in _erf.ts's erfSmall).
const A0 = 3.1611237438705656;
const A1 = 113.86415415105016;
const A2 = 377.48523768530202;
const A3 = 3209.3775891384695;
const A4 = 0.18577770618460315;
const B0 = 23.601290952344122;
const B1 = 244.02463793444417;
const B2 = 1282.6165260773723;
const B3 = 2844.2368334391706;

/** Row indices per branch, reused across calls (the kernels are synchronous). */
let small = new Int32Array(1024);
let mid = new Int32Array(1024);
let tail = new Int32Array(1024);

/**
 * cdf[j] = Φ(z[j]) for j in [0, count), given gauss[j] = exp(−z[j]²/2) (which the callers
 * share with the density). Each argument is first sorted, without branches, into one of
 * three index lists: |z| <= 0.663 (½ + ½·erf(z/√2), Cody's rational), 0.663 < |z| <= 5.66
 * and |z| > 5.66 (½·gauss·erfcx(|z|/√2), Cody's rationals, mirrored for z > 0). Each list
 * is then done in a loop of its own. Mixed batches put about half the arguments on either
 * side of 0.663, so a branch per argument would be mispredicted about every other time.
 * Results are identical to `normCdf` with its exp(−z²/2) replaced by gauss.
 */
export function phiBlock(
  count: number,
  z: Float64Array,
  gauss: Float64Array,
  cdf: Float64Array,
): void {
  if (small.length < count) {
    small = new Int32Array(count);
    mid = new Int32Array(count);
    tail = new Int32Array(count);
  }
  const iSmall = small;
  const iMid = mid;
  const iTail = tail;
  let nSmall = 0;
  let nMid = 0;
  let nTail = 0;
  for (let j = 0; j < count; j++) {
    const a = Math.abs(z[j]);
    const isSmall = a <= Z_SMALL ? 1 : 0;
    const isTail = a > Z_MID ? 1 : 0;
    iSmall[nSmall] = j;
    iMid[nMid] = j;
    iTail[nTail] = j;
    nSmall += isSmall;
    nTail += isTail;
    nMid += 1 - isSmall - isTail;
  }
  for (let k = 0; k < nSmall; k++) {
    const j = iSmall[k];
    const x = z[j] * ONE_OVER_SQRT_TWO;
    const y = x * x;
    const num = (((A4 * y + A0) * y + A1) * y + A2) * y + A3;
    const den = (((y + B0) * y + B1) * y + B2) * y + B3;
    cdf[j] = 0.5 + 0.5 * (x * num / den);
  }
  for (let k = 0; k < nMid; k++) {
    const j = iMid[k];
    const zj = z[j];
    const u = Math.abs(zj) * ONE_OVER_SQRT_TWO;
    const u2 = u * u;
    const u4 = u2 * u2;
    const erfcx = ((C7 + C6 * u) + u2 * (C5 + C4 * u) +
      u4 * ((C3 + C2 * u) + u2 * (C1 + C0 * u) + u4 * C8)) /
      ((D7 + D6 * u) + u2 * (D5 + D4 * u) + u4 * ((D3 + D2 * u) + u2 * (D1 + D0 * u) + u4));
    const t = 0.5 * gauss[j] * erfcx;
    // The sign applied arithmetically: the signs of mixed batches are random.
    const negative = zj < 0 ? 1 : 0;
    cdf[j] = negative * t + (1 - negative) * (1 - t);
  }
  for (let k = 0; k < nTail; k++) {
    const j = iTail[k];
    const zj = z[j];
    const t = 0.5 * gauss[j] * erfcxTail(Math.abs(zj) * ONE_OVER_SQRT_TWO);
    cdf[j] = zj < 0 ? t : 1 - t;
  }
}
