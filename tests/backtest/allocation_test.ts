import assert from "node:assert/strict";
import {
  correlationFromCovariance,
  inverseVolWeights,
  minVarianceWeights,
  riskParityWeights,
  sizeWeights,
  trailingCovariance,
} from "@lib/backtest/mod.ts";

/** Covariance of assets with vols σ and correlations ρ (row-major). */
function cov(vols: number[], rho: number[][]): Float64Array {
  const n = vols.length, out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = rho[i][j] * vols[i] * vols[j];
  }
  return out;
}

const close = (got: ArrayLike<number>, want: number[], tol = 1e-12) =>
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) < tol, `w[${i}] = ${got[i]}, want ${w}`));

Deno.test("inverseVolWeights() are 1/σ normalised", () => {
  const c = cov([0.1, 0.2, 0.4], [[1, 0.3, 0.1], [0.3, 1, 0.2], [0.1, 0.2, 1]]);
  // 1/σ = 10, 5, 2.5 over 17.5.
  close(inverseVolWeights(c, 3), [10 / 17.5, 5 / 17.5, 2.5 / 17.5]);
});

Deno.test("riskParityWeights() equalise risk contributions, and are inverse vol for two assets", () => {
  // Two assets: equal risk contribution is 1/σ whatever the correlation.
  for (const rho of [-0.5, 0, 0.7]) {
    close(riskParityWeights(cov([0.1, 0.3], [[1, rho], [rho, 1]]), 2), [0.75, 0.25]);
  }
  const c = cov([0.15, 0.2, 0.1], [[1, 0.6, -0.2], [0.6, 1, 0.3], [-0.2, 0.3, 1]]);
  const w = riskParityWeights(c, 3);
  const rc = [0, 1, 2].map((i) => w[i] * [0, 1, 2].reduce((s, j) => s + c[i * 3 + j] * w[j], 0));
  const total = rc.reduce((a, b) => a + b, 0);
  for (const r of rc) assert.ok(Math.abs(r / total - 1 / 3) < 1e-12, `contributions ${rc}`);
  assert.ok(Math.abs(w[0] + w[1] + w[2] - 1) < 1e-15);
  // Identical vols and correlations: equal weights.
  close(riskParityWeights(cov([0.2, 0.2, 0.2], [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]]), 3), [
    1 / 3,
    1 / 3,
    1 / 3,
  ]);
});

Deno.test("minVarianceWeights() match the two-asset formula and stay long-only", () => {
  // w1 = (σ2² − ρσ1σ2) / (σ1² + σ2² − 2ρσ1σ2) with σ = 10%, 20%.
  close(minVarianceWeights(cov([0.1, 0.2], [[1, 0], [0, 1]]), 2), [0.8, 0.2]);
  close(minVarianceWeights(cov([0.1, 0.2], [[1, 0.25], [0.25, 1]]), 2), [0.875, 0.125]);
  // ρ = 0.8 would short the second asset (w1 = 4/3): long-only puts it at 0.
  close(minVarianceWeights(cov([0.1, 0.2], [[1, 0.8], [0.8, 1]]), 2), [1, 0]);
  // Three assets, the third dominated: pinned to zero, the other two by the formula.
  const c = cov([0.1, 0.2, 0.3], [[1, 0, 0.9], [0, 1, 0.5], [0.9, 0.5, 1]]);
  const w = minVarianceWeights(c, 3);
  assert.ok(w.every((x) => x >= 0));
  assert.ok(Math.abs(w[0] + w[1] + w[2] - 1) < 1e-15);
  // No other long-only portfolio on a grid has a lower variance.
  const variance = (x: number[]) =>
    x.reduce((s, xi, i) => s + xi * x.reduce((t, xj, j) => t + c[i * 3 + j] * xj, 0), 0);
  const best = variance(Array.from(w));
  for (let a = 0; a <= 50; a++) {
    for (let b = 0; a + b <= 50; b++) {
      assert.ok(variance([a / 50, b / 50, (50 - a - b) / 50]) >= best - 1e-15);
    }
  }
});

Deno.test("sizing refuses a covariance without positive variances", () => {
  assert.throws(
    () => sizeWeights("risk_parity", Float64Array.of(0.01, 0, 0, 0), 2),
    /Cannot size by risk parity: asset 1 has variance 0; each needs a positive, finite variance/,
  );
  assert.throws(
    () => sizeWeights("inverse_vol", new Float64Array(3), 2),
    /the covariance matrix must be 2×2, got 3 values/,
  );
});

Deno.test("trailingCovariance() is the ddof-1 covariance of simple returns over the window", () => {
  // Asset 0: 100, 110, 99, 108.9 → returns 0.1, −0.1, 0.1; asset 1: constant returns 0.05.
  const closes = Float64Array.of(100, 110, 99, 108.9, 10, 10.5, 11.025, 11.57625);
  const c = trailingCovariance(closes, 4, [0, 1], 3, 3);
  // mean 1/30; deviations 2/30, −4/30, 2/30 → var = (4 + 16 + 4)/900/2 = 24/1800.
  close(c, [24 / 1800, 0, 0, 0], 1e-15);
  const corr = correlationFromCovariance(Float64Array.of(4, 2, 2, 9), 2);
  close(corr, [1, 1 / 3, 1 / 3, 1]);
});
