import assert from "node:assert/strict";
import { consolidate } from "../../lib/consolidate/mod.ts";
import { blackScholesScalar } from "../../lib/greeks/black_scholes_scalar.ts";
import { impliedVolScalar } from "../../lib/greeks/implied_vol_scalar.ts";
import { yearsToExpiry } from "../../lib/greeks/years_to_expiry.ts";
import { synthInputs, synthMarket } from "./_synth.ts";

const RATE = 0.04, Q = 0.015;

Deno.test("implied vol and every Greek equal lib/greeks applied row by row", () => {
  const inputs = synthInputs(
    synthMarket({ from: "2025-03-05", to: "2025-03-05", contracts: 6, tradeProb: 0.3, seed: 3 }),
  );
  const table = consolidate(inputs, { rate: RATE, dividendYield: Q });
  const rows = table.select(
    "ts",
    "right",
    "close",
    "spot",
    "strike",
    "expiry",
    "t_years",
    "iv",
    "iv_status",
    "delta",
    "gamma",
    "theta_day",
    "vega_pct",
    "rho_pct",
    "vanna",
    "charm",
    "vomma",
  ).toRecords() as Record<string, unknown>[]; // deno-fmt-ignore
  assert.ok(rows.length > 300);
  let ok = 0;
  for (const r of rows) {
    const tsMs = (r.ts as Date).getTime();
    const expiry = (r.expiry as Date).toISOString().slice(0, 10);
    const tYears = yearsToExpiry(tsMs + 60_000, expiry);
    assert.equal(r.t_years, tYears);
    const base = {
      right: r.right as "call" | "put",
      spot: r.spot as number,
      strike: r.strike as number,
      tYears,
      rate: RATE,
      dividendYield: Q,
    };
    const iv = impliedVolScalar({ ...base, price: r.close as number });
    assert.equal(r.iv_status, iv.status);
    if (iv.status !== "ok") {
      for (const k of ["iv", "delta", "gamma", "theta_day", "vega_pct", "vanna"]) {
        assert.equal(r[k], null, k);
      }
      continue;
    }
    ok++;
    const g = blackScholesScalar({ ...base, vol: iv.vol });
    assert.equal(r.iv, iv.vol);
    assert.deepEqual(
      [r.delta, r.gamma, r.theta_day, r.vega_pct, r.rho_pct, r.vanna, r.charm, r.vomma],
      [g.delta, g.gamma, g.theta / 365, g.vega / 100, g.rho / 100, g.vanna, g.charm, g.vomma],
    );
  }
  assert.ok(ok > rows.length * 0.9, `${ok} of ${rows.length} rows priced`);
});
