import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { ivSurface } from "../../lib/greeks/iv_surface.ts";
import { yearsToExpiry } from "../../lib/greeks/years_to_expiry.ts";

const TS = Date.UTC(2025, 2, 7, 15); // 10:00 New York
const SPOT = 100;
const RATE = 0.04;
const EXPIRIES = ["2025-03-21", "2025-06-20"];
const STRIKES = [80, 90, 95, 100, 105, 110, 120];

/** A skewed smile: σ(K, T) = 0.2 − 0.15·ln(K/S) + 0.3·ln(K/S)² + 0.02·T. */
function smile(k: number, t: number): number {
  const m = Math.log(k / SPOT);
  return 0.2 - 0.15 * m + 0.3 * m * m + 0.02 * t;
}

function chain(): pl.DataFrame {
  const rows = {
    right: [] as string[],
    strike: [] as number[],
    expiry: [] as string[],
    price: [] as number[],
  };
  for (const expiry of EXPIRIES) {
    const t = yearsToExpiry(TS, expiry);
    for (const strike of STRIKES) {
      for (const right of ["call", "put"] as const) {
        const g = blackScholes({
          right,
          spot: SPOT,
          strike,
          tYears: t,
          rate: RATE,
          vol: smile(strike, t),
        });
        rows.right.push(right);
        rows.strike.push(strike);
        rows.expiry.push(expiry);
        rows.price.push(g.price[0]);
      }
    }
  }
  return pl.DataFrame(rows);
}

Deno.test("ivSurface() recovers the smile that priced the chain, strike × expiry", () => {
  const table = ivSurface(chain(), { spot: SPOT, tsMs: TS, rate: RATE });
  assert.deepEqual(table.columns, ["strike", ...EXPIRIES]);
  assert.deepEqual(table.getColumn("strike").toArray(), STRIKES);
  for (const expiry of EXPIRIES) {
    const t = yearsToExpiry(TS, expiry);
    const vols = table.getColumn(expiry).toArray() as number[];
    STRIKES.forEach((k, j) => assert.ok(Math.abs(vols[j] - smile(k, t)) < 1e-11, `${expiry} ${k}`));
  }
});

Deno.test("ivSurface() takes out-of-the-money quotes and falls back to the other right", () => {
  // Spoil the in-the-money call at 90 (below intrinsic) and the OTM put at 95 (zero).
  const spoiled = chain().withColumns(
    pl.when(pl.col("right").eq(pl.lit("put")).and(pl.col("strike").eq(95))).then(pl.lit(0))
      .when(pl.col("right").eq(pl.lit("call")).and(pl.col("strike").eq(90))).then(pl.lit(0.5))
      .otherwise(pl.col("price")).alias("price"),
  );
  const t = yearsToExpiry(TS, EXPIRIES[0]);
  const otm = ivSurface(spoiled, { spot: SPOT, tsMs: TS, rate: RATE });
  const v = otm.getColumn(EXPIRIES[0]).toArray() as number[];
  assert.ok(Math.abs(v[2] - smile(95, t)) < 1e-11); // put 95 unusable: the call answers
  assert.ok(Math.abs(v[1] - smile(90, t)) < 1e-11); // put 90 is OTM: the spoiled call is not used
  const calls = ivSurface(spoiled, { spot: SPOT, tsMs: TS, rate: RATE, side: "call" });
  assert.equal(calls.getColumn(EXPIRIES[0]).toArray()[1], null); // call 90 below intrinsic
  const puts = ivSurface(spoiled, { spot: SPOT, tsMs: TS, rate: RATE, side: "put" });
  assert.equal(puts.getColumn(EXPIRIES[0]).toArray()[2], null); // put 95 priced at zero
});

Deno.test("ivSurface() leaves missing contracts null and reads other column names", () => {
  const df = pl.DataFrame({
    cp: [1, -1],
    k: [100, 105],
    exp: ["2025-06-20", "2025-03-21"],
    mid: [5, 5.5],
  });
  const table = ivSurface(df, {
    spot: SPOT,
    tsMs: TS,
    columns: { right: "cp", strike: "k", expiry: "exp", price: "mid" },
  });
  assert.deepEqual(table.columns, ["strike", "2025-03-21", "2025-06-20"]);
  assert.equal(table.getColumn("2025-03-21").toArray()[0], null);
  assert.equal(table.getColumn("2025-06-20").toArray()[1], null);
  assert.ok((table.getColumn("2025-06-20").toArray()[0] as number) > 0);
});

Deno.test("ivSurface() rejects a missing column and a duplicated contract", () => {
  assert.throws(
    () =>
      ivSurface(pl.DataFrame({ right: ["call"], strike: [100], price: [1] }), {
        spot: 100,
        tsMs: TS,
      }),
    new RangeError(
      'Cannot build an IV surface: column "expiry" not found (columns: right, strike, price)',
    ),
  );
  const twice = pl.DataFrame({
    right: ["call", "call"],
    strike: [100, 100],
    expiry: ["2025-06-20", "2025-06-20"],
    price: [5, 5.1],
  });
  assert.throws(
    () => ivSurface(twice, { spot: 100, tsMs: TS }),
    new RangeError("Cannot build an IV surface: call 100 2025-06-20 appears twice"),
  );
});
