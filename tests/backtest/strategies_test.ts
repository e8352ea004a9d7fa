import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  bollingerBreakout,
  getStrategy,
  type Market,
  momentumRotation,
  type PlanBuffers,
  resolveParams,
  rsiReversion,
  runBacktest,
  smaCross,
} from "../../lib/backtest/mod.ts";

const ref = new URL("../../../shared/data/reference/indicators_reference.csv", import.meta.url);

function market(close: number[], tsMs?: number[]): Market {
  const c = Float64Array.from(close);
  const ts = Float64Array.from(tsMs ?? close.map((_, i) => Date.UTC(2024, 0, 2 + i)));
  return {
    nBars: c.length,
    nAssets: 1,
    symbols: ["X"],
    tsMs: ts,
    open: c,
    high: c,
    low: c,
    close: c,
    extra: {},
  };
}

function buffers(n: number): PlanBuffers {
  return {
    longEntries: new Int8Array(n),
    longExits: new Int8Array(n),
    orders: new Float64Array(n),
  };
}

function readReference() {
  const [head, ...rows] = Deno.readTextFileSync(ref).trim().split("\n");
  const names = head.split(",");
  const col = (name: string) => {
    const j = names.indexOf(name);
    return rows.map((r) => {
      const v = r.split(",")[j];
      return v === "" ? NaN : Number(v);
    });
  };
  return {
    close: col("close"),
    rsi: col("pd_rsi14_wilder_smaseed"),
    upper: col("pd_bb_upper_pop"),
    mid: col("pd_bb_middle"),
  };
}

Deno.test("rsi_reversion's RSI matches the Wilder SMA-seeded reference within 1e-9", () => {
  const r = readReference(), m = market(r.close);
  const got = rsiReversion.indicator("rsi:14", m);
  for (let i = 0; i < r.close.length; i++) {
    if (Number.isNaN(r.rsi[i])) assert.ok(Number.isNaN(got[i]), `bar ${i}`);
    else assert.ok(Math.abs(got[i] - r.rsi[i]) < 1e-9, `bar ${i}: ${got[i]} vs ${r.rsi[i]}`);
  }
});

Deno.test("bollinger_breakout's bands match the population-σ reference within 1e-9", () => {
  const r = readReference(), m = market(r.close);
  const mid = bollingerBreakout.indicator("sma:20", m),
    sd = bollingerBreakout.indicator("sd:20", m);
  for (let i = 19; i < r.close.length; i++) {
    assert.ok(Math.abs(mid[i] - r.mid[i]) < 1e-9, `mid ${i}`);
    assert.ok(Math.abs(mid[i] + 2 * sd[i] - r.upper[i]) < 1e-9, `upper ${i}`);
  }
});

Deno.test("sma_cross enters on the first bar above and exits on the first bar below", () => {
  const m = market([5, 4, 3, 4, 5, 6, 5, 4, 3]);
  const out = buffers(9);
  const cache = (k: string) => smaCross.indicator(k, m);
  smaCross.plan(m, { fast: 1, slow: 3 }, cache, out);
  // sma3: NaN NaN 4 3.667 4 5 5.333 5 4 ; close above from bar 3, below from bar 6
  assert.deepEqual([...out.longEntries], [0, 0, 0, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual([...out.longExits], [0, 0, 0, 0, 0, 0, 1, 0, 0]);
});

Deno.test("rsi_reversion enters when RSI crosses below lower and exits above upper", () => {
  const m = market([10, 11, 12, 11, 10, 9, 10, 11, 12, 13]);
  const out = buffers(10);
  rsiReversion.plan(
    m,
    { window: 2, lower: 30, upper: 70 },
    (k) => rsiReversion.indicator(k, m),
    out,
  );
  const rsi = rsiReversion.indicator("rsi:2", m);
  for (let i = 1; i < 10; i++) {
    assert.equal(out.longEntries[i], rsi[i - 1] > 30 && rsi[i] < 30 ? 1 : 0, `entry ${i}`);
    assert.equal(out.longExits[i], rsi[i - 1] < 70 && rsi[i] > 70 ? 1 : 0, `exit ${i}`);
  }
  assert.ok(out.longEntries.some((x) => x === 1) && out.longExits.some((x) => x === 1));
});

Deno.test("momentum_rotation holds the best trailing return from each month start", () => {
  const days = [
    Date.UTC(2024, 0, 29),
    Date.UTC(2024, 0, 30),
    Date.UTC(2024, 0, 31),
    Date.UTC(2024, 1, 1),
    Date.UTC(2024, 1, 2),
    Date.UTC(2024, 2, 1),
    Date.UTC(2024, 2, 4),
  ];
  const a = [10, 11, 12, 13, 13, 13, 13], b = [10, 10, 10, 10, 12, 16, 18];
  const frame = pl.DataFrame({
    ts: [...days, ...days],
    symbol: [...days.map(() => "AAA"), ...days.map(() => "BBB")],
    close: [...a, ...b],
  });
  const r = runBacktest(frame, {
    strategy: "momentum_rotation",
    params: { lookback: 2, top: 1 },
    execution: "close",
    initCash: 1000,
  });
  // Feb 1: AAA +18% (13/11) vs BBB 0% → AAA at 13; Mar 1: BBB +60% (16/10) vs AAA 0% → BBB at 16.
  const o = r.orders;
  assert.deepEqual(o.getColumn("symbol").toArray(), ["AAA", "AAA", "BBB"]);
  assert.deepEqual(o.getColumn("side").toArray(), ["buy", "sell", "buy"]);
  assert.ok(Math.abs(r.summary.finalValue - 1000 * 18 / 16) < 1e-9);
  assert.throws(
    () => runBacktest(frame, { strategy: "momentum_rotation", params: { lookback: 2, top: 3 } }),
    new RangeError("Cannot run momentum_rotation: top must be <= 2 symbols, got 3"),
  );
});

Deno.test("getStrategy() and resolveParams() reject unknown names and out-of-range values", () => {
  assert.throws(
    () => getStrategy("nope"),
    new RangeError(
      'Cannot find strategy "nope": known strategies are bollinger_breakout, momentum_portfolio, momentum_rotation, rsi_reversion, scanner_calls, sma_cross',
    ),
  );
  assert.throws(
    () => resolveParams(smaCross, { fast: 0 }),
    new RangeError("Cannot use strategy sma_cross: fast must be an integer in [1, 100000], got 0"),
  );
  assert.throws(
    () => resolveParams(rsiReversion, { lower: 80 }),
    new RangeError("Cannot use strategy rsi_reversion: lower must be < upper, got 80 >= 70"),
  );
  assert.throws(
    () => resolveParams(momentumRotation, { speed: 1 }),
    new RangeError(
      'Cannot use strategy momentum_rotation: unknown parameter "speed" (parameters: lookback, top)',
    ),
  );
  assert.deepEqual(resolveParams(smaCross, { fast: 5 }), { fast: 5, slow: 50 });
});
