import assert from "node:assert/strict";
import { erfc, erfcx } from "../../lib/greeks/_erf.ts";
import { normCdf, normQuantileLower, normQuantileLowerFast } from "../../lib/greeks/_normal.ts";
import { readMpmathReference } from "./_reference.ts";

const EPS = 2 ** -52;

Deno.test("normCdf() matches mpmath to a few ulps relative, tails included", () => {
  for (const [z, exact] of readMpmathReference().normalCdf) {
    // Relative error ≤ 4 ulps plus the z²·ε/2 that rounding z² inside exp(−z²/2) costs.
    const allowed = (4 + 0.5 * z * z) * EPS;
    const got = normCdf(z);
    assert.ok(Math.abs(got / exact - 1) <= allowed, `Φ(${z}) = ${got}, mpmath ${exact}`);
  }
});

Deno.test("erfc() and erfcx() satisfy their identities and published values", () => {
  // Abramowitz & Stegun table 7.1: erfc(1) = 0.157299207050285, erfc(2) = 0.004677734981047266.
  assert.ok(Math.abs(erfc(1) / 0.15729920705028513 - 1) < 4 * EPS);
  assert.ok(Math.abs(erfc(2) / 0.004677734981047266 - 1) < 4 * EPS);
  assert.equal(erfc(0), 1);
  assert.ok(Math.abs(erfc(-1) - (2 - erfc(1))) < 4 * EPS);
  for (const x of [-3, -0.4, 0.2, 0.5, 1, 3.9, 4.1, 10, 26]) {
    const direct = Math.exp(x * x) * erfc(x);
    assert.ok(Math.abs(erfcx(x) / direct - 1) < (8 + 2 * x * x) * EPS, `erfcx(${x})`);
  }
});

Deno.test("normQuantileLower() inverts normCdf() to full precision, the fast one to 1.2e-9", () => {
  for (const p of [1e-300, 1e-100, 1e-20, 1e-5, 0.02, 0.02425, 0.1, 0.3, 0.4999]) {
    const z = normQuantileLower(p);
    assert.ok(
      Math.abs(normCdf(z) / p - 1) <= (8 + z * z) * EPS * Math.max(1, Math.abs(z)),
      `p ${p}`,
    );
    const fast = normQuantileLowerFast(p);
    assert.ok(Math.abs(fast / z - 1) <= 1.2e-9, `fast p ${p}: ${fast} vs ${z}`);
  }
  assert.equal(normQuantileLower(0), -Infinity);
});
