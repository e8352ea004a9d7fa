/**
 * Portfolio weights from a covariance matrix: equal weight, inverse volatility, equal risk
 * contribution (risk parity) and long-only minimum variance. Matrices are row-major
 * Float64Arrays of n×n; weights are fractions summing to 1.
 *
 * @module
 */

/** Sizing rules by name, in the order of the `sizing` parameter's choices. */
export const SIZINGS = ["equal", "inverse_vol", "risk_parity", "min_variance"] as const;
/** A sizing rule. */
export type Sizing = (typeof SIZINGS)[number];

function check(cov: Float64Array, n: number, what: string): void {
  if (!(n >= 1) || cov.length !== n * n) {
    throw new RangeError(
      `Cannot size ${what}: the covariance matrix must be ${n}×${n}, got ${cov.length} values`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = cov[i * n + i];
    if (!(v > 0 && v < Infinity)) {
      throw new RangeError(
        `Cannot size ${what}: asset ${i} has variance ${v}; each needs a positive, finite variance`,
      );
    }
  }
}

/** w_i = 1/n. */
export function equalWeights(n: number): Float64Array {
  return new Float64Array(n).fill(1 / n);
}

/**
 * Inverse-volatility weights w_i = (1/σ_i) / Σ_j (1/σ_j), σ_i = √cov_ii: each asset gets
 * the same volatility budget, correlations ignored.
 *
 * @example
 * ```ts
 * import { inverseVolWeights } from "./weights.ts";
 * import assert from "node:assert/strict";
 * // σ = 10% and 20%: weights 2/3 and 1/3.
 * const w = inverseVolWeights(Float64Array.of(0.01, 0, 0, 0.04), 2);
 * assert.deepEqual(Array.from(w, (x) => x.toFixed(6)), ["0.666667", "0.333333"]);
 * ```
 */
export function inverseVolWeights(cov: Float64Array, n: number): Float64Array {
  check(cov, n, "by inverse volatility");
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = 1 / Math.sqrt(cov[i * n + i]);
  for (let i = 0; i < n; i++) w[i] /= sum;
  return w;
}

/** y = Σ·x. */
function mul(cov: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j] * x[j];
    y[i] = s;
  }
}

/** Solves A·x = b in place by Gaussian elimination with partial pivoting (A is destroyed). */
function solve(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) p = r;
    if (!(Math.abs(a[p * n + c]) > 1e-300)) return false;
    if (p !== c) {
      for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k], a[c * n + k]];
      [b[c], b[p]] = [b[p], b[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c] / a[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r * n + k] * b[k];
    b[r] = s / a[r * n + r];
  }
  return true;
}

/**
 * Risk-parity (equal risk contribution) weights: each asset's contribution w_i·(Σw)_i to
 * the portfolio variance is the same. Solved as Spinu's (2013) convex problem
 * min ½xᵀΣx − Σ ln x_i by Newton's method (Hessian Σ + diag(1/x²)), then w = x/Σx;
 * converges to 1e-12 in a handful of steps for any positive-definite Σ.
 *
 * @example
 * ```ts
 * import { riskParityWeights } from "./weights.ts";
 * import assert from "node:assert/strict";
 * // Uncorrelated assets: risk parity is inverse volatility (2/3, 1/3 for σ = 10%, 20%).
 * const w = riskParityWeights(Float64Array.of(0.01, 0, 0, 0.04), 2);
 * assert.deepEqual(Array.from(w, (x) => x.toFixed(6)), ["0.666667", "0.333333"]);
 * ```
 */
export function riskParityWeights(cov: Float64Array, n: number): Float64Array {
  check(cov, n, "by risk parity");
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1 / Math.sqrt(cov[i * n + i]);
  // Start on the solution's scale: xᵀΣx = n at the optimum.
  const sx = new Float64Array(n);
  mul(cov, n, x, sx);
  let q = 0;
  for (let i = 0; i < n; i++) q += x[i] * sx[i];
  const scale = Math.sqrt(n / q);
  for (let i = 0; i < n; i++) x[i] *= scale;
  const h = new Float64Array(n * n), g = new Float64Array(n);
  for (let it = 0; it < 100; it++) {
    mul(cov, n, x, sx);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      g[i] = sx[i] - 1 / x[i];
      norm = Math.max(norm, Math.abs(g[i] * x[i]));
    }
    if (norm < 1e-14) break;
    h.set(cov);
    for (let i = 0; i < n; i++) h[i * n + i] += 1 / (x[i] * x[i]);
    if (!solve(h, g, n)) {
      throw new RangeError("Cannot size by risk parity: the covariance matrix is singular");
    }
    // Damped step keeping x > 0.
    let t = 1;
    for (let i = 0; i < n; i++) if (x[i] - t * g[i] <= 0) t = Math.min(t, 0.5 * x[i] / g[i]);
    for (let i = 0; i < n; i++) x[i] -= t * g[i];
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  for (let i = 0; i < n; i++) x[i] /= sum;
  return x;
}

/**
 * Long-only minimum-variance weights: min wᵀΣw subject to Σw = 1, w ≥ 0, by an active
 * set: the unconstrained solution w ∝ Σ⁻¹1 over the free assets, the most negative weight
 * pinned to 0 until none is negative, then pinned assets freed again while the KKT
 * condition (Σw)_i ≥ λ fails. Exact for the few assets of a daily portfolio.
 *
 * @example
 * ```ts
 * import { minVarianceWeights } from "./weights.ts";
 * import assert from "node:assert/strict";
 * // Uncorrelated: w ∝ 1/σ² (4/5, 1/5 for σ = 10%, 20%).
 * const w = minVarianceWeights(Float64Array.of(0.01, 0, 0, 0.04), 2);
 * assert.deepEqual(Array.from(w, (x) => x.toFixed(6)), ["0.800000", "0.200000"]);
 * ```
 */
export function minVarianceWeights(cov: Float64Array, n: number): Float64Array {
  check(cov, n, "by minimum variance");
  const free = new Uint8Array(n).fill(1);
  const w = new Float64Array(n);
  for (let round = 0; round < 4 * n + 4; round++) {
    const idx = [...free.keys()].filter((i) => free[i]);
    const m = idx.length;
    const a = new Float64Array(m * m), b = new Float64Array(m).fill(1);
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) a[r * m + c] = cov[idx[r] * n + idx[c]];
    if (!solve(a, b, m)) {
      throw new RangeError("Cannot size by minimum variance: the covariance matrix is singular");
    }
    let sum = 0;
    for (const v of b) sum += v;
    w.fill(0);
    idx.forEach((i, k) => (w[i] = b[k] / sum));
    let worst = -1;
    for (const i of idx) if (w[i] < -1e-15 && (worst < 0 || w[i] < w[worst])) worst = i;
    if (worst >= 0) {
      free[worst] = 0;
      continue;
    }
    // KKT: a pinned asset must not lower the variance if added: (Σw)_i >= λ = wᵀΣw.
    const sw = new Float64Array(n);
    mul(cov, n, w, sw);
    let lambda = 0;
    for (let i = 0; i < n; i++) lambda += w[i] * sw[i];
    let add = -1;
    for (let i = 0; i < n; i++) {
      if (!free[i] && sw[i] < lambda * (1 - 1e-12) && (add < 0 || sw[i] < sw[add])) add = i;
    }
    if (add < 0) {
      for (let i = 0; i < n; i++) if (w[i] < 0) w[i] = 0;
      return w;
    }
    free[add] = 1;
  }
  throw new RangeError("Cannot size by minimum variance: the active set did not settle");
}

/**
 * Weights by the named rule (see {@link SIZINGS}).
 *
 * @param sizing The rule.
 * @param cov Covariance matrix, n×n row-major (unused for `equal`).
 * @param n Number of assets.
 */
export function sizeWeights(sizing: Sizing, cov: Float64Array, n: number): Float64Array {
  switch (sizing) {
    case "equal":
      return equalWeights(n);
    case "inverse_vol":
      return inverseVolWeights(cov, n);
    case "risk_parity":
      return riskParityWeights(cov, n);
    case "min_variance":
      return minVarianceWeights(cov, n);
    default:
      throw new RangeError(
        `Cannot size weights: sizing must be one of ${SIZINGS.join(", ")}, got ${sizing}`,
      );
  }
}
