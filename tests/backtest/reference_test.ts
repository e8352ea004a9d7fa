import assert from "node:assert/strict";
import { metricsFromStats, simulate, smaCross, sweep } from "../../lib/backtest/mod.ts";
import { referenceMarket, referenceRows, rel } from "./_reference.ts";

const m = referenceMarket();
const rows = referenceRows();
const VBT_MINUTE_YEAR = 365 * 1440; // vectorbt's sharpe_ratio_365d annualisation

Deno.test("simulate() matches vectorbt on all 100 SMA-crossover combos to 1e-9", () => {
  assert.equal(rows.length, 100);
  const entries = new Int8Array(m.nBars), exits = new Int8Array(m.nBars);
  const cache = new Map<string, Float64Array>();
  const ind = (k: string) => cache.get(k) ?? cache.set(k, smaCross.indicator(k, m)).get(k)!;
  for (const r of rows) {
    smaCross.plan(m, { fast: r.fast, slow: r.slow }, ind, {
      longEntries: entries,
      longExits: exits,
      orders: new Float64Array(0),
    });
    const res = simulate(
      { nBars: m.nBars, close: m.close, longEntries: entries, longExits: exits },
      {
        fees: 0.0005,
        execution: "close",
      },
    );
    const got = metricsFromStats(res.stats, 0, { barsPerYear: VBT_MINUTE_YEAR });
    const at = `fast ${r.fast} slow ${r.slow}`;
    assert.equal(got.nTrades, r.nTrades, at);
    assert.ok(
      rel(got.finalValue, r.finalValue) <= 1e-9,
      `${at}: final value ${got.finalValue} vs ${r.finalValue}`,
    );
    if (r.totalReturn === 0) assert.equal(got.totalReturn, 0, at);
    else assert.ok(rel(got.totalReturn, r.totalReturn) <= 1e-9, `${at}: total return`);
    if (r.maxDrawdown === 0) assert.equal(got.maxDrawdown, 0, at);
    else assert.ok(rel(got.maxDrawdown, r.maxDrawdown) <= 1e-9, `${at}: max drawdown`);
    // vectorbt reports inf for the flat fast == slow combo; we report NaN (no variance).
    if (Number.isFinite(r.sharpe)) assert.ok(rel(got.sharpe, r.sharpe) <= 1e-9, `${at}: sharpe`);
    else assert.ok(Number.isNaN(got.sharpe), at);
  }
});

Deno.test("sweep() reproduces the vectorbt rows of its grid with 2 workers", async () => {
  const table = await sweep(m, {
    strategy: "sma_cross",
    grid: { fast: [2, 3], slow: [10, 110] },
    fees: 0.0005,
    execution: "close",
    workers: 2,
    barsPerYear: VBT_MINUTE_YEAR,
  });
  assert.equal(table.height, 4);
  for (let k = 0; k < 4; k++) {
    const row = table.row(k) as unknown as number[];
    const [fast, slow] = row;
    const ref = rows.find((r) => r.fast === fast && r.slow === slow)!;
    const get = (name: string) => table.getColumn(name).get(k) as number;
    assert.equal(get("n_trades"), ref.nTrades);
    assert.ok(rel(get("final_value"), ref.finalValue) <= 1e-9);
    assert.ok(rel(get("max_drawdown"), ref.maxDrawdown) <= 1e-9);
    assert.ok(rel(get("sharpe"), ref.sharpe) <= 1e-9);
  }
});
