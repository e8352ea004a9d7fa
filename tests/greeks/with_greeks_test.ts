import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { withGreeks } from "../../lib/greeks/with_greeks.ts";

Deno.test("withGreeks() adds iv, status and trader-unit Greeks evaluated at the iv", () => {
  const g = blackScholes({
    right: new Int8Array([1, -1, 1, 1]),
    spot: 49,
    strike: 50,
    tYears: 0.3846,
    rate: 0.05,
    vol: 0.2,
  });
  const df = pl.DataFrame({
    right: ["call", "put", "call", "call"],
    price: [g.price[0], g.price[1], 0.001, null],
    spot: [49, 49, 49, 49],
    strike: pl.Series("strike", [50, 50, 30, 50], pl.Int64),
    t_years: [0.3846, 0.3846, 0.3846, 0.3846],
  });
  const out = withGreeks(df, { rate: 0.05 });
  assert.deepEqual(out.columns, [
    ...df.columns,
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
  ]);
  assert.deepEqual(out.getColumn("iv_status").toArray(), [
    "ok",
    "ok",
    "below_intrinsic",
    "bad_input",
  ]);
  const col = (name: string) => out.getColumn(name).toArray() as (number | null)[];
  assert.ok(Math.abs(col("iv")[0]! - 0.2) < 1e-13 && Math.abs(col("iv")[1]! - 0.2) < 1e-13);
  const close = (a: number | null, b: number) =>
    assert.ok(a !== null && Math.abs(a - b) < 1e-11, `${a} vs ${b}`);
  close(col("delta")[0], g.delta[0]);
  close(col("gamma")[1], g.gamma[1]);
  close(col("theta_day")[0], g.theta[0] / 365);
  close(col("vega_pct")[0], g.vega[0] / 100);
  close(col("rho_pct")[1], g.rho[1] / 100);
  close(col("vanna")[0], g.vanna[0]);
  close(col("charm")[1], g.charm[1]);
  close(col("vomma")[0], g.vomma[0]);
  // Hull's figures in trader units: theta −0.0118 per calendar day, vega 0.121 per point.
  assert.equal(col("theta_day")[0]!.toFixed(4), "-0.0118");
  assert.equal(col("vega_pct")[0]!.toFixed(3), "0.121");
  for (
    const name of [
      "iv",
      "delta",
      "gamma",
      "theta_day",
      "vega_pct",
      "rho_pct",
      "vanna",
      "charm",
      "vomma",
    ]
  ) {
    assert.equal(col(name)[2], null, name);
    assert.equal(col(name)[3], null, name);
  }
  assert.equal(df.columns.includes("iv"), false); // the input frame is not modified
});

Deno.test("withGreeks() reads other column names, integer rights and rate columns", () => {
  const df = pl.DataFrame({
    cp: pl.Series("cp", [1, -1], pl.Int8),
    mid: [4.759422392871532, 0.8085993729000922],
    s: [42, 42],
    k: [40, 40],
    t: [0.5, 0.5],
    r: [0.1, 0.1],
  });
  const out = withGreeks(df, {
    right: "cp",
    price: "mid",
    spot: "s",
    strike: "k",
    tYears: "t",
    rate: "r",
  });
  for (const v of out.getColumn("iv").toArray() as number[]) assert.ok(Math.abs(v - 0.2) < 1e-12);
});

Deno.test("withGreeks() names a missing column", () => {
  const df = pl.DataFrame({ right: ["call"], price: [1], spot: [100], strike: [100] });
  assert.throws(
    () => withGreeks(df),
    new RangeError(
      'Cannot compute Greeks for a DataFrame: column "t_years" not found (columns: right, price, spot, strike)',
    ),
  );
});
