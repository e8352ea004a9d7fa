// The realism check: the simulator keeps every figure in its band on the default seed and
// two others, and the real bars give the figures worked out from the shared data files.
import { deepEqual, equal, ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { simCheck } from "../../../lib/sources/sim/mod.ts";

const REAL = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
const YEAR = { from: "2024-01-01", to: "2024-12-31" };

Deno.test("simCheck() on seed 42: every figure in band, real bars beside it, one page", async () => {
  const r = await simCheck({ seed: 42, ...YEAR, realData: REAL });
  deepEqual(r.rows.filter((x) => !x.pass).map((x) => x.id), []);
  equal(r.passed, true);
  const real = Object.fromEntries(r.rows.map((x) => [x.id, x.real]));
  // Alpha Vantage VIX daily 2018-01-02..2019-02-15: lowest close 9.15, highest 37.32
  equal(real.vixMin, 9.15);
  equal(real.vixMax, 37.32);
  // LEAN SPY daily 1998–2021: fat tails and overnight gaps two thirds of the day's move
  ok(real.kurtosis > 8 && real.kurtosis < 10, `real kurtosis ${real.kurtosis}`);
  ok(real.gapRatio > 0.6 && real.gapRatio < 0.7, `real gap ratio ${real.gapRatio}`);
  ok(real.leverage > -0.85 && real.leverage < -0.75, `real leverage ${real.leverage}`);
  ok(Number.isNaN(real.rr25Long), "no 25-delta quotes in the real files");
  ok(r.table.split("\n").length === r.rows.length + 1 && r.table.includes("FAIL") === false);
  ok(r.html.startsWith("<!DOCTYPE html>") && r.html.includes("Simulator realism check"));
  for (const col of ["simulated", "real"]) ok(r.html.includes(`<th>${col}</th>`), col);
});

for (const seed of [7, 99]) {
  Deno.test(`simCheck() on seed ${seed}: every figure in band`, async () => {
    const r = await simCheck({ seed, ...YEAR, realData: null });
    deepEqual(r.rows.filter((x) => !x.pass).map((x) => `${x.id} ${x.sim}`), []);
    ok(r.rows.every((x) => Number.isNaN(x.real)));
  });
}
