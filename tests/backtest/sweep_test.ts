import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  bestCombo,
  cartesian,
  type Market,
  parseAxis,
  randomCombos,
  sweep,
  sweepHeatmap,
} from "../../lib/backtest/mod.ts";

function walk(n: number, seed: number): Market {
  let s = seed >>> 0, p = 100;
  const c = new Float64Array(n),
    o = new Float64Array(n),
    h = new Float64Array(n),
    l = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    o[i] = p;
    p *= 1 + (s / 4294967296 - 0.5) * 0.02;
    c[i] = p;
    h[i] = Math.max(o[i], c[i]) * 1.002;
    l[i] = Math.min(o[i], c[i]) * 0.998;
  }
  const tsMs = Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 2) + i * 60_000);
  return {
    nBars: n,
    nAssets: 1,
    symbols: ["W"],
    tsMs,
    open: o,
    high: h,
    low: l,
    close: c,
    extra: {},
  };
}

const m = walk(5_000, 3);

Deno.test("sweep() results do not depend on the number of workers", async () => {
  const opts = {
    strategy: "sma_cross",
    grid: { fast: "2:20:3", slow: "10:60:10" },
    fees: 0.001,
    slippageBps: 2,
    stopLoss: 0.01,
  } as const;
  const inThread = await sweep(m, { ...opts, workers: 0 });
  const one = await sweep(m, { ...opts, workers: 1 });
  const two = await sweep(m, { ...opts, workers: 2 });
  // 7 × 6 combos less the 5 that break sma_cross's rule fast < slow (11, 14, 17, 20 against
  // slow 10; 20 against 20)
  assert.equal(inThread.height, 7 * 6 - 5);
  assert.ok(inThread.toRecords().every((r) => (r.fast as number) < (r.slow as number)));
  assert.deepEqual(one.toRecords(), inThread.toRecords());
  assert.deepEqual(two.toRecords(), inThread.toRecords());
});

Deno.test("sweep() leaves out combos that break the strategy's rule and checks ranges", async () => {
  const t = await sweep(m, {
    strategy: "rsi_reversion",
    grid: { lower: [20, 30, 40], upper: [30, 70] },
    workers: 0,
  });
  assert.deepEqual(t.select("lower", "upper").toRecords(), [
    { lower: 20, upper: 30 },
    { lower: 20, upper: 70 },
    { lower: 30, upper: 70 },
    { lower: 40, upper: 70 },
  ]);
  await assert.rejects(
    () => sweep(m, { strategy: "sma_cross", grid: { fast: [0, 5] }, workers: 0 }),
    new RangeError("Cannot sweep sma_cross: fast must be an integer in [1, 100000], got 0"),
  );
});

Deno.test("parseAxis(), cartesian() and randomCombos() build grids as specified", () => {
  assert.deepEqual(parseAxis("fast", "5:20:5"), [5, 10, 15, 20]);
  assert.deepEqual(parseAxis("k", "0.5:1.5:0.5"), [0.5, 1, 1.5]);
  assert.deepEqual(parseAxis("fast", "3, 7"), [3, 7]);
  assert.throws(
    () => parseAxis("fast", "5:1:1"),
    new RangeError('Cannot parse grid "fast": need step > 0 and to >= from, got "5:1:1"'),
  );
  const c = cartesian({ a: [1, 2], b: [10, 20, 30] });
  assert.deepEqual([...c.values], [1, 10, 1, 20, 1, 30, 2, 10, 2, 20, 2, 30]);
  const r1 = randomCombos({ a: "1:10:1", b: "1:10:1" }, { n: 7, seed: 42 });
  const r2 = randomCombos({ a: "1:10:1", b: "1:10:1" }, { n: 7, seed: 42 });
  assert.deepEqual(r1, r2);
  const keys = new Set(
    Array.from({ length: 7 }, (_, k) => `${r1.values[2 * k]},${r1.values[2 * k + 1]}`),
  );
  assert.equal(keys.size, 7);
});

Deno.test("sweepHeatmap() and bestCombo() read a sweep table", () => {
  const t = pl.DataFrame({
    fast: [1, 1, 2, 2, 3, 3],
    slow: [10, 20, 10, 20, 10, 20],
    sharpe: [0.5, 1.0, 0.8, 2.0, 0.2, 1.2],
  });
  assert.deepEqual(sweepHeatmap(t, { x: "fast", y: "slow", metric: "sharpe" }), {
    x: [1, 2, 3],
    y: [10, 20],
    z: [[0.5, 0.8, 0.2], [1.0, 2.0, 1.2]],
  });
  const best = bestCombo(t, { metric: "sharpe", params: ["fast", "slow"] });
  assert.deepEqual(best.params, { fast: 2, slow: 20 });
  assert.equal(best.neighbours, 5);
  assert.ok(Math.abs(best.neighbourMean - (0.5 + 1.0 + 0.8 + 0.2 + 1.2) / 5) < 1e-12);
  assert.ok(Math.abs(best.stability - 0.74 / 2) < 1e-12);
  assert.equal(best.neighbourMin, 0.2);
});
