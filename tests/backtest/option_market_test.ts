// toOptionMarket lanes, and scanner_calls through sweep, config, walk-forward and stress.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  optionsFromConfig,
  parseBacktestConfig,
  runBacktest,
  stressTest,
  sweep,
  toOptionMarket,
  walkForward,
} from "@lib/backtest/mod.ts";
import { at, type Bar, CALL, day, frameOf, PUT } from "./_options.ts";

const CALL5 = "O:SPY250305C00601000";

Deno.test("toOptionMarket() puts overlapping contract-days on separate lanes and reuses them", () => {
  const frame = frameOf([
    ...day(PUT, "2025-03-04", [[1, 2], [3, 2.1]]),
    ...day(CALL, "2025-03-04", [[0, 1], [2, 1.1]]),
    ...day(CALL5, "2025-03-05", [[0, 3]]),
  ]);
  const m = toOptionMarket(frame);
  assert.equal(m.nAssets, 2);
  assert.deepEqual(m.symbols, ["lane_0", "lane_1"]);
  assert.deepEqual(Array.from(m.tsMs), [
    at("2025-03-04", 0),
    at("2025-03-04", 1),
    at("2025-03-04", 2),
    at("2025-03-04", 3),
    at("2025-03-05", 0),
  ]);
  assert.deepEqual(m.segments!.symbol, [CALL, PUT, CALL5]);
  assert.deepEqual(m.segments!.date, ["2025-03-04", "2025-03-04", "2025-03-05"]);
  assert.deepEqual(Array.from(m.segments!.asset), [0, 1, 0]);
  // Lane 0: the call on day 1 (NaN where it did not trade), then the 03-05 call.
  assert.deepEqual(Array.from(m.close.subarray(0, 5)), [1, NaN, 1.1, NaN, 3]);
  assert.deepEqual(Array.from(m.close.subarray(5, 10)), [NaN, 2, NaN, 2.1, NaN]);
});

Deno.test("toOptionMarket() drops minutes without trades and names bad input", () => {
  const frame = frameOf(day(CALL, "2025-03-04", [[0, 1], [1, 1.1], [2, 1.2]]))
    .withColumns(pl.Series("volume", [10, 0, 5], pl.Float64));
  assert.deepEqual(Array.from(toOptionMarket(frame).close), [1, 1.2]);
  assert.throws(
    () => toOptionMarket(frame.drop("ticker")),
    new RangeError(
      'Cannot read the option frame: missing column "ticker" (it needs ticker, ts, open, high, low, close)',
    ),
  );
  const twice = frameOf(day(CALL, "2025-03-04", [[0, 1], [0, 1.1]]));
  assert.throws(
    () => toOptionMarket(twice),
    new RangeError(
      "Cannot read the option frame: two bars of O:SPY250304C00601000 at 2025-03-04T14:30:00.000Z",
    ),
  );
  assert.throws(
    () => runBacktest(pl.DataFrame({ ts: [1, 2], close: [1, 2] }), { strategy: "scanner_calls" }),
    /Cannot read the option frame: missing column "ticker"/,
  );
});

/** Two days of a call that pops and fades; the second pops higher. */
function twoDays(): pl.DataFrame {
  const pop = (peak: number): Bar[] => [
    [0, 1],
    [1, 1, 1.3, 1, 1.25],
    [2, 1.25, peak, 1.2, peak - 0.05],
    [3, peak - 0.1, peak - 0.1, 0.9, 0.95],
    [4, 0.95],
  ];
  return frameOf([...day(CALL, "2025-03-04", pop(1.5)), ...day(CALL5, "2025-03-05", pop(2.2))]);
}

Deno.test("sweep() runs scanner_calls over a grid with the same table in-thread and in workers", async () => {
  const grid = { threshold: "0.2,0.6", take_profit: [0.1, 0.5] };
  const opts = { strategy: "scanner_calls", grid, fixed: { stop_loss: 0.2 }, initCash: 10_000 };
  const inThread = await sweep(twoDays(), { ...opts, workers: 0 });
  const workers = await sweep(twoDays(), { ...opts, workers: 2 });
  assert.deepEqual(workers.toRecords(), inThread.toRecords());
  // threshold 0.2 triggers both days at 09:31 (+30%); 0.6 only day 2, at 09:32 (+120%).
  const row = (k: number) => inThread.row(k) as unknown as number[];
  const names = inThread.columns;
  const n = names.indexOf("n_trades"), fv = names.indexOf("final_value");
  assert.deepEqual([0, 1, 2, 3].map((k) => row(k)[n]), [2, 2, 1, 1]);
  // take_profit 0.1: bought at 1.25 each day, sold at 1.25 × 1.1 inside the next bar.
  assert.ok(Math.abs(row(0)[fv] - (10_000 + 2 * (100 * 0.125 - 1.3))) < 1e-9);
  // take_profit 0.5 (1.875): day 1 peaks at 1.5 and falls to the 1.00 stop; day 2 reaches 1.875.
  assert.ok(Math.abs(row(1)[fv] - (10_000 + (100 * -0.25 - 1.3) + (100 * 0.625 - 1.3))) < 1e-9);
  // threshold 0.6: bought at 09:33's open 2.10, stopped at 2.10 × 0.8 = 1.68 inside that bar.
  assert.ok(Math.abs(row(2)[fv] - (10_000 + 100 * (1.68 - 2.1) - 1.3)) < 1e-9);
});

Deno.test("parseBacktestConfig() takes choice names for scanner_calls parameters and grids", () => {
  const cfg = parseBacktestConfig({
    strategy: "scanner_calls",
    params: { reference: "rolling_low", right: "both" },
    grid: { direction: "up,down", threshold: [0.2, 0.3] },
  });
  assert.deepEqual(cfg.params, { reference: 1, right: 2 });
  assert.deepEqual(cfg.grid, { direction: [0, 1], threshold: [0.2, 0.3] });
  assert.equal(optionsFromConfig(cfg).sweep?.fixed?.reference, 1);
  assert.throws(
    () =>
      parseBacktestConfig({ strategy: "scanner_calls", params: { reference: "vwap" } }, "x.yaml"),
    new TypeError(
      'Cannot read backtest config from x.yaml:\n✖ reference must be one of open, rolling_low, rolling_high, got "vwap"\n  → at params.reference',
    ),
  );
});

Deno.test("walkForward() and stressTest() run scanner_calls on an option market", async () => {
  const frame = twoDays();
  const wf = await walkForward(frame, {
    strategy: "scanner_calls",
    grid: { take_profit: [0.1, 0.5] },
    trainBars: 5,
    testBars: 5,
    workers: 0,
    initCash: 10_000,
  });
  // One fold: trained on day 1 (0.1 wins: +12.5¢ against a stop), tested on day 2.
  assert.equal(wf.folds.height, 1);
  assert.equal(wf.folds.getColumn("take_profit").get(0), 0.1);
  assert.ok(Math.abs(wf.metrics.finalValue - (10_000 + 100 * 0.125 - 1.3)) < 1e-9);
  const st = stressTest(frame, { strategy: "scanner_calls", initCash: 10_000, crashBar: 6 });
  const scenarios = st.getColumn("scenario").toArray();
  assert.deepEqual(scenarios.slice(0, 4), ["baseline", "slippage_x2", "slippage_x3", "fees_x2"]);
  const fv = st.getColumn("final_value").toArray() as number[];
  assert.ok(fv[scenarios.indexOf("flash_crash")] < fv[0]);
});
