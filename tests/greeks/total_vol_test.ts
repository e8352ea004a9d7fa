import assert from "node:assert/strict";
import { normalisedBlack } from "../../lib/greeks/_normalised_black.ts";
import { MAX_HOUSEHOLDER_STEPS, totalVolatility } from "../../lib/greeks/_total_vol.ts";
import { readMpmathReference } from "./_reference.ts";

const EPS = 2 ** -52;

Deno.test("totalVolatility() finds the exact root to a few ulps on 600 mpmath cases", () => {
  // Each case is (x, s*, β): β a double and s* the exact root of b(x, s*) = β. A solver
  // that evaluates b in double precision can do no better than about ε·s*·(1 + 1/E), with
  // E = s·b'/b the elasticity of b (rounding of b, divided by E, plus rounding of s);
  // we allow four times that.
  const { normalisedBlack: cases } = readMpmathReference();
  assert.equal(cases.length, 600);
  for (const [x, sExact, beta] of cases) {
    const s = totalVolatility(x, beta, Math.exp(0.5 * x));
    const elasticity = sExact * Math.exp(-0.5 * ((x / sExact) ** 2 + (sExact / 2) ** 2)) /
      Math.sqrt(2 * Math.PI) / beta;
    const limit = EPS * sExact * (1 + 1 / elasticity);
    assert.ok(
      Math.abs(s - sExact) <= 4 * limit,
      `x ${x}, β ${beta}: got ${s}, exact ${sExact} (${Math.abs(s - sExact) / limit} × limit)`,
    );
  }
});

Deno.test("normalisedBlack() keeps relative accuracy against mpmath in every regime", () => {
  const { normalisedBlack: cases } = readMpmathReference();
  for (const [x, s, beta] of cases) {
    // β = b(x, s) to within half an ulp; the relative error allowed grows with the
    // elasticity of b (where b is steep, s absorbs it: see the solver test above).
    const h = x / s;
    const allowed = 64 * EPS * (1 + h * h);
    const b = normalisedBlack(x, s);
    assert.ok(Math.abs(b / beta - 1) <= allowed, `x ${x}, s ${s}: ${b} vs ${beta}`);
  }
});

Deno.test("totalVolatility() uses at most two Householder steps", () => {
  assert.equal(MAX_HOUSEHOLDER_STEPS, 2);
});
