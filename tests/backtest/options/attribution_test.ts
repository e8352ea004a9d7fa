// Greeks P&L attribution: per trade and per minute, the parts sum to the P&L.
import assert from "node:assert/strict";
import { ATTRIBUTION, attributionFigure, runOptionStrategy } from "@lib/backtest/mod.ts";
import { pricedChain } from "./_chain.ts";

const table = pricedChain({
  dates: ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"],
  halfWidth: 12,
  expiries: [0, 1, 2],
  minutes: 120,
  seed: 7,
});

Deno.test("each trade's delta, gamma, theta, vega, residual and costs sum to its P&L", () => {
  for (const structure of ["iron_condor", "long_straddle", "calendar", "covered_call"] as const) {
    const r = runOptionStrategy(table, {
      structure,
      dte: 1,
      farDte: 2,
      delta: 0.2,
      wingWidth: 3,
      entry: { time: "10:00" },
      slippage: { bps: 50 },
      feePerContract: 0.65,
      feePerOrder: 1,
    });
    assert.ok(r.trades.height >= 1, structure);
    const pnl = r.trades.getColumn("pnl").toArray() as number[];
    const parts = ATTRIBUTION.map((a) => r.trades.getColumn(`${a}_pnl`).toArray() as number[]);
    pnl.forEach((p, i) => {
      const sum = parts.reduce((s, col) => s + col[i], 0);
      assert.ok(
        Math.abs(sum - p) < 1e-9 * Math.max(1, Math.abs(p)),
        `${structure} ${i}: ${sum} vs ${p}`,
      );
    });
    // the costs are exactly −(fees + slippage)
    const fees = r.trades.getColumn("fees").toArray() as number[];
    const slip = r.trades.getColumn("slippage").toArray() as number[];
    parts[5].forEach((c, i) => assert.ok(Math.abs(c + fees[i] + slip[i]) < 1e-9));
    // on Black–Scholes prices, the Greeks explain most of an option position's moves
    if (structure === "long_straddle") {
      const explained = parts.slice(0, 4).reduce((s, col) => s + Math.abs(col[0]), 0);
      assert.ok(
        Math.abs(parts[4][0]) < 0.25 * explained,
        `residual ${parts[4][0]} vs ${explained}`,
      );
    }
  }
});

Deno.test("the portfolio's attribution per minute sums to the change of equity", () => {
  const r = runOptionStrategy(table, {
    structure: "iron_condor",
    dte: 0,
    delta: 0.15,
    wingWidth: 4,
    entry: { time: "09:45" },
    exit: { profitTarget: 0.5, stopLoss: 1 },
    slippage: { bps: 20, rangeFraction: 0.1 },
  });
  const eq = r.equity.getColumn("equity").toArray() as number[];
  const parts = ATTRIBUTION.map((a) => r.equity.getColumn(a).toArray() as number[]);
  let prev = 100_000;
  eq.forEach((v, m) => {
    const sum = parts.reduce((s, col) => s + col[m], 0);
    assert.ok(Math.abs(sum - (v - prev)) < 1e-7, `minute ${m}: ${sum} vs ${v - prev}`);
    prev = v;
  });
  assert.ok(Math.abs(eq[eq.length - 1] - 100_000 - r.summary.total_pnl) < 1e-7);
});

Deno.test("attributionFigure() stacks the six parts per day and per trade, with the total", () => {
  const r = runOptionStrategy(table, {
    structure: "iron_condor",
    dte: 0,
    delta: 0.15,
    wingWidth: 4,
    entry: { time: "09:45" },
  });
  const byDay = attributionFigure(r);
  assert.deepEqual(byDay.data.map((d) => d.name), [...ATTRIBUTION, "total"]);
  const x = (byDay.data[0] as { x: string[] }).x;
  assert.deepEqual(x, ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"]);
  const total = (byDay.data[6] as { y: number[] }).y;
  assert.ok(Math.abs(total.reduce((a, b) => a + b, 0) - r.summary.total_pnl) < 1e-7);
  const byTrade = attributionFigure(r, { by: "trade" });
  assert.equal((byTrade.data[0] as { x: string[] }).x.length, r.trades.height);
  assert.equal((byTrade.layout as { barmode: string }).barmode, "relative");
});
