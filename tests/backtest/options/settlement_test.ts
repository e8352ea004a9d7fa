// Settlement keyed off the option root: SPY physical, SPX AM cash at the open, SPXW PM cash.
import assert from "node:assert/strict";
import { runOptionStrategy, settlementStyle } from "@lib/backtest/mod.ts";
import { occ, type Row, tableOf } from "./_chain.ts";

const D1 = "2025-03-20", E = "2025-03-21"; // E is the third Friday: an SPX monthly
function table(root: string): Row[] {
  return [
    { ticker: occ(root, E, "P", 5700), date: D1, m: 30, close: 10, delta: -0.3, spot: 5720 },
    { ticker: occ(root, E, "P", 5650), date: D1, m: 30, close: 4, delta: -0.15, spot: 5720 },
    // expiry day: opens at 5660 (the AM settlement), closes at 5710 (the PM settlement)
    {
      ticker: occ("SPXW", "2025-03-24", "P", 5000),
      date: E,
      m: 0,
      close: 1,
      spot: 5665,
      uOpen: 5660,
    },
    { ticker: occ("SPXW", "2025-03-24", "P", 5000), date: E, m: 389, close: 1, spot: 5710 },
  ];
}
const run = (root: string) =>
  runOptionStrategy(tableOf(table(root)), {
    structure: "bull_put_spread",
    dte: 1,
    delta: 0.3,
    wingWidth: 50,
    entry: { time: "10:00" },
    feePerContract: 0.65,
  });

Deno.test("settlementStyle() keys off the root: SPX am, SPXW pm_cash, SPY physical", () => {
  assert.deepEqual(
    ["SPX", "SPXW", "SPY", "XSP", "QQQ"].map(settlementStyle),
    ["am", "pm_cash", "physical", "pm_cash", "physical"],
  );
});

Deno.test("an SPX monthly put spread settles at the expiry day's open, in cash", () => {
  const r = run("SPX");
  const [reason, px, pnl, shares, exitTs] = r.trades.select(
    "exit_reason",
    "settle_px",
    "pnl",
    "assigned_shares",
    "exit_ny",
  ).row(0);
  // credit 6; at 5660 the short 5700 put is worth 40, the 5650 put nothing: (6 − 40) × 100
  assert.deepEqual([reason, px, shares, exitTs], ["expiry", 5660, 0, "2025-03-21 09:30"]);
  assert.ok(Math.abs(pnl - (-3400 - 1.3)) < 1e-9);
});

Deno.test("the same spread on SPXW settles at the close (PM), in cash", () => {
  const r = run("SPXW");
  const [reason, px, pnl, shares, exitTs] = r.trades.select(
    "exit_reason",
    "settle_px",
    "pnl",
    "assigned_shares",
    "exit_ny",
  ).row(0);
  assert.deepEqual([reason, px, shares, exitTs], ["expiry", 5710, 0, "2025-03-21 15:59"]);
  assert.ok(Math.abs(pnl - (600 - 1.3)) < 1e-9);
});

Deno.test("SPY settles physically: in-the-money legs become shares valued at the close", () => {
  const rows: Row[] = [
    { ticker: occ("SPY", E, "P", 570), date: D1, m: 30, close: 1, delta: -0.3, spot: 572 },
    { ticker: occ("SPY", E, "P", 565), date: D1, m: 30, close: 0.4, delta: -0.15, spot: 572 },
    { ticker: occ("SPY", "2025-03-24", "P", 500), date: E, m: 389, close: 0.01, spot: 562 },
  ];
  const r = runOptionStrategy(tableOf(rows), {
    structure: "bull_put_spread",
    dte: 1,
    delta: 0.3,
    entry: { time: "10:00" },
    feePerContract: 0,
  });
  const [px, pnl, shares] = r.trades.select("settle_px", "pnl", "assigned_shares").row(0);
  // short 570 put assigned (+100 shares at 570), long 565 put exercised (−100 at 565): net 0
  // shares, −5 a share of intrinsic plus the 0.60 credit
  assert.deepEqual([px, shares], [562, 0]);
  assert.ok(Math.abs(pnl - (-500 + 60)) < 1e-9);
  const one = runOptionStrategy(tableOf(rows), {
    structure: "short_put",
    dte: 1,
    delta: 0.3,
    naked: "margin",
    entry: { time: "10:00" },
    feePerContract: 0,
  });
  // only the short put: assigned 100 shares at 570 worth 562 each, plus the 1.00 premium
  assert.deepEqual(one.trades.select("assigned_shares", "pnl").row(0), [100, -800 + 100]);
});
