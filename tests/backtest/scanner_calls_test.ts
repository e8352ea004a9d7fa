// scanner_calls on tiny hand-built option minutes: every exit rule, to the cent.
import assert from "node:assert/strict";
import type pl from "nodejs-polars";
import { runBacktest, type RunBacktestOptions } from "@lib/backtest/mod.ts";
import { at, type Bar, CALL, day, frameOf, PUT } from "./_options.ts";

const D = "2025-03-04";
// Open 1.00 is the scanner's reference; minute 1's high 1.25 is +25% ≥ 20%: the trigger.
const LEAD: Bar[] = [[0, 1], [1, 1, 1.25, 1, 1.2]];
// Fees: $0.65 a contract per order, one contract of 100 shares; target +50%, stop −25%.
const BASE = {
  take_profit: 0.5,
  stop_loss: 0.25,
  hold_min: 0,
  contracts: 1,
  fee_per_contract: 0.65,
};

function run(
  bars: Bar[],
  params: Record<string, number> = {},
  opts: Partial<RunBacktestOptions> = {},
) {
  return runBacktest(frameOf(day(CALL, D, [...LEAD, ...bars])), {
    strategy: "scanner_calls",
    params: { ...BASE, ...params },
    initCash: 10_000,
    ...opts,
  });
}

function rows(trades: pl.DataFrame) {
  return trades.select(
    "symbol",
    "entry_ts",
    "exit_ts",
    "entry_price",
    "exit_price",
    "fees",
    "pnl",
    "exit_reason",
  )
    .toRecords().map((r) => ({
      ...r,
      entry_ts: (r.entry_ts as unknown as Date).getTime(),
      exit_ts: (r.exit_ts as unknown as Date).getTime(),
      entry_price: round(r.entry_price),
      exit_price: round(r.exit_price),
      pnl: round(r.pnl),
      fees: round(r.fees),
    }));
}

/** To a millionth of a dollar: far below a cent, above float noise (1.2 × 1.5 = 1.7999…98). */
function round(v: unknown): number {
  return Math.round((v as number) * 1e6) / 1e6;
}

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

Deno.test("scanner_calls enters at the next bar's open and takes profit at the target", () => {
  const r = run([[2, 1.2, 1.3, 1.15, 1.25], [3, 1.25, 1.85, 1.2, 1.7], [4, 1.7]]);
  // Buy 100 at 1.20 ($120), target 1.80: sell 100 at 1.80 ($180); fees 2 × 0.65.
  assert.deepEqual(rows(r.trades), [{
    symbol: CALL,
    entry_ts: at(D, 2),
    exit_ts: at(D, 3),
    entry_price: 1.2,
    exit_price: 1.8,
    fees: 1.3,
    pnl: 58.7,
    exit_reason: "take_profit",
  }]);
  near(r.summary.finalValue, 10_058.7);
  near(r.summary.totalFees, 1.3);
  // While held, equity = cash + 100 × close: 10,000 − 120.65 + 125 at minute 2.
  near(r.equity.getColumn("value").toArray()[2] as number, 10_004.35);
});

Deno.test("scanner_calls stops out at the stop level inside a bar", () => {
  const r = run([[2, 1.2, 1.22, 1.1, 1.15], [3, 1.1, 1.12, 0.85, 0.95], [4, 0.95]]);
  // Stop 1.20 × 0.75 = 0.90: (0.90 − 1.20) × 100 − 1.30.
  assert.deepEqual(rows(r.trades).map((t) => [t.exit_ts, t.exit_price, t.pnl, t.exit_reason]), [
    [at(D, 3), 0.9, -31.3, "stop_loss"],
  ]);
});

Deno.test("scanner_calls fills a gap through the stop at the open", () => {
  // No trade at minute 3; minute 4 opens at 0.80, below the 0.90 stop.
  const r = run([[2, 1.2, 1.22, 1.1, 1.15], [4, 0.8, 0.85, 0.7, 0.75], [5, 0.75]]);
  assert.deepEqual(rows(r.trades).map((t) => [t.exit_ts, t.exit_price, t.pnl, t.exit_reason]), [
    [at(D, 4), 0.8, -41.3, "stop_loss"],
  ]);
});

Deno.test("scanner_calls exits on the time limit at the first open after it", () => {
  // Entry 09:32, hold 3 min: due at 09:35, no trade then, so the 09:36 open (1.32).
  const bars: Bar[] = [[2, 1.2, 1.3, 1.15, 1.25], [3, 1.25], [4, 1.26], [6, 1.32, 1.4, 1.3, 1.35], [
    7,
    1.3,
  ]];
  const r = run(bars, { hold_min: 3 });
  assert.deepEqual(rows(r.trades).map((t) => [t.exit_ts, t.exit_price, t.pnl, t.exit_reason]), [
    [at(D, 6), 1.32, 10.7, "time_limit"],
  ]);
});

Deno.test("scanner_calls sells at the session close when nothing else fires", () => {
  const r = run([[2, 1.2, 1.3, 1.15, 1.25], [3, 1.25, 1.3, 1.2, 1.28]]);
  assert.deepEqual(rows(r.trades).map((t) => [t.exit_ts, t.exit_price, t.pnl, t.exit_reason]), [
    [at(D, 3), 1.28, 6.7, "session_close"],
  ]);
  near(r.summary.finalValue, 10_006.7);
  assert.equal(r.summary.nClosedTrades, 1);
});

Deno.test("scanner_calls holds one position per contract: a trigger while held is ignored", () => {
  const r = run([
    [2, 1.2, 1.25, 1.15, 1.2], // entry at 1.20
    [3, 1.1, 1.1, 1.0, 1.05], // below the threshold: the first event ends
    [4, 1.05, 1.26, 1.05, 1.2], // second trigger, ignored: the contract is held
    [5, 1.2, 1.9, 1.2, 1.85], // target 1.80
    [6, 1.1, 1.1, 1.05, 1.1], // below again
    [7, 1.1, 1.3, 1.1, 1.25], // third trigger, flat: buy at the next open
    [8, 1.25, 1.45, 1.2, 1.4], // last bar: session close at 1.40
  ]);
  assert.deepEqual(
    rows(r.trades).map((t) => [t.entry_ts, t.entry_price, t.exit_price, t.pnl, t.exit_reason]),
    [
      [at(D, 2), 1.2, 1.8, 58.7, "take_profit"],
      [at(D, 8), 1.25, 1.4, 13.7, "session_close"],
    ],
  );
  assert.deepEqual(r.orders.getColumn("side").toArray(), ["buy", "sell", "buy", "sell"]);
});

Deno.test("scanner_calls does not trade a trigger on the contract's last bar of the day", () => {
  const r = run([]);
  assert.equal(r.trades.height, 0);
  near(r.summary.finalValue, 10_000);
});

Deno.test("scanner_calls applies slippage, percentage fees and per-contract fees to each order", () => {
  const r = run([[2, 1.2, 1.3, 1.15, 1.25], [3, 1.25, 1.85, 1.2, 1.7]], { contracts: 2 }, {
    fees: 0.001,
    slippageBps: 10,
  });
  // Buy 200 at 1.20 × 1.001 = 1.2012; target 1.2012 × 1.5 = 1.8018, sold at 1.8018 × 0.999.
  const buy = 1.2012, sell = 1.8018 * 0.999;
  const fees = 200 * buy * 0.001 + 1.3 + 200 * sell * 0.001 + 1.3;
  const t = r.trades.toRecords()[0];
  near(t.entry_price as number, buy);
  near(t.exit_price as number, sell);
  near(t.fees as number, fees);
  near(t.pnl as number, 200 * (sell - buy) - fees);
  near(r.summary.finalValue, 10_000 + 200 * (sell - buy) - fees);
});

Deno.test("scanner_calls trades calls and puts at once from one cash pool, named by contract", () => {
  const put: Bar[] = [[0, 2], [1, 2, 2.5, 2, 2.4], [2, 2.4, 2.5, 2.3, 2.45], [3, 2.5]];
  const frame = frameOf([
    ...day(CALL, D, [...LEAD, [2, 1.2, 1.3, 1.15, 1.25], [3, 1.28]]),
    ...day(PUT, D, put),
  ]);
  const opts = { strategy: "scanner_calls", params: BASE, initCash: 10_000 };
  const calls = runBacktest(frame, opts);
  assert.deepEqual(calls.trades.getColumn("symbol").toArray(), [CALL]);
  const both = runBacktest(frame, { ...opts, params: { ...BASE, right: 2 } });
  assert.deepEqual(both.trades.getColumn("symbol").toArray(), [CALL, PUT]);
  // Both held from 09:32: value = cash + 100 × (1.25 + 2.45) at minute 2.
  near(both.equity.getColumn("value").toArray()[2] as number, 10_000 - 120.65 - 240.65 + 370);
  // With $300, the put's $240.65 entry does not fit after the call's $120.65.
  const poor = runBacktest(frame, { ...opts, params: { ...BASE, right: 2 }, initCash: 300 });
  assert.deepEqual(poor.trades.getColumn("symbol").toArray(), [CALL]);
});

Deno.test("scanner_calls decides on bars up to the trigger: later bars do not move the entry", () => {
  const bars: Bar[] = [[2, 1.2, 1.3, 1.15, 1.25], [3, 1.25, 1.3, 1.2, 1.28], [4, 1.3]];
  const a = run(bars), b = run([...bars.slice(0, 2), [4, 3, 3, 0.5, 0.6], [9, 2]]);
  const entry = (r: ReturnType<typeof run>) => r.orders.row(0);
  assert.deepEqual(entry(a), entry(b));
});

Deno.test("scanner_calls rejects the generic stop options and close execution", () => {
  assert.throws(
    () => run([[2, 1.2]], {}, { stopLoss: 0.1 }),
    new RangeError(
      "Cannot simulate option trades: stopLoss is not used; set the strategy's take_profit, stop_loss and hold_min",
    ),
  );
  assert.throws(
    () => run([[2, 1.2]], {}, { execution: "close" }),
    new RangeError(
      "Cannot simulate option trades: entries fill at the next open, got execution close",
    ),
  );
});

Deno.test("scanner_calls skips entries opening below min_price", () => {
  // A penny call: 0.03 → 0.04 is +33%; the entry would open at 0.04.
  const bars: Bar[] = [[0, 0.03], [1, 0.03, 0.04, 0.03, 0.04], [2, 0.04], [3, 0.05]];
  const frame = frameOf(day(CALL, D, bars));
  const opts = { strategy: "scanner_calls", params: BASE, initCash: 10_000 };
  assert.equal(runBacktest(frame, opts).trades.height, 0);
  const cheap = runBacktest(frame, { ...opts, params: { ...BASE, min_price: 0 } });
  // Bought 0.04, sold at the 0.05 close: +1.00 − 1.30 in fees.
  assert.deepEqual(rows(cheap.trades).map((t) => [t.entry_price, t.exit_price, t.pnl]), [
    [0.04, 0.05, -0.3],
  ]);
});
