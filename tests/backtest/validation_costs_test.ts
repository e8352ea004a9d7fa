// Honest validation: the bootstrap's total return is the run's; stress scales every cost and
// says when one is zero; regimes come from the underlying, and an empty one says so.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { bootstrapTrades, runBacktest, stressTest } from "@lib/backtest/mod.ts";
import { type Bar, CALL, day, frameOf } from "./_options.ts";

const stat = (t: pl.DataFrame, name: string) =>
  (t.toRecords() as Array<{ metric: string; estimate: number; lower: number; upper: number }>)
    .find((r) => r.metric === name)!;

Deno.test("bootstrapTrades() resamples dollar P&L: a known trade list", () => {
  // three trades of a strategy risking a slice of a 10 000 account; as all-in compounding
  // the −100 % trade return would make every resample that draws it −100 %
  const trades = pl.DataFrame({
    pnl: [100, -50, 200],
    return: [0.5, -1, 1],
    status: ["closed", "closed", "closed"],
  });
  const t = bootstrapTrades(trades, { n: 400, seed: 3, initCash: 10_000 });
  const total = stat(t, "total_return");
  assert.equal(total.estimate, 0.025);
  // the extremes are three draws of the worst and of the best trade
  assert.ok(total.lower >= -0.015 && total.upper <= 0.06 && total.lower < total.upper);
  assert.ok(Math.abs(stat(t, "expectancy").estimate - 250 / 3) < 1e-12);
  assert.equal(stat(t, "profit_factor").estimate, 6);
  assert.throws(() => bootstrapTrades(trades, { initCash: 0 }), /initCash must be > 0, got 0/);
});

Deno.test("bootstrapTrades() on the full sample gives the run's total return", () => {
  const close = [10, 11, 12, 11, 10, 9, 10, 11, 12, 13, 12, 11, 10, 11, 12];
  const frame = pl.DataFrame({ ts: close.map((_, i) => Date.UTC(2024, 0, 2 + i)), close });
  const r = runBacktest(frame, {
    strategy: "sma_cross",
    params: { fast: 2, slow: 3 },
    closeAtEnd: true,
    initCash: 5_000,
    fees: 0.001,
  });
  const t = bootstrapTrades(r.trades, { n: 50, initCash: 5_000 });
  assert.ok(Math.abs(stat(t, "total_return").estimate - r.summary.totalReturn) < 1e-12);
});

const LEAD: Bar[] = [[0, 1], [1, 1, 1.25, 1, 1.2]];
const options = () =>
  frameOf(day(CALL, "2025-03-04", [...LEAD, [2, 1.2], [3, 1.4], [4, 1.9], [5, 1.5], [9, 1.3]]));

Deno.test("stressTest() doubles the per-contract fee and says when a cost is 0", () => {
  const opts = {
    strategy: "scanner_calls",
    params: { take_profit: 0.5, stop_loss: 0.25, contracts: 1, fee_per_contract: 0.65 },
    initCash: 10_000,
  } as const;
  const t = stressTest(options(), opts);
  const row = (s: string) =>
    t.filter(pl.col("scenario").eq(pl.lit(s))).toRecords()[0] as Record<string, number & string>;
  // one round trip: 2 orders × 0.65 more when doubled
  assert.ok(Math.abs(row("baseline").final_value - row("fees_x2").final_value - 1.3) < 1e-9);
  assert.equal(row("fees_x2").note, "doubled: fees, fixedFees, fee_per_contract");
  assert.equal(
    row("slippage_x2").note,
    "slippage is 0: scaling it changes nothing; set slippageBps",
  );
  // option prices never make a regime: without spot in the frame the rows say what is missing
  assert.equal(row("regime_bear").note, "no underlying price (spot) in the data");
  assert.equal(row("regime_high_vix").note, "no vix column in the data");
  const free = stressTest(options(), { ...opts, params: { ...opts.params, fee_per_contract: 0 } });
  assert.match(
    free.filter(pl.col("scenario").eq(pl.lit("fees_x2"))).getColumn("note").get(0),
    /^every fee is 0: doubling changes nothing/,
  );
});

Deno.test("stressTest() regimes of an option strategy come from spot; an empty one says so", () => {
  const f = options().withColumns(pl.lit(600).alias("spot"), pl.lit(15).alias("vix_close"));
  const t = stressTest(f, {
    strategy: "scanner_calls",
    params: { take_profit: 0.5, stop_loss: 0.25, contracts: 1 },
    initCash: 10_000,
    regimeLookbackBars: 2,
  });
  const notes = Object.fromEntries(
    (t.select("scenario", "bars", "note").rows() as [string, number, string][]).map((
      [s, b, n],
    ) => [s, [b, n]]),
  );
  // a flat underlying: every bar after the look-back is "range", none "bear", VIX 15 < 25
  assert.deepEqual(notes.regime_bear, [0, "no bars in this regime"]);
  assert.equal(notes.regime_range[1], "regime from the underlying");
  assert.ok((notes.regime_range[0] as number) > 0);
  assert.deepEqual(notes.regime_high_vix, [0, "no bars in this regime"]);
});
