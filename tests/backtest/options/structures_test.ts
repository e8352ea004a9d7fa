// Hand-computed structures: legs chosen, entry prices, max profit and loss, P&L at expiry.
import assert from "node:assert/strict";
import { runOptionStrategy } from "@lib/backtest/mod.ts";
import { occ, type Row, tableOf } from "./_chain.ts";

const D = "2025-03-04", E = D; // a Tuesday, 0DTE
const T = (right: "C" | "P", k: number, exp = E) => occ("SPY", exp, right, k);
/** The chain at 10:00 (minute 30): spot 600, strikes 585-615. */
const CHAIN: Array<[string, number, number]> = [
  [T("P", 585), 0.05, -0.03],
  [T("P", 590), 0.20, -0.06],
  [T("P", 595), 0.50, -0.11],
  [T("P", 600), 2.00, -0.49],
  [T("C", 600), 2.10, 0.51],
  [T("C", 605), 0.60, 0.12],
  [T("C", 610), 0.25, 0.05],
  [T("C", 615), 0.08, 0.02],
];
/** The chain at 10:00, one quiet row at 12:00, and a last row at 15:59 with spot `close`. */
function day(close: number, extra: Row[] = []): Row[] {
  return [
    ...CHAIN.map(([ticker, px, delta]) => ({
      ticker,
      date: D,
      m: 30,
      close: px,
      delta,
      spot: 600,
    })),
    { ticker: T("C", 615), date: D, m: 150, close: 0.05, delta: 0.01, spot: 601 },
    { ticker: T("C", 615), date: D, m: 389, close: 0.01, delta: 0, spot: close },
    ...extra,
  ];
}
const run = (structure: string, close: number, more: object = {}) =>
  runOptionStrategy(tableOf(day(close)), {
    // deno-lint-ignore no-explicit-any
    structure: structure as any,
    entry: { time: "10:00" },
    feePerContract: 0.65,
    ...more,
  });
const legs = (r: ReturnType<typeof run>) => String(r.trades.getColumn("legs").toArray()[0]);
const one = (r: ReturnType<typeof run>, c: string) => r.trades.getColumn(c).toArray()[0] as number;

Deno.test("iron_condor at 10-delta shorts and $5 wings: credit 0.65, max profit 65, max loss 435", () => {
  const r = run("iron_condor", 606, { shortDelta: 0.1, wingWidth: 5 });
  assert.equal(
    legs(r),
    `-1 ${T("P", 595)} @ 0.50; +1 ${T("P", 590)} @ 0.20; -1 ${T("C", 605)} @ 0.60; +1 ${
      T("C", 610)
    } @ 0.25`,
  );
  assert.ok(Math.abs(one(r, "entry_net") + 0.65) < 1e-12);
  assert.ok(Math.abs(one(r, "max_profit") - 65) < 1e-9);
  assert.ok(Math.abs(one(r, "max_loss") - 435) < 1e-9);
  assert.ok(Math.abs(one(r, "buying_power") - 435) < 1e-9);
  // settles at 606: the 605 call is worth 1.00; 0.65 − 1.00 = −0.35 a share, −35, fees 4 × 0.65
  assert.equal(r.trades.getColumn("exit_reason").toArray()[0], "expiry");
  assert.ok(Math.abs(one(r, "pnl") - (-35 - 2.6)) < 1e-9);
  assert.equal(one(r, "assigned_shares"), -100); // SPY: the short 605 call is assigned
  assert.ok(Math.abs(r.summary.final_equity - (100_000 - 37.6)) < 1e-9);
});

Deno.test("verticals: bull call debit, bear call and bull put credits, bear put debit", () => {
  const cases: Array<[string, object, number, number, number, number]> = [
    // structure, selector, entry_net, max profit, max loss, P&L at 606 before fees (per share)
    ["bull_call_spread", { delta: 0.5 }, 2.10 - 0.60, 5 - 1.5, 1.5, 5 - 1.5],
    ["bear_call_spread", { delta: 0.12 }, -(0.60 - 0.25), 0.35, 5 - 0.35, 0.35 - 1],
    ["bull_put_spread", { delta: 0.11 }, -(0.50 - 0.20), 0.30, 5 - 0.30, 0.30],
    ["bear_put_spread", { delta: 0.49 }, 2.00 - 0.50, 5 - 1.5, 1.5, -1.5],
  ];
  for (const [s, sel, net, maxP, maxL, pnl] of cases) {
    const r = run(s, 606, { ...sel, wingWidth: 5 });
    assert.ok(Math.abs(one(r, "entry_net") - net) < 1e-12, s);
    assert.ok(Math.abs(one(r, "max_profit") - maxP * 100) < 1e-9, s);
    assert.ok(Math.abs(one(r, "max_loss") - maxL * 100) < 1e-9, s);
    assert.ok(Math.abs(one(r, "pnl") - (pnl * 100 - 1.3)) < 1e-9, `${s}: ${one(r, "pnl")}`);
  }
});

Deno.test("straddles, strangles, iron butterfly and butterfly", () => {
  // long straddle at 600: debit 4.10, loss capped at the debit, unbounded profit; at 606: 6 − 4.10
  let r = run("long_straddle", 606);
  assert.ok(Math.abs(one(r, "entry_net") - 4.1) < 1e-12);
  assert.equal(one(r, "max_profit"), Infinity);
  assert.ok(Math.abs(one(r, "max_loss") - 410) < 1e-9);
  assert.ok(Math.abs(one(r, "pnl") - (190 - 1.3)) < 1e-9);
  // long strangle at 0.12/0.11 delta: 605 call and 595 put, debit 1.10; at 606: 1 − 1.10
  r = run("long_strangle", 606, { delta: 0.11 });
  assert.match(legs(r), /C00605000.*P00595000/);
  assert.ok(Math.abs(one(r, "pnl") - (-10 - 1.3)) < 1e-9);
  // iron butterfly: short 600 straddle (4.10), long 605 call and 595 put (1.10): credit 3.00
  r = run("iron_butterfly", 606, { wingWidth: 5 });
  assert.ok(Math.abs(one(r, "entry_net") + 3) < 1e-12);
  assert.ok(Math.abs(one(r, "max_loss") - 200) < 1e-9);
  assert.ok(Math.abs(one(r, "max_profit") - 300) < 1e-9);
  // at 606: −6 + 1 = −5 at expiry, +3 credit: −2 a share; 4 contracts of fees
  assert.ok(Math.abs(one(r, "pnl") - (-200 - 2.6)) < 1e-9);
  // call butterfly 605/610/615 around the 0.05-delta... centre at 0.12 delta (605): 600/605/610
  r = run("butterfly", 606, { delta: 0.12, wingWidth: 5 });
  assert.equal(
    legs(r),
    `-2 ${T("C", 605)} @ 0.60; +1 ${T("C", 600)} @ 2.10; +1 ${T("C", 610)} @ 0.25`,
  );
  assert.ok(Math.abs(one(r, "entry_net") - 1.15) < 1e-12);
  assert.ok(Math.abs(one(r, "max_profit") - 385) < 1e-9); // 5 − 1.15 at 605
  assert.ok(Math.abs(one(r, "max_loss") - 115) < 1e-9);
  // at 606: 6 − 2 = 4, minus 1.15 = 2.85 a share; 4 contracts
  assert.ok(Math.abs(one(r, "pnl") - (285 - 2.6)) < 1e-9);
});

Deno.test("single legs: long call and naked short put (refused, or margined by Reg-T)", () => {
  let r = run("long_call", 606, { delta: 0.5 });
  assert.ok(Math.abs(one(r, "pnl") - ((6 - 2.1) * 100 - 0.65)) < 1e-9);
  r = run("short_put", 606, { delta: 0.11 });
  assert.equal(r.trades.height, 0);
  assert.deepEqual(r.orders.select("status", "reason").row(0), ["rejected", "naked"]);
  r = run("short_put", 606, { delta: 0.11, naked: "margin" });
  // 0.50 + max(20 % × 600 − 5 OTM, 10 % × 595) = 115.50 a share
  assert.ok(Math.abs(one(r, "buying_power") - 11_550) < 1e-9);
  assert.ok(Math.abs(one(r, "pnl") - (50 - 0.65)) < 1e-9);
  r = run("short_strangle", 606, { delta: 0.11, naked: "margin" });
  // call side 0.60 + max(120 − 5, 60) = 115.60 is the larger; plus the put's 0.50 premium
  assert.ok(Math.abs(one(r, "buying_power") - 11_610) < 1e-9);
});

Deno.test("covered call and protective put hold 100 shares bought at spot", () => {
  let r = run("covered_call", 606, { delta: 0.12 });
  assert.equal(legs(r), `+1 SPY @ 600.00; -1 ${T("C", 605)} @ 0.60`);
  // max loss at S = 0: 600 − 0.60; the call caps the gain at 605 − 600 + 0.60
  assert.ok(Math.abs(one(r, "max_loss") - 59_940) < 1e-6);
  assert.ok(Math.abs(one(r, "max_profit") - 560) < 1e-6);
  // at 606: shares +6, call −1, premium +0.60 → 5.60 a share; fees: 1 contract each way
  // (the shares are sold at the close by an order, the call settles)
  assert.ok(Math.abs(one(r, "pnl") - (560 - 0.65)) < 1e-9);
  r = run("protective_put", 590, { delta: 0.11 });
  // shares −10, put 595 worth 5, cost 0.50 → −5.50 a share; max loss 600 + 0.50 − 595
  assert.ok(Math.abs(one(r, "pnl") - (-550 - 0.65)) < 1e-9);
  assert.ok(Math.abs(one(r, "max_loss") - 550) < 1e-6);
});

Deno.test("calendar and diagonal: short near leg settles, far leg closed at its mark", () => {
  const F = "2025-03-07";
  const far: Row[] = [
    { ticker: T("C", 600, F), date: D, m: 30, close: 4.0, delta: 0.52, spot: 600 },
    { ticker: T("C", 595, F), date: D, m: 30, close: 7.0, delta: 0.7, spot: 600 },
    { ticker: T("C", 600, F), date: D, m: 389, close: 6.5, delta: 0.6, spot: 606 },
    { ticker: T("C", 595, F), date: D, m: 389, close: 11.2, delta: 0.8, spot: 606 },
  ];
  const go = (structure: string, sel: object) =>
    runOptionStrategy(tableOf(day(606, far)), {
      // deno-lint-ignore no-explicit-any
      structure: structure as any,
      entry: { time: "10:00" },
      farDte: 3,
      feePerContract: 0.65,
      ...sel,
    });
  let r = go("calendar", { delta: 0.51 });
  assert.equal(legs(r), `-1 ${T("C", 600)} @ 2.10; +1 ${T("C", 600, F)} @ 4.00`);
  assert.ok(Math.abs(one(r, "max_loss") - 190) < 1e-9); // the debit
  // near 600 call settles at 6 (−6), far sold at 6.50: −2.10 + 6.50 − 6 + … = (6.5 − 4) − (6 − 2.1)
  assert.ok(Math.abs(one(r, "pnl") - ((2.5 - 3.9) * 100 - 1.3 - 0.65)) < 1e-9);
  r = go("diagonal", { delta: 0.12, wingWidth: 10 });
  assert.equal(legs(r), `-1 ${T("C", 605)} @ 0.60; +1 ${T("C", 595, F)} @ 7.00`);
  assert.ok(Math.abs(one(r, "pnl") - ((11.2 - 7 - (1 - 0.6)) * 100 - 1.3 - 0.65)) < 1e-9);
});
