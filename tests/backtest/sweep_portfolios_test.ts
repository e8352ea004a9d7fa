// A sweep of a per-symbol strategy ranks by every portfolio, not the first one only.
import assert from "node:assert/strict";
import { type Market, runBacktest, sweep } from "@lib/backtest/mod.ts";

function twoSymbols(n: number): Market {
  const close = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    close[i] = 100 + 10 * Math.sin(i / 7); // A oscillates
    close[n + i] = 100 + i * 0.1 + 3 * Math.sin(i / 3); // B trends
  }
  return {
    nBars: n,
    nAssets: 2,
    symbols: ["A", "B"],
    tsMs: Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 2) + i * 86_400_000),
    open: close,
    high: close,
    low: close,
    close,
    extra: {},
  };
}

Deno.test("sweep() metrics are the mean over the portfolios of a multi-symbol run", async () => {
  const m = twoSymbols(300);
  const t = await sweep(m, {
    strategy: "sma_cross",
    grid: { fast: [3, 5], slow: [20] },
    workers: 0,
  });
  for (const fast of [3, 5]) {
    const r = runBacktest(m, { strategy: "sma_cross", params: { fast, slow: 20 } });
    const per = r.metrics.getColumn("total_return").toArray() as number[];
    assert.equal(per.length, 2);
    assert.notEqual(per[0], per[1]);
    const row = t.filter(t.getColumn("fast").eq(fast)).getColumn("total_return").get(0) as number;
    assert.ok(Math.abs(row - (per[0] + per[1]) / 2) < 1e-12, `${row} vs ${per}`);
  }
});
