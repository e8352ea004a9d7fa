import assert from "node:assert/strict";
import { fastExp } from "../../lib/greeks/_exp.ts";
import { seededRandom } from "./_reference.ts";

Deno.test("fastExp() agrees with Math.exp within 2 ulps over the whole double range", () => {
  const rand = seededRandom(9);
  for (let i = 0; i < 200_000; i++) {
    const x = i % 3 === 0 ? -745 * rand() : i % 3 === 1 ? 709.7 * rand() : (rand() - 0.5) * 1e-6;
    const exact = Math.exp(x);
    if (exact < 2 ** -1022) continue; // subnormal results have fewer bits
    assert.ok(Math.abs(fastExp(x) - exact) <= 2 * 2 ** -52 * exact, `exp(${x})`);
  }
});

Deno.test("fastExp() handles 0, the overflow and underflow edges and NaN", () => {
  assert.equal(fastExp(0), 1);
  assert.equal(fastExp(-0), 1);
  assert.ok(Math.abs(fastExp(1) - Math.E) <= 2 ** -52 * Math.E);
  assert.equal(fastExp(-800), 0);
  assert.equal(fastExp(-Infinity), 0);
  assert.equal(fastExp(710), Infinity);
  assert.equal(fastExp(Infinity), Infinity);
  assert.ok(Number.isNaN(fastExp(NaN)));
  // Subnormal results keep fewer bits, but stay close.
  assert.ok(Math.abs(fastExp(-740) / Math.exp(-740) - 1) < 1e-3);
  assert.ok(Math.abs(fastExp(709.7) / Math.exp(709.7) - 1) < 4e-16);
});
