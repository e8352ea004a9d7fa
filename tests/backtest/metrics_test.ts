import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  barsPerYear,
  metricsFromStats,
  runBacktest,
  simulate,
  toMarket,
} from "../../lib/backtest/mod.ts";

const close = Float64Array.from([10, 11, 9.9, 12]);
const near = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

Deno.test("metricsFromStats() computes return, risk and drawdown metrics by hand", () => {
  const r = simulate({ nBars: 4, close, longEntries: Int8Array.from([1, 0, 0, 0]) }, {
    initCash: 1000,
    execution: "close",
  });
  const m = metricsFromStats(r.stats, 0, { barsPerYear: 252 });
  // value 1000, 1100, 990, 1200; returns 0, 0.1, −0.1, 0.2121…
  near(m.totalReturn, 0.2);
  near(m.finalValue, 1200);
  near(m.sharpe, 6.2894067782051195);
  near(m.annVolatility, 2.1247848700048797);
  near(m.sortino, 16.83659925222923);
  near(m.cagr, 97367.50480227197);
  near(m.maxDrawdown, -0.1);
  assert.equal(m.maxDrawdownBars, 2); // peak on bar 1, recovered on bar 3
  near(m.calmar, 97367.50480227197 / 0.1);
  assert.equal(m.nTrades, 1); // still open
  assert.equal(m.nClosedTrades, 0);
  assert.ok(Number.isNaN(m.winRate));
  assert.equal(m.exposure, 1);
});

Deno.test("metricsFromStats() reports trade statistics of closed trades", () => {
  const c = Float64Array.from([10, 12, 12, 10, 9, 9]);
  const r = simulate({
    nBars: 6,
    close: c,
    longEntries: Int8Array.from([1, 0, 0, 1, 0, 0]),
    longExits: Int8Array.from([0, 1, 0, 0, 1, 0]),
  }, { initCash: 1000, execution: "close" });
  const m = metricsFromStats(r.stats);
  // +20% (pnl 200), then 1200 at 10 → 9: −10% (pnl −120)
  assert.equal(m.nTrades, 2);
  near(m.winRate, 0.5);
  near(m.profitFactor, 200 / 120);
  near(m.expectancy, 40);
  near(m.avgTradeReturn, 0.05);
  near(m.bestTradeReturn, 0.2);
  near(m.worstTradeReturn, -0.1);
  near(m.exposure, 2 / 6); // held at the close of bars 0 and 3 only (exits at the close are flat)
});

Deno.test("barsPerYear() follows the trading calendar convention", () => {
  const minutes = [0, 1, 2, 3].map((k) => Date.UTC(2024, 0, 2, 14, 30 + k));
  assert.equal(barsPerYear(minutes), 252 * 390);
  assert.equal(barsPerYear(minutes.map((t, k) => t + k * 4 * 60_000)), 252 * 78);
  const days = [2, 3, 4, 5, 8, 9].map((d) => Date.UTC(2024, 0, d));
  assert.equal(barsPerYear(days), 252);
  assert.equal(barsPerYear([0, 7, 14, 21].map((d) => d * 86_400_000)), 52);
  assert.throws(
    () => barsPerYear([0]),
    new RangeError("Cannot infer bars per year: need >= 2 timestamps, got 1"),
  );
});

Deno.test("toMarket() pivots long frames and rejects bad ones", () => {
  const ts = [1, 2, 3].map((d) => Date.UTC(2024, 0, d));
  const frame = pl.DataFrame({
    ts: [ts[0], ts[1], ts[0], ts[2]],
    symbol: ["B", "B", "A", "A"],
    close: [1, 2, 3, 4],
  });
  const m = toMarket(frame);
  assert.deepEqual(m.symbols, ["A", "B"]);
  assert.deepEqual([...m.tsMs], ts);
  assert.deepEqual([...m.close], [3, NaN, 4, 1, 2, NaN]);
  assert.throws(
    () => toMarket(frame.head(0)),
    new RangeError("Cannot read the price frame: the frame has no rows"),
  );
  assert.throws(
    () => toMarket(pl.DataFrame({ ts: [2, 1], close: [1, 1] })),
    new RangeError(
      "Cannot read the price frame: ts must ascend strictly, row 1 is not after row 0",
    ),
  );
  assert.throws(
    () => toMarket(pl.DataFrame({ ts: [1] })),
    new RangeError('Cannot read the price frame: missing column "close"'),
  );
});

Deno.test("runBacktest() returns orders, trades and equity frames that agree", () => {
  const c = [10, 9, 8, 9, 10, 11, 12, 11, 10, 9, 10, 11];
  const frame = pl.DataFrame({
    ts: c.map((_, i) => Date.UTC(2024, 0, 2 + i)),
    open: c.map((x) => x - 0.1),
    close: c,
  });
  const r = runBacktest(frame, {
    strategy: "sma_cross",
    params: { fast: 2, slow: 3 },
    fees: 0.001,
    initCash: 10_000,
  });
  assert.equal(r.barsPerYear, 252);
  assert.equal(r.equity.height, c.length);
  assert.equal(
    r.orders.height,
    2 * r.trades.filter(pl.col("status").eq(pl.lit("closed"))).height +
      r.trades.filter(pl.col("status").eq(pl.lit("open"))).height,
  );
  const pnl = r.trades.getColumn("pnl").sum() as number;
  near(pnl, r.summary.finalValue - 10_000, 1e-9);
  near(r.orders.getColumn("fees").sum() as number, r.summary.totalFees, 1e-12);
  assert.deepEqual(r.metrics.getColumn("portfolio").toArray(), ["portfolio"]);
  assert.throws(
    () => runBacktest(frame, { strategy: "sma_cross", params: { slow: 0 } }),
    new RangeError("Cannot use strategy sma_cross: slow must be an integer in [1, 100000], got 0"),
  );
});
