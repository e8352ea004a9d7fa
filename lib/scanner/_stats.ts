/**
 * Order statistics on plain numbers.
 *
 * @module
 */

/**
 * The q-quantile with linear interpolation between closest ranks (numpy's and Polars'
 * `linear`): position (n − 1)·q in the sorted values. Null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Smallest value; null for none. */
export function min(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => (b < a ? b : a));
}

/** Largest value; null for none. */
export function max(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => (b > a ? b : a));
}
