// Stress and bootstrap of an option strategy: every cost scaled, regimes from the underlying,
// the bootstrap's total return equal to the run's.
import assert from "node:assert/strict";
import {
  bootstrapTrades,
  optionStressTest,
  runOptionStrategy,
  toOptionChain,
} from "@lib/backtest/mod.ts";
import { pricedChain } from "./_chain.ts";

const dates = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-10"];
const chain = toOptionChain(
  pricedChain({ dates, halfWidth: 8, expiries: [0], minutes: 60, seed: 3 }),
);
const opts = {
  structure: "iron_condor",
  dte: 0,
  delta: 0.2,
  wingWidth: 3,
  entry: { time: "09:35" },
  feePerContract: 0.65,
} as const;

Deno.test("optionStressTest() doubles the per-contract fees and says when slippage is 0", () => {
  const t = optionStressTest(chain, opts, { lookbackDays: 2, rangeBand: 0.5 });
  const row = Object.fromEntries(
    (t.toRecords() as Record<string, number & string>[]).map((r) => [r.scenario, r]),
  );
  assert.equal(row.baseline.trades, 6);
  assert.ok(Math.abs(row.fees_x2.total_fees - 2 * row.baseline.total_fees) < 1e-9);
  assert.ok(
    Math.abs(row.baseline.total_pnl - row.fees_x2.total_pnl - row.baseline.total_fees) < 1e-9,
  );
  assert.ok(Math.abs(row.baseline.total_fees - 6 * 4 * 0.65) < 1e-9); // settled: no exit fee
  assert.match(row.slippage_x2.note, /^slippage is 0: scaling it changes nothing/);
  // regimes: a day's 2-day return up to the previous close needs 3 earlier closes, so the
  // first three days have none; the other three are within ±50 %
  assert.equal(row.regime_range.trades, 3);
  assert.equal(row.regime_range.note, "regime from the underlying and VIX");
  assert.equal(row.regime_bear.note, "no bars in this regime");
  assert.ok(Number.isNaN(row.regime_bear.total_return));
  assert.equal(row.regime_high_vix.note, "no vix column in the data");
  const slipped = optionStressTest(chain, { ...opts, slippage: { bps: 50 } });
  const s = slipped.toRecords() as Record<string, number & string>[];
  assert.ok(s[2].total_slippage > s[0].total_slippage && s[3].total_slippage > s[2].total_slippage);
});

Deno.test("bootstrapTrades() on option trades: the full sample's total return is the run's", () => {
  const r = runOptionStrategy(chain, opts);
  const b = bootstrapTrades(r.trades, { n: 200, seed: 1, initCash: 100_000 });
  const total = (b.toRecords() as Array<{ metric: string; estimate: number }>)
    .find((x) => x.metric === "total_return")!;
  assert.ok(Math.abs(total.estimate - r.summary.total_return) < 1e-12);
});
