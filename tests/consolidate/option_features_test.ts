import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { consolidate } from "../../lib/consolidate/mod.ts";
import { gridOfTrades } from "../../lib/consolidate/_option_features.ts";
import { synthInputs, synthMarket } from "./_synth.ts";

Deno.test("gridOfTrades() lays trades on the minute grid, carrying values forward within a contract-day", () => {
  const g = gridOfTrades(
    new Int32Array([0, 0, 0, 1, 1]),
    new Int32Array([1, 2, 5, 0, 2]),
    [new Float64Array([10, 11, NaN, 20, 21])],
  );
  assert.deepEqual(Array.from(g.minute), [0, 1, 2, 3, 4, 5, 0, 1, 2]);
  assert.deepEqual(Array.from(g.traded), [0, 1, 1, 0, 0, 1, 1, 0, 1]);
  // NaN before the first trade; a NaN at a trade (a failed vol) is carried too.
  assert.deepEqual(Array.from(g.values[0]), [NaN, 10, 11, 11, 11, NaN, 20, 20, 21]);
});

Deno.test("gridOfTrades() rejects rows out of minute order within a contract-day", () => {
  assert.throws(
    () => gridOfTrades(new Int32Array([0, 0]), new Int32Array([3, 3]), []),
    {
      name: "RangeError",
      message: "Cannot lay option trades on the minute grid: row 1 is not after the row before it",
    },
  );
});

/** The value of `name` at the contract's last trade at or before ts − lag, same date. */
function naive(rows: Record<string, unknown>[], name: string, lag: number): (number | null)[] {
  return rows.map((r, i) => {
    const target = (r.ts as Date).getTime() - lag * 60_000;
    for (let j = i; j >= 0; j--) {
      const p = rows[j];
      if (p.ticker !== r.ticker || (p.date as Date).getTime() !== (r.date as Date).getTime()) {
        return null;
      }
      if ((p.ts as Date).getTime() <= target) {
        const x = r[name] as number | null, b = p[name] as number | null;
        if (x === null || b === null || b === 0) return null;
        return (x - b) / b;
      }
    }
    return null;
  });
}

Deno.test("option close and iv changes equal a brute-force look-up of the last trade L minutes back", () => {
  const market = synthInputs(
    synthMarket({ from: "2025-03-05", to: "2025-03-06", contracts: 4, tradeProb: 0.3, seed: 5 }),
  );
  // Every 9th close is 0: no implied vol there, and no change from a zero base.
  const close = (market.options.getColumn("close").toArray() as number[]).map((c, i) =>
    i % 9 === 0 ? 0 : c
  );
  const inputs = {
    ...market,
    options: market.options.withColumns(pl.Series("close", close, pl.Float64)),
  };
  const lags = [1, 3, 15, 60];
  const table = consolidate(inputs, { featureLags: lags });
  const rows = table.select(
    "ticker",
    "date",
    "ts",
    "close",
    "iv",
    ...lags.flatMap((l) => [
      `close_pct_change_${l}`,
      `iv_pct_change_${l}`,
    ]),
  ).toRecords() as Record<string, unknown>[];
  assert.ok(table.getColumn("iv").nullCount() > 0, "some failed vols are in the test");
  for (const lag of lags) {
    for (const name of ["close", "iv"]) {
      const got = rows.map((r) => r[`${name}_pct_change_${lag}`]);
      const want = naive(rows, name, lag);
      assert.deepEqual(got, want, `${name}_pct_change_${lag}`);
      assert.ok(got.some((v) => v !== null));
    }
  }
  assert.equal(table.getColumn("close_pct_change_1").dtype.equals(pl.Float64), true);
});
