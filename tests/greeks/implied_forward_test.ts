import assert from "node:assert/strict";
import { blackScholes, impliedForward } from "../../lib/greeks/mod.ts";

/** A European chain priced by Black–Scholes with a skew, at every $1 strike ±15%. */
function chain(spot: number, tYears: number, rate: number, q: number) {
  const strike: number[] = [];
  for (let k = Math.ceil(spot * 0.85); k <= spot * 1.15; k++) strike.push(k);
  const vol = strike.map((k) => 0.18 - 0.25 * Math.log(k / spot));
  const o = { spot, strike, tYears, rate, dividendYield: q, vol, outputs: ["price"] as const };
  return {
    strike,
    call: Array.from(blackScholes({ ...o, right: "call" }).price),
    put: Array.from(blackScholes({ ...o, right: "put" }).price),
  };
}

Deno.test("impliedForward() recovers the rate and dividend yield of an exact European chain to 1e-9", () => {
  for (const [days, rate, q] of [[1, 0.045, 0.013], [7, 0.053, 0.011], [45, 0.02, 0.018]]) {
    const t = days / 365;
    const f = impliedForward(chain(512.37, t, rate, q));
    assert.equal(f.status, "ok");
    const r = -Math.log(f.discount) / t;
    const qImplied = r - Math.log(f.forward / 512.37) / t;
    assert.ok(Math.abs(r - rate) < 1e-9, `${days}d rate ${r}`);
    assert.ok(Math.abs(qImplied - q) < 1e-9, `${days}d dividend ${qImplied}`);
    assert.ok(f.rmse < 1e-10);
  }
});

Deno.test("impliedForward() on cent-rounded prices recovers the forward to a fraction of a cent", () => {
  const t = 30 / 365, c = chain(500, t, 0.045, 0.013);
  const round = (v: number) => Math.round(v * 100) / 100;
  const f = impliedForward({ strike: c.strike, call: c.call.map(round), put: c.put.map(round) });
  const forward = 500 * Math.exp((0.045 - 0.013) * t);
  assert.equal(f.status, "ok");
  assert.ok(Math.abs(f.forward - forward) < 0.005, `forward ${f.forward} vs ${forward}`);
  assert.ok(Math.abs(f.discount - Math.exp(-0.045 * t)) < 1e-3);
});

Deno.test("impliedForward() rejects a stale print and weights pairs", () => {
  const c = chain(500, 10 / 365, 0.05, 0.01);
  const i = c.strike.indexOf(501);
  const call = c.call.slice();
  call[i] += 0.8; // a stale call print near the money
  const f = impliedForward({ strike: c.strike, call, put: c.put });
  assert.equal(f.status, "ok");
  assert.equal(f.pairs, 11);
  assert.ok(Math.abs(f.forward - 500 * Math.exp(0.04 * 10 / 365)) < 1e-8);
  // A zero weight drops a pair as surely as rejection does.
  const weight = c.strike.map((_, j) => (j === i ? 0 : 1));
  assert.equal(impliedForward({ strike: c.strike, call, put: c.put, weight }).pairs, 12);
});

Deno.test("impliedForward() says why it cannot fit", () => {
  assert.deepEqual(
    impliedForward({ strike: [100, 101], call: [2, 1.5], put: [1.5, 2] }).status,
    "too_few_pairs",
  );
  assert.equal(
    impliedForward({ strike: [100, 100, 100], call: [2, 2, 2], put: [1, 1, 1] }).status,
    "degenerate",
  );
  // C − P rising with K: a negative discount factor.
  assert.equal(
    impliedForward({ strike: [99, 100, 101], call: [1, 2, 3], put: [1, 1, 1] }).status,
    "out_of_range",
  );
  assert.throws(
    () => impliedForward({ strike: [1, 2], call: [1], put: [1, 2] }),
    /Cannot imply a forward: strike, call, put and weight must have the same length, got 2, 1, 2 and 2/,
  );
});
