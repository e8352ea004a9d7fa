/**
 * The normalised Black function b(x, s) (see `_normalised_black.ts`) and b_max − b over
 * arrays of (x, s) pairs, with exactly the results of `normalisedBlackWithVega` and
 * `normalisedBlackComplement`: each pair is sorted into the list of its regime (Taylor
 * series in s/2, the Φ form, the erfcx form), and each regime runs as short loops over
 * module-level arrays, its special functions in blocks (`_special_block.ts`).
 *
 * @module
 */
import { fastExp } from "./_exp.ts";
import { ONE_OVER_SQRT_TWO } from "./_normal.ts";
import {
  CDF_ARG,
  CDF_OUT,
  ERFCX_ARG,
  ERFCX_OUT,
  erfcxBlock,
  MILLS_ARG,
  MILLS_OUT,
  millsLowerBlock,
  normCdfBlock,
} from "./_special_block.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const INV_SQRT_2 = ONE_OVER_SQRT_TWO;
const CDF_IN = CDF_ARG;
const CDF_RES = CDF_OUT;
const ERFCX_IN = ERFCX_ARG;
const ERFCX_RES = ERFCX_OUT;
const MILLS_IN = MILLS_ARG;
const MILLS_RES = MILLS_OUT;

const CAPACITY = 512;
const X = new Float64Array(CAPACITY);
const S = new Float64Array(CAPACITY);
const VEGA = new Float64Array(CAPACITY);
const OUT = new Float64Array(CAPACITY);
/** Most pairs per call (twice this fits the special-function blocks). */
export const BLACK_CAPACITY = CAPACITY;
/** Inputs: x <= 0, s > 0 and, for {@link normalisedBlackBlock}, normalisedVega(x, s). */
export const BLACK_X = X;
export const BLACK_S = S;
export const BLACK_VEGA = VEGA;
/** Results. */
export const BLACK_OUT = OUT;

const H = new Float64Array(CAPACITY);
const T = new Float64Array(CAPACITY);
/** Rows of the Taylor series, by how many terms t needs (see normalisedBlackBlock). */
const SERIES_0 = new Int32Array(CAPACITY);
const SERIES_1 = new Int32Array(CAPACITY);
const SERIES_2 = new Int32Array(CAPACITY);
const SERIES_3 = new Int32Array(CAPACITY);
const SERIES = [SERIES_0, SERIES_1, SERIES_2, SERIES_3];
const PHI_FORM = new Int32Array(CAPACITY);
const ERFCX_FORM = new Int32Array(CAPACITY);

// The regime boundaries and constants of `_normalised_black.ts`.
const SMALL_T = 0.21;
const SMALL_T_MAX_ABS_X = 1.5;
const HALF_SQRT_TWO_PI = 0.5 * Math.sqrt(2 * Math.PI);
const PHI_FORM_H_PLUS_T = 0.85;

/**
 * OUT[j] = b(x, s) = normalisedBlackWithVega(x, s, vega) for j in [0, n).
 * The Taylor series needs more terms as t grows: its rows are sorted by t into four lists
 * (t < 0.016, 0.045, 0.095, 0.21), each summing the terms it needs as the scalar does.
 */
export function normalisedBlackBlock(n: number): void {
  const counts = sortRegimes(n);
  const nSeries = counts[0] + counts[1] + counts[2] + counts[3];
  // Y(h) for the series rows, in list order.
  let m = 0;
  for (let k = 0; k < counts[0]; k++) MILLS_IN[m++] = H[SERIES_0[k]];
  for (let k = 0; k < counts[1]; k++) MILLS_IN[m++] = H[SERIES_1[k]];
  for (let k = 0; k < counts[2]; k++) MILLS_IN[m++] = H[SERIES_2[k]];
  for (let k = 0; k < counts[3]; k++) MILLS_IN[m++] = H[SERIES_3[k]];
  millsLowerBlock(nSeries);
  m = 0;
  for (let k = 0; k < counts[0]; k++) {
    const j = SERIES_0[k];
    const h = H[j];
    const t = T[j];
    const a = 1 + h * MILLS_RES[m++];
    const w = t * t;
    const h2 = h * h;
    const c3 = (a * (h2 + 3) - 1) * (1 / 6);
    const c5 = (a * ((h2 + 10) * h2 + 15) - h2 - 7) * (1 / 120);
    const c7 = (a * (((h2 + 21) * h2 + 105) * h2 + 105) - (h2 + 18) * h2 - 57) * (1 / 5040);
    const series = a + w * (c3 + w * (c5 + w * (c7 + w * 0)));
    OUT[j] = 2 * VEGA[j] * t * series;
  }
  for (let list = 1; list < 4; list++) {
    const rows = SERIES[list];
    for (let k = 0; k < counts[list]; k++) {
      const j = rows[k];
      const h = H[j];
      const t = T[j];
      const a = 1 + h * MILLS_RES[m++];
      const w = t * t;
      const h2 = h * h;
      const c3 = (a * (h2 + 3) - 1) * (1 / 6);
      const c5 = (a * ((h2 + 10) * h2 + 15) - h2 - 7) * (1 / 120);
      const c7 = (a * (((h2 + 21) * h2 + 105) * h2 + 105) - (h2 + 18) * h2 - 57) * (1 / 5040);
      const c9 = (a * ((((h2 + 36) * h2 + 378) * h2 + 1260) * h2 + 945) -
        (((h2 + 33) * h2 + 285) * h2 + 561)) * (1 / 362880);
      let c11 = 0;
      let c13 = 0;
      if (list >= 2) {
        const p11 = ((((h2 + 55) * h2 + 990) * h2 + 6930) * h2 + 17325) * h2 + 10395;
        const q11 = (((h2 + 52) * h2 + 840) * h2 + 4680) * h2 + 6555;
        c11 = (a * p11 - q11) * (1 / 39916800);
        if (list === 3) {
          const p13 = (((((h2 + 78) * h2 + 2145) * h2 + 25740) * h2 + 135135) * h2 + 270270) *
              h2 + 135135;
          const q13 = ((((h2 + 75) * h2 + 1926) * h2 + 20370) * h2 + 82845) * h2 + 89055;
          c13 = (a * p13 - q13) * (1 / 6227020800);
        }
      }
      const high = c9 + w * (c11 + w * c13);
      const series = a + w * (c3 + w * (c5 + w * (c7 + w * high)));
      OUT[j] = 2 * VEGA[j] * t * series;
    }
  }
  // Φ form: e^{x/2}·Φ(h + t) − e^{−x/2}·Φ(h − t).
  const nPhi = counts[4];
  for (let k = 0; k < nPhi; k++) {
    const j = PHI_FORM[k];
    CDF_IN[2 * k] = H[j] + T[j];
    CDF_IN[2 * k + 1] = H[j] - T[j];
  }
  normCdfBlock(2 * nPhi);
  for (let k = 0; k < nPhi; k++) {
    const j = PHI_FORM[k];
    const e = fastExp(0.5 * X[j]);
    OUT[j] = e * CDF_RES[2 * k] - CDF_RES[2 * k + 1] / e;
  }
  // erfcx form: √(2π)/2·vega·(erfcx(−(h + t)/√2) − erfcx(−(h − t)/√2)).
  const nErfcx = counts[5];
  for (let k = 0; k < nErfcx; k++) {
    const j = ERFCX_FORM[k];
    ERFCX_IN[2 * k] = -INV_SQRT_2 * (H[j] + T[j]);
    ERFCX_IN[2 * k + 1] = -INV_SQRT_2 * (H[j] - T[j]);
  }
  erfcxBlock(2 * nErfcx);
  for (let k = 0; k < nErfcx; k++) {
    const j = ERFCX_FORM[k];
    OUT[j] = HALF_SQRT_TWO_PI * VEGA[j] * (ERFCX_RES[2 * k] - ERFCX_RES[2 * k + 1]);
  }
}

const COUNTS = new Int32Array(6);

/**
 * Sets H = x/s and T = s/2 and sorts the pairs: series lists 0–3 (by t), the Φ form, the
 * erfcx form; returns the six list lengths (a reused array).
 */
function sortRegimes(n: number): Int32Array {
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let nPhi = 0;
  let nErfcx = 0;
  for (let j = 0; j < n; j++) {
    const x = X[j];
    const s = S[j];
    const h = x / s;
    const t = 0.5 * s;
    H[j] = h;
    T[j] = t;
    const series = +(t < SMALL_T) & +(x > -SMALL_T_MAX_ABS_X); // `&&` would branch
    const phi = (1 - series) * +(h + t > PHI_FORM_H_PLUS_T);
    const s1 = series * +(t >= 0.016);
    const s2 = s1 * +(t >= 0.045);
    const s3 = s2 * +(t >= 0.095);
    SERIES_0[n0] = j;
    SERIES_1[n1] = j;
    SERIES_2[n2] = j;
    SERIES_3[n3] = j;
    PHI_FORM[nPhi] = j;
    ERFCX_FORM[nErfcx] = j;
    n0 += series - s1;
    n1 += s1 - s2;
    n2 += s2 - s3;
    n3 += s3;
    nPhi += phi;
    nErfcx += 1 - series - phi;
  }
  COUNTS[0] = n0;
  COUNTS[1] = n1;
  COUNTS[2] = n2;
  COUNTS[3] = n3;
  COUNTS[4] = nPhi;
  COUNTS[5] = nErfcx;
  return COUNTS;
}

/**
 * OUT[j] = b_max − b(x, s) = normalisedBlackComplement(x, s) =
 * e^{x/2}·Φ(−h − t) + e^{−x/2}·Φ(h − t), for j in [0, n).
 */
export function normalisedBlackComplementBlock(n: number): void {
  for (let j = 0; j < n; j++) {
    const h = X[j] / S[j];
    const t = 0.5 * S[j];
    CDF_IN[2 * j] = -h - t;
    CDF_IN[2 * j + 1] = h - t;
  }
  normCdfBlock(2 * n);
  for (let j = 0; j < n; j++) {
    const e = fastExp(0.5 * X[j]);
    OUT[j] = e * CDF_RES[2 * j] + CDF_RES[2 * j + 1] / e;
  }
}
