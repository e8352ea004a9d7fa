import assert from "node:assert/strict";
import {
  americanGreeks,
  americanImpliedVol,
  americanPrice,
  binomialAmerican,
  blackScholes,
  ivStatusNames,
} from "../../lib/greeks/mod.ts";

/** Haug, "Option Pricing Formulas" (1998) p. 24, the Barone-Adesi–Whaley table (as
 * QuantLib's americanoption test carries it): K = 100, q = r = 10%; [right, S, T, σ, value].
 * Haug's VB code reproduces them only to about 3e-3, QuantLib's tolerance. */
const HAUG_BAW: [1 | -1, number, number, number, number][] = [
  [1, 90, 0.1, 0.15, 0.0206],
  [1, 100, 0.1, 0.15, 1.8771],
  [1, 110, 0.1, 0.15, 10.0089],
  [1, 90, 0.1, 0.25, 0.3159],
  [1, 100, 0.1, 0.25, 3.1280],
  [1, 110, 0.1, 0.25, 10.3919],
  [1, 90, 0.1, 0.35, 0.9495],
  [1, 100, 0.1, 0.35, 4.3777],
  [1, 110, 0.1, 0.35, 11.1679],
  [1, 90, 0.5, 0.15, 0.8208],
  [1, 100, 0.5, 0.15, 4.0842],
  [1, 110, 0.5, 0.15, 10.8087],
  [1, 90, 0.5, 0.25, 2.7437],
  [1, 100, 0.5, 0.25, 6.8015],
  [1, 110, 0.5, 0.25, 13.0170],
  [1, 90, 0.5, 0.35, 5.0063],
  [1, 100, 0.5, 0.35, 9.5106],
  [1, 110, 0.5, 0.35, 15.5689],
  [-1, 90, 0.1, 0.15, 10.0000],
  [-1, 100, 0.1, 0.15, 1.8770],
  [-1, 110, 0.1, 0.15, 0.0410],
  [-1, 90, 0.1, 0.25, 10.2533],
  [-1, 100, 0.1, 0.25, 3.1277],
  [-1, 110, 0.1, 0.25, 0.4562],
  [-1, 90, 0.1, 0.35, 10.8787],
  [-1, 100, 0.1, 0.35, 4.3777],
  [-1, 110, 0.1, 0.35, 1.2402],
  [-1, 90, 0.5, 0.15, 10.5595],
  [-1, 100, 0.5, 0.15, 4.0842],
  [-1, 110, 0.5, 0.15, 1.0822],
  [-1, 90, 0.5, 0.25, 12.4419],
  [-1, 100, 0.5, 0.25, 6.8014],
  [-1, 110, 0.5, 0.25, 3.3226],
  [-1, 90, 0.5, 0.35, 14.6945],
  [-1, 100, 0.5, 0.35, 9.5104],
  [-1, 110, 0.5, 0.35, 5.8823],
];

Deno.test("americanPrice() matches Haug's Barone-Adesi–Whaley table to 3e-3", () => {
  const p = americanPrice({
    right: Int8Array.from(HAUG_BAW.map((r) => r[0])),
    spot: HAUG_BAW.map((r) => r[1]),
    strike: 100,
    tYears: HAUG_BAW.map((r) => r[2]),
    rate: 0.1,
    dividendYield: 0.1,
    vol: HAUG_BAW.map((r) => r[3]),
  });
  HAUG_BAW.forEach((r, i) => assert.ok(Math.abs(p[i] - r[4]) < 3e-3, `${r}: ${p[i]}`));
  // Haug's last row: r = q = 0, where the American put is the European one exactly.
  const flat = americanPrice({ right: "put", spot: 100, strike: 100, tYears: 0.5, vol: 0.15 });
  const euro = blackScholes({ right: "put", spot: 100, strike: 100, tYears: 0.5, vol: 0.15 });
  assert.equal(flat[0], euro.price[0]);
  assert.ok(Math.abs(flat[0] - 4.2294) < 1e-4);
});

Deno.test("americanPrice() stays within 0.5% of the strike of a 5,000-step tree on SPY-like options", () => {
  let worst = 0;
  for (const right of ["call", "put"] as const) {
    for (const strike of [450, 480, 500, 520, 550]) {
      for (const days of [1, 7, 30, 90]) {
        const o = {
          right,
          spot: 500,
          strike,
          tYears: days / 365,
          rate: 0.05,
          dividendYield: 0.013,
        };
        const tree = binomialAmerican({ ...o, vol: 0.2, steps: 5000 });
        const baw = americanPrice({ ...o, vol: 0.2 })[0];
        const euro = blackScholes({ ...o, vol: 0.2, outputs: ["price"] }).price[0];
        assert.ok(baw >= euro - 1e-12, `American ≥ European: ${right} ${strike} ${days}d`);
        worst = Math.max(worst, Math.abs(baw - tree) / strike);
      }
    }
  }
  assert.ok(worst < 5e-4, `worst |BAW − tree| / K = ${worst}`);
});

Deno.test("binomialAmerican() converges to Black–Scholes with European exercise", () => {
  const o = { right: "call", spot: 42, strike: 40, tYears: 0.5, rate: 0.1, vol: 0.2 } as const;
  assert.ok(Math.abs(binomialAmerican({ ...o, european: true }) - 4.759422392871532) < 5e-4);
  // With no dividend an American call is never exercised early: equal to the European.
  assert.ok(Math.abs(binomialAmerican(o) - binomialAmerican({ ...o, european: true })) < 1e-12);
  assert.throws(
    () => binomialAmerican({ ...o, steps: 0 }),
    /Cannot price on a tree: steps must be a whole number >= 1, got 0/,
  );
});

Deno.test("americanPrice() is the intrinsic value below a put's exercise boundary and NaN for bad rows", () => {
  const p = americanPrice({
    right: ["put", "put", "call"],
    spot: [60, 100, -1],
    strike: 100,
    tYears: 0.5,
    rate: 0.05,
    vol: 0.2,
  });
  assert.equal(p[0], 40);
  assert.ok(p[1] > 40 / 10 && p[1] < 100);
  assert.ok(Number.isNaN(p[2]));
});

Deno.test("americanGreeks() match finite differences of a tree and Black–Scholes where exercise is never early", () => {
  // No dividend: the American call is the European one, so Greeks must equal BSM's.
  const o = { right: "call", spot: 100, strike: 105, tYears: 0.25, rate: 0.05, vol: 0.25 } as const;
  const a = americanGreeks(o), e = blackScholes(o);
  assert.ok(Math.abs(a.price[0] - e.price[0]) < 1e-14);
  assert.ok(Math.abs(a.delta[0] - e.delta[0]) < 1e-6);
  assert.ok(Math.abs(a.gamma[0] - e.gamma[0]) < 1e-5);
  assert.ok(Math.abs(a.vega[0] - e.vega[0]) < 1e-6);
  assert.ok(Math.abs(a.rho[0] - e.rho[0]) < 1e-5);
  assert.ok(Math.abs(a.theta[0] - e.theta[0]) < 1e-2 * Math.abs(e.theta[0]));
  // An American put's delta is steeper than the European's, and −1 in the exercise region.
  const put = {
    right: "put",
    spot: 100,
    strike: 105,
    tYears: 0.25,
    rate: 0.05,
    vol: 0.25,
  } as const;
  assert.ok(americanGreeks(put).delta[0] < blackScholes(put).delta[0]);
  const tree = (s: number) => binomialAmerican({ ...put, spot: s, steps: 4000 });
  const treeDelta = (tree(100.5) - tree(99.5)) / 1;
  // BAW's delta here is -0.6105 against the tree's -0.6153: the approximation's own error.
  assert.ok(Math.abs(americanGreeks(put).delta[0] - treeDelta) < 1e-2);
});

Deno.test("americanImpliedVol() inverts americanPrice() across a SPY-like chain", () => {
  const strike: number[] = [], tYears: number[] = [], vol: number[] = [], right: number[] = [];
  for (const days of [1, 5, 21, 63]) {
    for (let k = 440; k <= 560; k += 10) {
      for (const r of [1, -1]) {
        strike.push(k), tYears.push(days / 365), right.push(r);
        vol.push(0.14 + 0.0008 * (500 - k) + 0.01 * r);
      }
    }
  }
  const o = {
    right: Int8Array.from(right),
    spot: 500,
    strike,
    tYears,
    rate: 0.05,
    dividendYield: 0.013,
  };
  const price = americanPrice({ ...o, vol });
  const vega = americanGreeks({ ...o, vol }).vega;
  const iv = americanImpliedVol({ ...o, price });
  let checked = 0;
  for (let i = 0; i < strike.length; i++) {
    const name = ivStatusNames([iv.status[i]])[0];
    if (vega[i] > 1e-2) {
      // Wherever the price says something about the vol, the vol comes back.
      assert.equal(name, "ok", `row ${i}`);
      assert.ok(Math.abs(iv.vol[i] - vol[i]) < 1e-8, `row ${i}: ${iv.vol[i]} vs ${vol[i]}`);
      checked++;
    } else {
      // No time value left to speak of (deep in the money, or in the exercise region).
      assert.ok(name === "ok" || name === "below_intrinsic", `row ${i}: ${name}`);
    }
  }
  assert.ok(checked >= 60, `${checked} rows checked`);
});

Deno.test("americanImpliedVol() gives statuses for prices no vol explains", () => {
  const iv = americanImpliedVol({
    right: "put",
    price: [4.99, 105, 6, 6],
    spot: 95,
    strike: 100,
    tYears: [0.25, 0.25, 0, 0.25],
    rate: 0.05,
  });
  assert.deepEqual(ivStatusNames(iv.status), ["below_intrinsic", "above_max", "zero_time", "ok"]);
  assert.ok(Number.isNaN(iv.vol[0]) && iv.vol[3] > 0);
});
