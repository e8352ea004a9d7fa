import assert from "node:assert/strict";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { blackScholesScalar } from "../../lib/greeks/black_scholes_scalar.ts";
import { impliedVolScalar } from "../../lib/greeks/implied_vol_scalar.ts";
import { IV_STATUS, ivStatusNames } from "../../lib/greeks/iv_status.ts";
import { rhoPct } from "../../lib/greeks/rho_pct.ts";
import { thetaDay } from "../../lib/greeks/theta_day.ts";
import { vegaPct } from "../../lib/greeks/vega_pct.ts";

Deno.test("blackScholesScalar() equals the vectorised blackScholes() on one row", () => {
  const inputs = { spot: 100, strike: 90, tYears: 0.25, rate: 0.03, dividendYield: 0.01, vol: 0.3 };
  const one = blackScholesScalar({ right: "put", ...inputs });
  const many = blackScholes({ right: "put", ...inputs });
  for (const [name, value] of Object.entries(one)) {
    assert.equal(value, many[name as keyof typeof many][0], name);
  }
});

Deno.test("blackScholesScalar() throws for inputs outside its domain", () => {
  const ok = { right: "call" as const, spot: 100, strike: 100, tYears: 1, vol: 0.2 };
  assert.throws(
    () => blackScholesScalar({ ...ok, vol: 0 }),
    new RangeError("Cannot compute Black-Scholes: vol must be finite and > 0, got 0"),
  );
  assert.throws(
    () => blackScholesScalar({ ...ok, tYears: -1 }),
    new RangeError("Cannot compute Black-Scholes: tYears must be finite and > 0, got -1"),
  );
  assert.throws(
    () => blackScholesScalar({ ...ok, rate: NaN }),
    new RangeError(
      "Cannot compute Black-Scholes: rate and dividendYield must be finite, got NaN and 0",
    ),
  );
  assert.throws(
    // @ts-expect-error: testing a bad right at runtime
    () => blackScholesScalar({ ...ok, right: "c" }),
    new RangeError('Cannot compute Black-Scholes: right must be "call" or "put", got c'),
  );
});

Deno.test("impliedVolScalar() returns the vol with a status name", () => {
  const price =
    blackScholesScalar({ right: "call", spot: 100, strike: 120, tYears: 0.1, vol: 0.35 }).price;
  const iv = impliedVolScalar({ right: "call", price, spot: 100, strike: 120, tYears: 0.1 });
  assert.equal(iv.status, "ok");
  assert.ok(Math.abs(iv.vol - 0.35) < 1e-14);
  assert.deepEqual(
    impliedVolScalar({ right: "call", price: 101, spot: 100, strike: 120, tYears: 0.1 }),
    {
      vol: NaN,
      status: "above_max",
    },
  );
});

Deno.test("trader units: theta per calendar day, vega and rho per point", () => {
  assert.equal(thetaDay(-36.5), -0.1);
  assert.equal(vegaPct(25), 0.25);
  assert.equal(rhoPct(-3), -0.03);
  assert.deepEqual(thetaDay(new Float64Array([730])), new Float64Array([2]));
  assert.deepEqual(vegaPct(new Float64Array([1, 2])), new Float64Array([0.01, 0.02]));
  assert.deepEqual(rhoPct(new Float64Array([100])), new Float64Array([1]));
});

Deno.test("ivStatusNames() names every code and rejects unknown ones", () => {
  assert.deepEqual(ivStatusNames([0, 1, 2, 3, 4]), [...IV_STATUS]);
  assert.throws(
    () => ivStatusNames(new Uint8Array([0, 7])),
    new RangeError("Cannot name implied-volatility status: code must be 0 to 4, got 7 at row 1"),
  );
});
