import assert from "node:assert/strict";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { impliedVol } from "../../lib/greeks/implied_vol.ts";
import { rhoPct } from "../../lib/greeks/rho_pct.ts";
import { thetaDay } from "../../lib/greeks/theta_day.ts";
import { vegaPct } from "../../lib/greeks/vega_pct.ts";
import { column, readGreeksReference, readMpmathReference, seededRandom } from "./_reference.ts";

const GREEK_NAMES = [
  "price",
  "delta",
  "gamma",
  "vega",
  "theta",
  "rho",
  "dividendRho",
  "vanna",
  "charm",
  "vomma",
] as const;

Deno.test("blackScholes() matches QuantLib on all 2,000 reference options within 1e-10", () => {
  const rows = readGreeksReference();
  assert.equal(rows.length, 2000);
  const g = blackScholes({
    right: rows.map((r) => r.type),
    spot: column(rows, "S"),
    strike: column(rows, "K"),
    tYears: column(rows, "T_years"),
    rate: column(rows, "r"),
    dividendYield: column(rows, "q"),
    vol: column(rows, "sigma"),
  });
  const checks: [Float64Array, string, number][] = [
    [g.price, "price", 1e-10],
    [g.delta, "delta", 1e-10],
    [g.gamma, "gamma", 1e-10],
    [g.vega, "vega_per_1vol", 1e-10],
    [g.rho, "rho_per_1", 1e-10],
    [g.dividendRho, "dividend_rho_per_1", 1e-10],
    [g.theta, "theta_per_year", 1e-9],
    [vegaPct(g.vega), "vega_per_1pct", 1e-12],
    [thetaDay(g.theta), "theta_per_day_365", 1e-11],
    [rhoPct(g.rho), "rho_per_1pct", 1e-12],
  ];
  for (const [ours, name, tol] of checks) {
    const ref = column(rows, name);
    let worst = 0;
    for (let i = 0; i < rows.length; i++) {
      worst = Math.max(worst, Math.abs(ours[i] - ref[i]));
    }
    assert.ok(worst <= tol, `${name}: worst |diff| ${worst} > ${tol}`);
  }
});

Deno.test("blackScholes() matches mpmath's high-precision derivatives, second order included", () => {
  const { greeks } = readMpmathReference();
  for (const row of greeks) {
    const g = blackScholes({
      right: new Int8Array([row.right]),
      spot: row.spot,
      strike: row.strike,
      tYears: row.tYears,
      rate: row.rate,
      dividendYield: row.dividendYield,
      vol: row.vol,
    });
    for (const name of GREEK_NAMES) {
      const tol = 1e-12 * Math.max(1, Math.abs(row[name])) +
        (name === "price" ? 1e-13 * row.spot : 0);
      assert.ok(
        Math.abs(g[name][0] - row[name]) <= tol,
        `${name} for ${JSON.stringify(row)}: got ${g[name][0]}`,
      );
    }
  }
});

Deno.test("blackScholes() reproduces Hull's textbook examples", () => {
  // Hull, Options, Futures, and Other Derivatives: S = 42, K = 40, r = 10%, σ = 20%,
  // T = 0.5 gives c = 4.76 and p = 0.81.
  const hull = blackScholes({
    right: new Int8Array([1, -1]),
    spot: 42,
    strike: 40,
    tYears: 0.5,
    rate: 0.1,
    vol: 0.2,
  });
  assert.equal(hull.price[0].toFixed(2), "4.76");
  assert.equal(hull.price[1].toFixed(2), "0.81");
  // The Greek letters chapter: S = 49, K = 50, r = 5%, σ = 20%, T = 20 weeks = 0.3846:
  // delta 0.522, gamma 0.066, theta −4.31 per year (−0.0118 per calendar day),
  // vega 12.1 (0.121 per vol point), rho 8.91 (0.0891 per rate point); price 2.40.
  const g = blackScholes({
    right: "call",
    spot: 49,
    strike: 50,
    tYears: 0.3846,
    rate: 0.05,
    vol: 0.2,
  });
  assert.equal(g.price[0].toFixed(2), "2.40");
  assert.equal(g.delta[0].toFixed(3), "0.522");
  assert.equal(g.gamma[0].toFixed(3), "0.066");
  assert.equal(g.theta[0].toFixed(2), "-4.31");
  assert.equal(thetaDay(g.theta[0]).toFixed(4), "-0.0118");
  assert.equal(g.vega[0].toFixed(1), "12.1");
  assert.equal(vegaPct(g.vega[0]).toFixed(3), "0.121");
  assert.equal(g.rho[0].toFixed(2), "8.91");
  assert.equal(rhoPct(g.rho[0]).toFixed(4), "0.0891");
});

Deno.test("blackScholes() satisfies put-call parity and its Greek counterparts", () => {
  const rand = seededRandom(11);
  const n = 2000;
  const spot = new Float64Array(n), strike = new Float64Array(n), t = new Float64Array(n);
  const r = new Float64Array(n), q = new Float64Array(n), vol = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    spot[i] = 10 + 990 * rand();
    strike[i] = spot[i] * (0.2 + 1.6 * rand());
    t[i] = 10 ** (-5.7 + 6.4 * rand());
    r[i] = 0.1 * rand() - 0.02;
    q[i] = 0.05 * rand();
    vol[i] = 0.01 + 4.99 * rand();
  }
  const inputs = { spot, strike, tYears: t, rate: r, dividendYield: q, vol };
  const c = blackScholes({ right: "call", ...inputs });
  const p = blackScholes({ right: "put", ...inputs });
  for (let i = 0; i < n; i++) {
    const dq = Math.exp(-q[i] * t[i]), dr = Math.exp(-r[i] * t[i]);
    const scale = spot[i] + strike[i];
    const near = (a: number, b: number, what: string) =>
      assert.ok(Math.abs(a - b) <= 1e-13 * scale, `${what} at row ${i}: ${a} vs ${b}`);
    near(c.price[i] - p.price[i], spot[i] * dq - strike[i] * dr, "C − P = S·e^{−qT} − K·e^{−rT}");
    near(c.delta[i] - p.delta[i], dq, "Δc − Δp = e^{−qT}");
    near(c.gamma[i], p.gamma[i], "Γc = Γp");
    near(c.vega[i], p.vega[i], "vega");
    near(c.vanna[i], p.vanna[i], "vanna");
    near(c.vomma[i], p.vomma[i], "vomma");
    near(c.rho[i] - p.rho[i], strike[i] * t[i] * dr, "ρc − ρp = K·T·e^{−rT}");
    near(c.dividendRho[i] - p.dividendRho[i], -spot[i] * t[i] * dq, "dividend rho");
    near(
      c.theta[i] - p.theta[i],
      q[i] * spot[i] * dq - r[i] * strike[i] * dr,
      "θc − θp = q·S·e^{−qT} − r·K·e^{−rT}",
    );
    near(c.charm[i] - p.charm[i], q[i] * dq, "charm");
  }
});

Deno.test("blackScholes() Greeks agree with central finite differences of its own prices", () => {
  const rand = seededRandom(5);
  for (let k = 0; k < 300; k++) {
    const base = {
      right: rand() < 0.5 ? "call" as const : "put" as const,
      spot: 50 + 500 * rand(),
      strike: 0,
      tYears: 10 ** (-2 + 2.5 * rand()),
      rate: 0.06 * rand(),
      dividendYield: 0.03 * rand(),
      vol: 0.05 + 1.5 * rand(),
    };
    base.strike = base.spot * (0.7 + 0.6 * rand());
    const at = (o: Partial<typeof base>) => blackScholes({ ...base, ...o });
    const g = at({});
    // Five-point central differences: truncation error O(h⁴), rounding error about
    // ε·|f|/h, so the tolerance is relative plus that rounding floor.
    const fd = (f: (e: number) => number, h: number) =>
      (8 * (f(h) - f(-h)) - (f(2 * h) - f(-2 * h))) / (12 * h);
    const price = (o: Partial<typeof base>) => at(o).price[0];
    const delta = (o: Partial<typeof base>) => at(o).delta[0];
    const vega = (o: Partial<typeof base>) => at(o).vega[0];
    const { spot: s, vol: v, tYears: t, rate: r, dividendYield: q } = base;
    const hs = 2e-4 * s, hv = 2e-5, ht = 2e-5 * t, hr = 1e-4;
    // [name, analytic, f of the bump, step, |f| scale, sign]
    const checks: [string, number, (e: number) => number, number, number, number][] = [
      ["delta", g.delta[0], (e) => price({ spot: s + e }), hs, s, 1],
      ["gamma", g.gamma[0], (e) => delta({ spot: s + e }), hs, 1, 1],
      ["vega", g.vega[0], (e) => price({ vol: v + e }), hv, s, 1],
      ["theta", g.theta[0], (e) => price({ tYears: t + e }), ht, s, -1],
      ["rho", g.rho[0], (e) => price({ rate: r + e }), hr, s, 1],
      ["dividendRho", g.dividendRho[0], (e) => price({ dividendYield: q + e }), hr, s, 1],
      ["vanna", g.vanna[0], (e) => delta({ vol: v + e }), hv, 1, 1],
      ["charm", g.charm[0], (e) => delta({ tYears: t + e }), ht, 1, -1],
      ["vomma", g.vomma[0], (e) => vega({ vol: v + e }), hv, s * Math.sqrt(t), 1],
    ];
    for (const [name, exact, f, h, scale, sign] of checks) {
      const numeric = sign * fd(f, h);
      const tol = 1e-7 * Math.abs(exact) + 100 * 2 ** -52 * scale / h;
      assert.ok(
        Math.abs(exact - numeric) <= tol,
        `${name}: analytic ${exact} vs finite difference ${numeric} for ${JSON.stringify(base)}`,
      );
    }
  }
});

Deno.test("blackScholes() stays finite at extremes: deep ITM/OTM, one minute, 500% vol, zero rates", () => {
  const minute = 1 / (365 * 24 * 60);
  const strikes = [1, 50, 99.999, 100, 100.001, 200, 1e6];
  for (const right of ["call", "put"] as const) {
    for (const tYears of [minute, 1e-9, 0.5, 30]) {
      for (const vol of [1e-4, 0.2, 5]) {
        const g = blackScholes({ right, spot: 100, strike: strikes, tYears, vol });
        for (const name of GREEK_NAMES) {
          for (let i = 0; i < strikes.length; i++) {
            assert.ok(
              Number.isFinite(g[name][i]),
              `${name} ${right} K=${strikes[i]} T=${tYears} σ=${vol}: ${g[name][i]}`,
            );
          }
        }
        for (let i = 0; i < strikes.length; i++) {
          const intrinsic = Math.max((right === "call" ? 1 : -1) * (100 - strikes[i]), 0);
          assert.ok(
            g.price[i] >= intrinsic - 1e-12 * strikes[i] && g.price[i] <= Math.max(100, strikes[i]),
          );
          assert.ok(g.gamma[i] >= 0 && g.vega[i] >= 0);
        }
      }
    }
  }
  // Far out-of-the-money prices keep their relative accuracy instead of rounding to 0 or
  // going negative (mpmath: 1.3316709837567273e-92). S·Φ(d1) and K·Φ(d2) agree to about
  // σ√T/|d1| ≈ 1e-3 here, so a thousand ulps is the honest bound.
  const tiny = blackScholes({ right: "call", spot: 100, strike: 150, tYears: 0.01, vol: 0.2 });
  assert.ok(
    Math.abs(tiny.price[0] / 1.3316709837567273e-92 - 1) < 1e3 * 2 ** -52,
    `${tiny.price[0]}`,
  );
});

Deno.test("blackScholes() gives NaN in every column for invalid rows and keeps valid ones", () => {
  const g = blackScholes({
    right: new Int8Array([1, 0, 1, 1, 1, -1, 1, 1]),
    spot: [100, 100, -1, 100, 100, 100, 100, NaN],
    strike: [100, 100, 100, 0, 100, 100, 100, 100],
    tYears: [1, 1, 1, 1, 0, 1, 1, 1],
    vol: [0.2, 0.2, 0.2, 0.2, 0.2, 0, 0.2, 0.2],
    rate: [0, 0, 0, 0, 0, 0, Infinity, 0],
  });
  assert.ok(Math.abs(g.price[0] - 7.965567455405804) < 1e-12);
  for (let i = 1; i < 8; i++) {
    for (const name of GREEK_NAMES) assert.ok(Number.isNaN(g[name][i]), `${name}[${i}]`);
  }
});

Deno.test("blackScholes() broadcasts scalars and checks column lengths", () => {
  const one = blackScholes({ right: "put", spot: 100, strike: 100, tYears: 1, vol: 0.2 });
  assert.equal(one.price.length, 1);
  const three = blackScholes({
    right: ["call", "put", "call"],
    spot: 100,
    strike: [90, 100, 110],
    tYears: 1,
    vol: 0.2,
  });
  assert.equal(three.price.length, 3);
  assert.equal(three.price[1], one.price[0]);
  assert.throws(
    () => blackScholes({ right: "call", spot: [1, 2], strike: [1, 2, 3], tYears: 1, vol: 0.2 }),
    new RangeError("Cannot compute Black-Scholes: strike has 3 rows but spot has 2"),
  );
  assert.throws(
    // @ts-expect-error: testing a bad right at runtime
    () => blackScholes({ right: "straddle", spot: 1, strike: 1, tYears: 1, vol: 0.2 }),
    new RangeError('Cannot compute Black-Scholes: right must be "call" or "put", got "straddle"'),
  );
  assert.throws(
    // @ts-expect-error: testing a bad column at runtime
    () => blackScholes({ right: "call", spot: "100", strike: 1, tYears: 1, vol: 0.2 }),
    new TypeError("Cannot compute Black-Scholes: spot must be a number or an array, got string"),
  );
});

Deno.test("blackScholes() writes into given out columns and checks their length", () => {
  const out = blackScholes({ right: "call", spot: [1, 2, 3], strike: 2, tYears: 1, vol: 0.3 });
  const again = blackScholes({
    right: "put",
    spot: [1, 2, 3],
    strike: 2,
    tYears: 1,
    vol: 0.3,
    out,
  });
  assert.equal(again, out);
  assert.equal(
    out.price[1],
    blackScholes({ right: "put", spot: 2, strike: 2, tYears: 1, vol: 0.3 }).price[0],
  );
  assert.throws(
    () => blackScholes({ right: "put", spot: [1, 2, 3, 4], strike: 2, tYears: 1, vol: 0.3, out }),
    new RangeError(
      "Cannot compute Black-Scholes: out.price must be a Float64Array of at least 4 rows",
    ),
  );
});

Deno.test("blackScholes() and impliedVol() accept empty columns", () => {
  const empty = new Float64Array(0);
  const g = blackScholes({
    right: new Int8Array(0),
    spot: empty,
    strike: 100,
    tYears: 1,
    vol: 0.2,
  });
  assert.equal(g.price.length, 0);
  const iv = impliedVol({ right: "call", price: empty, spot: 100, strike: 100, tYears: 1 });
  assert.equal(iv.vol.length, 0);
  assert.equal(iv.status.length, 0);
});
