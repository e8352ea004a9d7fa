// Sweeps and walk-forward of option strategies: the same numbers as single runs.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  bestCombo,
  optionWalkForward,
  runOptionStrategy,
  sweepHeatmap,
  sweepOptionStrategy,
  toOptionChain,
} from "@lib/backtest/mod.ts";
import { pricedChain } from "./_chain.ts";

const dates = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-10"];
const table = pricedChain({ dates, halfWidth: 10, expiries: [0], minutes: 90, seed: 11 });
const base = {
  structure: "iron_condor",
  dte: 0,
  entry: { time: "09:40" },
  exit: { profitTarget: 0.5 },
  feePerContract: 0.65,
} as const;
const grid = { delta: [0.1, 0.2, 0.3], wingWidth: [2, 4], "entry.time": ["09:40", "10:00"] };

Deno.test("sweepOptionStrategy() rows equal single runs; heatmap and bestCombo read them", () => {
  const chain = toOptionChain(table);
  const t = sweepOptionStrategy(chain, { base, grid });
  assert.equal(t.height, 12);
  assert.deepEqual(t.columns.slice(0, 4), ["delta", "wingWidth", "entry.time", "total_return"]);
  for (const row of t.toRecords().slice(0, 12) as Record<string, number>[]) {
    const time = `${Math.floor(row["entry.time"] / 100)}:${
      String(row["entry.time"] % 100).padStart(2, "0")
    }`;
    const one = runOptionStrategy(chain, {
      ...base,
      delta: row.delta,
      wingWidth: row.wingWidth,
      entry: { time },
    }).summary;
    assert.equal(row.total_return, one.total_return);
    assert.equal(row.n_trades, one.n_trades);
  }
  const h = sweepHeatmap(t, { x: "delta", y: "wingWidth", metric: "total_return" });
  assert.deepEqual([h.x, h.y], [[0.1, 0.2, 0.3], [2, 4]]);
  const best = bestCombo(t, { metric: "total_return", params: Object.keys(grid) });
  const max = Math.max(...(t.getColumn("total_return").toArray() as number[]));
  assert.equal(best.value, max);
  assert.throws(
    () => sweepOptionStrategy(chain, { base, grid: { "entry.time": ["9h40"] } }),
    /entry.time must be a New York time HH:MM/,
  );
});

Deno.test("optionWalkForward() picks each fold's combo on its training days only", () => {
  const wf = optionWalkForward(table, {
    base,
    grid,
    trainDays: 3,
    testDays: 1,
    metric: "total_return",
  });
  assert.deepEqual(wf.getColumn("test_from").toArray(), ["2025-03-06", "2025-03-07", "2025-03-10"]);
  assert.deepEqual(wf.getColumn("train_from").toArray(), [
    "2025-03-03",
    "2025-03-04",
    "2025-03-05",
  ]);
  const rows = wf.toRecords() as Record<string, number & string>[];
  rows.forEach((row) => {
    // the same choice as a sweep of a table cut to the training days
    const cut = table.filter(
      pl.col("ts").gtEq(pl.lit(new Date(`${row.train_from}T00:00:00Z`)))
        .and(pl.col("ts").ltEq(pl.lit(new Date(`${row.train_to}T23:59:00Z`)))),
    );
    const t = sweepOptionStrategy(cut, { base, grid });
    const best = bestCombo(t, { metric: "total_return", params: Object.keys(grid) });
    assert.deepEqual([row.delta, row.wingWidth, row["entry.time"]], Object.values(best.params));
    assert.equal(row.train_total_return, best.value);
  });
});
