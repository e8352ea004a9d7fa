// Exits (target, stop, time, DTE), slippage models, sizing, the liquidity cap, buying power,
// entry conditions (VIX, IV rank, scanner events) and the multiplier.
import assert from "node:assert/strict";
import { runOptionStrategy } from "@lib/backtest/mod.ts";
import { occ, type Row, tableOf } from "./_chain.ts";

const D = "2025-03-04";
const C600 = occ("SPY", D, "C", 600), C605 = occ("SPY", D, "C", 605);
const P595 = occ("SPY", D, "P", 595), P590 = occ("SPY", D, "P", 590);
const C610 = occ("SPY", D, "C", 610);
function spread(path: Array<[number, number, number]>, extra: Partial<Row> = {}): Row[] {
  const rows: Row[] = [
    { ticker: C600, date: D, m: 30, close: 2.1, delta: 0.51, spot: 600, ...extra },
    { ticker: C605, date: D, m: 30, close: 0.6, delta: 0.12, spot: 600, ...extra },
  ];
  for (const [m, a, b] of path) {
    rows.push(
      { ticker: C600, date: D, m, close: a, delta: 0.5, spot: 600 },
      { ticker: C605, date: D, m, close: b, delta: 0.12, spot: 600 },
    );
  }
  rows.push({ ticker: C600, date: D, m: 389, close: 2, spot: 601 });
  return rows;
}
const bull = (rows: Row[], more: object = {}) =>
  runOptionStrategy(tableOf(rows), {
    structure: "bull_call_spread",
    delta: 0.5,
    wingWidth: 5,
    entry: { time: "10:00" },
    feePerContract: 0.65,
    ...more,
  });
const first = (r: ReturnType<typeof bull>, ...cols: string[]) => r.trades.select(...cols).row(0);

Deno.test("profit target and stop are fractions of the debit, checked on minute closes", () => {
  // debit 1.50; at 10:30 the spread is worth 2.10: +0.60 = 40 % of the debit
  let r = bull(spread([[45, 2.6, 0.8], [60, 3.1, 1.0]]), { exit: { profitTarget: 0.4 } });
  assert.deepEqual(first(r, "exit_reason", "exit_ny"), ["profit_target", "2025-03-04 10:30"]);
  assert.ok(Math.abs(first(r, "pnl")[0] - (60 - 2.6)) < 1e-9);
  r = bull(spread([[45, 1.9, 0.6], [60, 1.5, 0.75]]), { exit: { stopLoss: 0.5 } });
  assert.deepEqual(first(r, "exit_reason", "exit_ny"), ["stop_loss", "2025-03-04 10:30"]);
  assert.ok(Math.abs(first(r, "pnl")[0] - (-75 - 2.6)) < 1e-9);
  r = bull(spread([[45, 1.9, 0.6], [95, 1.5, 0.75]]), { exit: { time: "11:00" } });
  assert.deepEqual(first(r, "exit_reason", "exit_ny"), ["exit_time", "2025-03-04 11:05"]);
  r = bull(spread([[45, 1.9, 0.6], [95, 1.5, 0.75]]), { exit: { holdMin: 15 } });
  assert.deepEqual(first(r, "exit_reason", "exit_ny"), ["hold_time", "2025-03-04 10:15"]);
});

Deno.test("slippage: bps of price plus a fraction of the minute's range, against the trader", () => {
  const rows = spread([]);
  rows[0] = { ...rows[0], high: 2.2, low: 2.0 };
  const r = bull(rows, { slippage: { bps: 100, rangeFraction: 0.5 } });
  const [buy, sell] = r.legs.getColumn("entry_px").toArray() as number[];
  assert.ok(Math.abs(buy - (2.1 * 1.01 + 0.1)) < 1e-12);
  assert.ok(Math.abs(sell - 0.6 * 0.99) < 1e-12);
  // slippage cost at entry: (2.221 − 2.10) + (0.60 − 0.594) = 0.127 a share
  const slip = first(r, "slippage")[0] as number;
  assert.ok(Math.abs(slip - 12.7) < 1e-9, `${slip}`); // no slippage at settlement
});

Deno.test("sizing by contracts, max risk, risk fraction and equity fraction; the volume cap", () => {
  const sized = (size: object, slippage: object = {}, volume = 100) =>
    first(bull(spread([], { volume }), { size, slippage }), "contracts", "max_loss");
  assert.deepEqual(sized({ contracts: 3 }), [3, 450]);
  assert.deepEqual(sized({ maxRisk: 500 }), [3, 450]); // 150 a spread
  assert.deepEqual(sized({ riskFraction: 0.01 }), [6, 900]); // 1 000 / 150
  assert.deepEqual(sized({ equityFraction: 0.05 }), [33, 4950]); // 5 000 / 150
  assert.deepEqual(sized({ contracts: 20 }, { volumeFraction: 0.5 }, 10), [5, 750]);
  const r = bull(spread([], { volume: 1 }), { slippage: { volumeFraction: 0.5 } });
  assert.deepEqual(r.orders.select("status", "reason").row(0), ["rejected", "liquidity"]);
});

Deno.test("an entry beyond the buying power is rejected, not half-filled", () => {
  const r = bull(spread([]), { size: { contracts: 700 } }); // 700 × 150 > 100 000
  assert.equal(r.trades.height, 0);
  assert.deepEqual(r.orders.select("status", "reason").row(0), ["rejected", "buying_power"]);
});

Deno.test("the multiplier comes from the contract table", () => {
  const r = bull(spread([], { multiplier: 10 }).map((x) => ({ ...x, multiplier: 10 })));
  assert.ok(Math.abs(first(r, "max_loss")[0] - 15) < 1e-9);
});

Deno.test("VIX and IV-rank conditions; entries on scanner events", () => {
  let r = bull(spread([], { vix: 25 }), { entry: { time: "10:00", vixMax: 20 } });
  assert.deepEqual(r.orders.select("status", "reason").row(0), ["ignored", "vix"]);
  r = bull(spread([], { vix: 18 }), { entry: { time: "10:00", vixMax: 20 } });
  assert.equal(r.trades.height, 1);
  // ATM IVs 0.10, 0.20, 0.30, 0.15 on four days: day 4 ranks (0.15 − 0.10)/0.20 = 0.25
  const days = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"];
  const rows = days.flatMap((d, i) =>
    [["C", 0.5], ["P", -0.5]].map(([right, delta]) => ({
      ticker: occ("SPY", d, right as "C" | "P", 600),
      date: d,
      m: 30,
      close: 2,
      delta: delta as number,
      iv: [0.1, 0.2, 0.3, 0.15][i],
      spot: 600,
    }))
  );
  rows.push({ ...rows[rows.length - 1], m: 389 });
  r = runOptionStrategy(tableOf(rows), {
    structure: "long_straddle",
    entry: { time: "10:00", ivRankMin: 0.2, ivRankMax: 0.3 },
    feePerContract: 0,
  });
  assert.deepEqual(r.orders.select("ny_time", "status", "reason").rows(), [
    ["2025-03-03 10:00", "ignored", "iv_warmup"],
    ["2025-03-04 10:00", "ignored", "iv_warmup"],
    ["2025-03-05 10:00", "ignored", "iv_rank"],
    ["2025-03-06 10:00", "filled", ""],
  ]);
  const ev = spread([[37, 2.2, 0.6]]);
  const at = Date.UTC(2025, 2, 4, 15, 5); // 10:05 New York: the next minute with a chain is 10:07
  r = bull(ev, { entry: { events: [at] } });
  assert.equal(first(r, "entry_ny")[0], "2025-03-04 10:07");
});

Deno.test("bad options are refused with one clear message", () => {
  assert.throws(
    () => bull(spread([]), { entry: { time: "25:00" } }),
    /entry.time must be a New York time HH:MM/,
  );
  assert.throws(
    () =>
      runOptionStrategy(tableOf(spread([])), {
        structure: "condor" as "iron_condor",
        entry: { time: "10:00" },
      }),
    /Cannot build structure "condor": not one of long_call, short_call/,
  );
  assert.throws(
    () => bull(spread([]), { size: { contracts: 1.5 } }),
    /size.contracts must be a whole number/,
  );
});

Deno.test("a 0DTE strategy skips a day without a same-day expiry", () => {
  const rows = spread([]).map((x) => ({ ...x, ticker: x.ticker.replace("250304", "250305") }));
  const r = bull(rows);
  assert.equal(r.trades.height, 0);
  assert.deepEqual(r.orders.select("status", "reason").row(0), ["rejected", "no_expiry"]);
  void P595, void P590, void C610;
});
