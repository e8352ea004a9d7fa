import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  bootstrapTrades,
  type Market,
  runBacktest,
  splitByDate,
  stressTest,
  walkForward,
} from "../../lib/backtest/mod.ts";
import { foldWindows } from "../../lib/backtest/_folds.ts";
import { regimeMasks } from "../../lib/backtest/_regimes.ts";

function walk(n: number, seed: number, drift = 0): Market {
  let s = seed >>> 0, p = 100;
  const c = new Float64Array(n),
    o = new Float64Array(n),
    h = new Float64Array(n),
    l = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    o[i] = p;
    p *= 1 + drift + (s / 4294967296 - 0.5) * 0.03;
    c[i] = p;
    h[i] = Math.max(o[i], c[i]) * 1.003;
    l[i] = Math.min(o[i], c[i]) * 0.997;
  }
  const tsMs = Float64Array.from({ length: n }, (_, i) => Date.UTC(2020, 0, 1) + i * 86_400_000);
  return {
    nBars: n,
    nAssets: 1,
    symbols: ["W"],
    tsMs,
    open: o,
    high: h,
    low: l,
    close: c,
    extra: {},
  };
}

const wfOpts = {
  strategy: "sma_cross",
  grid: { fast: [3, 5, 8], slow: [15, 30] },
  trainBars: 300,
  testBars: 100,
  workers: 0,
  fees: 0.001,
} as const;

Deno.test("foldWindows() never trains on its own test window, rolling or anchored", () => {
  for (const mode of ["rolling", "anchored"] as const) {
    const folds = foldWindows(1_050, { trainBars: 300, testBars: 100, mode });
    assert.equal(folds.length, 8);
    for (const f of folds) {
      assert.ok(f.trainEnd <= f.testStart && f.trainStart < f.trainEnd && f.testStart < f.testEnd);
      if (mode === "rolling") assert.equal(f.trainEnd - f.trainStart, 300);
      else assert.equal(f.trainStart, 0);
    }
    assert.equal(folds.at(-1)!.testEnd, 1_050);
  }
});

Deno.test("walkForward() picks each fold's parameters without seeing its test window", async () => {
  const m = walk(1_000, 5);
  const base = await walkForward(m, wfOpts);
  assert.equal(base.folds.height, 7);
  const fast = base.folds.getColumn("fast").toArray();
  // Scramble fold 2's test window (bars 500..600): its choice, and all earlier ones, stay.
  const shaken = walk(1_000, 5);
  for (let i = 500; i < 600; i++) {
    for (const a of [shaken.open, shaken.high, shaken.low, shaken.close]) {
      a[i] *= 1 + 0.3 * Math.sin(i);
    }
  }
  const again = await walkForward(shaken, wfOpts);
  assert.deepEqual(again.folds.getColumn("fast").toArray().slice(0, 3), fast.slice(0, 3));
  assert.deepEqual(
    again.folds.getColumn("slow").toArray().slice(0, 3),
    base.folds.getColumn("slow").toArray().slice(0, 3),
  );
  // The stitched equity covers every test bar once and chains the folds' values.
  assert.equal(base.equity.height, 700);
  const v = base.equity.getColumn("value").toArray() as number[];
  assert.ok(Math.abs(base.metrics.finalValue - v.at(-1)!) < 1e-9);
  const last = base.folds.getColumn("test_final_value").toArray() as number[];
  assert.ok(Math.abs(last.at(-1)! - v.at(-1)!) < 1e-9);
});

Deno.test("stressTest() hurts with costs, flags regimes and forces exits in a crash", () => {
  const m = walk(800, 9, 0.0005);
  const t = stressTest(m, {
    strategy: "sma_cross",
    params: { fast: 5, slow: 20 },
    fees: 0.001,
    slippageBps: 5,
    regimeLookbackBars: 20,
  });
  const rows = Object.fromEntries(
    (t.toRecords() as Record<string, number & string>[]).map((r) => [r.scenario, r]),
  ) as Record<string, Record<string, number>>;
  assert.deepEqual(t.getColumn("scenario").toArray(), [
    "baseline",
    "slippage_x2",
    "slippage_x3",
    "fees_x2",
    "regime_bear",
    "regime_range",
    "regime_high_vix",
    "flash_crash",
  ]);
  assert.ok(rows.slippage_x2.final_value < rows.baseline.final_value);
  assert.ok(rows.slippage_x3.final_value < rows.slippage_x2.final_value);
  assert.ok(rows.fees_x2.final_value < rows.baseline.final_value);
  assert.ok(rows.regime_bear.bars > 0 && rows.regime_range.bars > 0);
  assert.ok(rows.regime_bear.bars + rows.regime_range.bars < 800);
  assert.equal(rows.regime_high_vix.bars, 0);
  assert.ok(Number.isNaN(rows.regime_high_vix.sharpe));
  assert.equal(rows.flash_crash.n_trades >= 1, true);
});

Deno.test("stressTest() regime rows compound the baseline's returns on the regime's bars only", () => {
  const m = walk(800, 9, 0.0005);
  const opts = { strategy: "sma_cross", params: { fast: 5, slow: 20 }, fees: 0.001 } as const;
  const t = stressTest(m, { ...opts, regimeLookbackBars: 20 });
  const value = runBacktest(m, opts).equity.getColumn("value").toArray() as number[];
  const masks = regimeMasks(m, { lookbackBars: 20, bearDrop: 0.05, rangeBand: 0.02, vixLevel: 25 });
  for (
    const [name, mask] of [["regime_bear", masks.bear], ["regime_range", masks.range]] as const
  ) {
    let w = 100_000, peak = w, dd = 0;
    value.forEach((v, i) => {
      if (mask![i] === 0) return;
      w *= v / (i === 0 ? 100_000 : value[i - 1]);
      peak = Math.max(peak, w);
      dd = Math.min(dd, w / peak - 1);
    });
    const row = t.filter(pl.col("scenario").eq(pl.lit(name))).toRecords()[0] as Record<
      string,
      number
    >;
    assert.ok(Math.abs(row.final_value - w) < 1e-6, name);
    assert.ok(Math.abs(row.total_return - (w / 100_000 - 1)) < 1e-12, name);
    assert.ok(Math.abs(row.max_drawdown - dd) < 1e-12, name);
  }
});

Deno.test("bootstrapTrades() brackets the trade statistics reproducibly", () => {
  const m = walk(1_500, 21);
  const frame = pl.DataFrame({
    ts: pl.Series("ts", Array.from(m.tsMs)).cast(pl.Int64).cast(pl.Datetime("ms")),
    open: Array.from(m.open),
    high: Array.from(m.high),
    low: Array.from(m.low),
    close: Array.from(m.close),
  });
  const r = runBacktest(frame, { strategy: "sma_cross", params: { fast: 3, slow: 12 } });
  const a = bootstrapTrades(r.trades, { n: 500, seed: 1 });
  const b = bootstrapTrades(r.trades, { n: 500, seed: 1 });
  assert.deepEqual(a.toRecords(), b.toRecords());
  for (
    const row of a.toRecords() as Array<
      { metric: string; estimate: number; lower: number; upper: number }
    >
  ) {
    assert.ok(row.lower <= row.estimate && row.estimate <= row.upper, row.metric);
  }
  const est = (name: string) =>
    (a.toRecords() as Array<{ metric: string; estimate: number }>).find((x) => x.metric === name)!
      .estimate;
  assert.ok(Math.abs(est("win_rate") - r.summary.winRate) < 1e-12);
  assert.ok(Math.abs(est("expectancy") - r.summary.expectancy) < 1e-6);
  assert.throws(
    () => bootstrapTrades(r.trades.head(0)),
    new RangeError("Cannot bootstrap trades: there is no closed trade"),
  );
});

Deno.test("splitByDate() puts every row in exactly one part", () => {
  const ts = Array.from({ length: 10 }, (_, i) => Date.UTC(2024, 0, 1 + i));
  const frame = pl.DataFrame({
    ts: pl.Series("ts", ts).cast(pl.Int64).cast(pl.Datetime("ms")),
    close: ts.map((_, i) => i),
  });
  const { train, validation, holdout } = splitByDate(frame, {
    validationFrom: "2024-01-05",
    holdoutFrom: "2024-01-08",
  });
  assert.deepEqual(train.getColumn("close").toArray(), [0, 1, 2, 3]);
  assert.deepEqual(validation.getColumn("close").toArray(), [4, 5, 6]);
  assert.deepEqual(holdout.getColumn("close").toArray(), [7, 8, 9]);
  assert.throws(
    () => splitByDate(frame, { validationFrom: "2024-01-05", holdoutFrom: "2024-02-01" }),
    new RangeError("Cannot split by date: the holdout part is empty"),
  );
});
