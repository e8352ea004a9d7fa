/**
 * A table-driven exp(x) that V8 inlines into hot loops (Math.exp is an out-of-line call
 * that also forces every live register to be spilled). Accuracy within 1 ulp of the
 * exact value wherever the result is a normal double; subnormal results keep fewer bits,
 * 0 below about −744.4, Infinity where e^x overflows (x > 709.78), NaN for NaN.
 *
 * exp(x) = 2^m · 2^(j/256) · exp(r): k = round(x·256/ln 2) = 256·m + j, r = x − k·ln2/256
 * with |r| <= ln2/512 (ln 2 split into a head with trailing zero bits and a tail, so
 * k·head is exact), exp(r) − 1 by its degree-6 Taylor polynomial (error < 2e-24), 2^(j/256)
 * and 2^m from tables.
 *
 * @module
 */

const TABLE_BITS = 8;
const TABLE_SIZE = 1 << TABLE_BITS;
const TWO_TO_J: Float64Array = (() => {
  const t = new Float64Array(TABLE_SIZE);
  for (let j = 0; j < TABLE_SIZE; j++) t[j] = Math.pow(2, j / TABLE_SIZE);
  return t;
})();
const M_OFFSET = 1100;
const TWO_TO_M: Float64Array = (() => {
  const t = new Float64Array(2 * M_OFFSET);
  for (let m = -M_OFFSET; m < M_OFFSET; m++) t[m + M_OFFSET] = Math.pow(2, m);
  return t;
})();
const INV_STEP = TABLE_SIZE / Math.LN2;
const STEP_HI = 6.93147180369123816490e-1 / TABLE_SIZE; // fdlibm's ln2_hi
const STEP_LO = 1.90821492927058770002e-10 / TABLE_SIZE; // fdlibm's ln2_lo
// Adding and subtracting 1.5·2^52 rounds to the nearest integer (ties to even).
const ROUND = 6755399441055744.0;
// Clamp bounds, inside the 2^m table (|m| < 1100) and beyond exp's range.
const X_MIN = -760;
const X_MAX = 760;

/** e^x, inlinable; see the module doc. */
export function fastExp(x: number): number {
  // No early returns: V8 merges `return 0`, `return Infinity` and a double into a boxed
  // value, a heap allocation per call that more than doubled its cost. Clamping needs no
  // special cases: the 2^m table holds 0 for m <= −1075 (x < −744.4) and Infinity for
  // m >= 1024, so the result overflows exactly where e^x does (x > 709.7827); NaN stays NaN
  // through Math.max and Math.min.
  const y = Math.min(Math.max(x, X_MIN), X_MAX);
  const kf = (y * INV_STEP + ROUND) - ROUND;
  const k = kf | 0;
  const r = (y - kf * STEP_HI) - kf * STEP_LO;
  const p = r + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720)))));
  const t = TWO_TO_J[k & (TABLE_SIZE - 1)];
  return (t + t * p) * TWO_TO_M[(k >> TABLE_BITS) + M_OFFSET];
}
