// Plain statistics on number arrays, shared by the realism figures.

/** Pearson correlation of paired samples; NaN with fewer than 3 pairs or no variance. */
export function corr(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  if (n < 3) return NaN;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) (mx += x[i]), (my += y[i]);
  mx /= n;
  my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] - mx, b = y[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : NaN;
}

/** Mean of a sample; NaN when empty. */
export function mean(x: ArrayLike<number>): number {
  if (x.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Excess kurtosis (fourth standardised moment minus 3); NaN with fewer than 4 values. */
export function excessKurtosis(x: ArrayLike<number>): number {
  if (x.length < 4) return NaN;
  const m = mean(x);
  let s2 = 0, s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] - m) ** 2;
    s2 += d;
    s4 += d * d;
  }
  s2 /= x.length;
  s4 /= x.length;
  return s4 / (s2 * s2) - 3;
}

/** Sample autocorrelation of `x` at `lag` (one mean, denominator the whole variance). */
export function acf(x: ArrayLike<number>, lag: number): number {
  const n = x.length;
  if (n <= lag + 2) return NaN;
  const m = mean(x);
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) den += (x[i] - m) ** 2;
  for (let i = lag; i < n; i++) num += (x[i] - m) * (x[i - lag] - m);
  return den > 0 ? num / den : NaN;
}

/** Standard deviation (population); NaN when empty. */
export function std(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return Math.sqrt(s / x.length);
}
