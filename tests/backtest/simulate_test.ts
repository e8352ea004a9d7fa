import assert from "node:assert/strict";
import { metricsFromStats, type SimInput, simulate } from "../../lib/backtest/mod.ts";

const f64 = (a: number[]) => Float64Array.from(a);
const i8 = (a: number[]) => Int8Array.from(a);
const cents = (got: number, want: number, what = "") =>
  assert.ok(Math.abs(got - want) < 0.005, `${what} ${got} != ${want}`);

// Four bars: open, high, low, close.
const bars = {
  nBars: 4,
  open: f64([10, 10, 11, 12.5]),
  high: f64([10, 11, 12, 13]),
  low: f64([10, 9.5, 10.5, 12]),
  close: f64([10, 11, 12, 13]),
};

Deno.test("simulate() fills at the next open with percent fees and slippage, to the cent", () => {
  const r = simulate(
    { ...bars, longEntries: i8([1, 0, 0, 0]), longExits: i8([0, 0, 1, 0]) },
    { initCash: 1000, fees: 0.01, slippageBps: 10, records: true },
  );
  const o = r.records!.orders, v = r.records!.value;
  assert.deepEqual([...o.bar.subarray(0, o.n)], [1, 3]);
  cents(o.price[0], 10.01, "buy price"); // 10 · (1 + 0.001)
  assert.ok(Math.abs(o.shares[0] - 98.91099) < 1e-5); // 1000 / 1.01 / 10.01
  cents(o.fees[0], 9.90, "buy fees"); // 1000 − 1000/1.01
  cents(o.price[1], 12.4875, "sell price"); // 12.5 · (1 − 0.001)
  cents(o.fees[1], 12.35, "sell fees");
  cents(v[0], 1000);
  cents(v[1], 1088.02);
  cents(v[2], 1186.93);
  cents(v[3], 1222.80);
  const t = r.records!.trades;
  assert.equal(t.n, 1);
  cents(t.pnl[0], 222.80, "trade pnl");
  cents(t.fees[0], 22.25, "trade fees");
});

Deno.test("simulate() charges fixed fees per order and sizes by shares or value", () => {
  const plan = { ...bars, longEntries: i8([1, 0, 0, 0]), longExits: i8([0, 0, 1, 0]) };
  const byShares = simulate(plan, {
    initCash: 1000,
    fixedFees: 5,
    sizeType: "shares",
    size: 10,
    execution: "close",
    records: true,
  });
  const rec = byShares.records!;
  cents(rec.cash[0], 895); // 1000 − 10·10 − 5
  cents(rec.value[2], 1010); // 895 + 10·12 − 5
  cents(rec.trades.pnl[0], 10); // (12 − 10)·10 − 2·5
  assert.ok(Math.abs(rec.trades.ret[0] - 0.1) < 1e-12); // pnl / entry value 100
  const byValue = simulate(plan, {
    initCash: 1000,
    sizeType: "value",
    size: 500,
    execution: "close",
    records: true,
  });
  assert.equal(byValue.records!.orders.shares[0], 50);
  cents(byValue.records!.value[3], 1000 + 50 * 2);
});

function stopRun(bar2: [number, number, number, number], stops: Record<string, number>) {
  const [o, h, l, c] = bar2;
  const input: SimInput = {
    nBars: 3,
    open: f64([10, 10, o]),
    high: f64([10, 11, h]),
    low: f64([10, 9.5, l]),
    close: f64([10, 10.5, c]),
    longEntries: i8([1, 0, 0]),
  };
  const r = simulate(input, { initCash: 1000, ...stops, records: true });
  const ord = r.records!.orders;
  return { n: ord.n, bar: ord.bar[1], price: ord.price[1], reason: ord.reason[1] };
}

Deno.test("simulate() fills a stop-loss at its level inside the bar and at the open on a gap", () => {
  assert.deepEqual(stopRun([9.5, 9.8, 8.5, 9.6], { stopLoss: 0.1 }), {
    n: 2,
    bar: 2,
    price: 9,
    reason: 1,
  });
  assert.deepEqual(stopRun([8, 8.2, 7.5, 8], { stopLoss: 0.1 }), {
    n: 2,
    bar: 2,
    price: 8,
    reason: 1,
  });
  // Entered at the open of bar 1 (10); bar 1's low of 9.5 does not reach 9.
  assert.equal(stopRun([9.5, 9.8, 9.2, 9.6], { stopLoss: 0.1 }).n, 1);
});

Deno.test("simulate() fills take-profit at its level or a gap open, and assumes the stop first", () => {
  assert.deepEqual(stopRun([11, 12.5, 10.8, 12], { takeProfit: 0.2 }), {
    n: 2,
    bar: 2,
    price: 12,
    reason: 2,
  });
  assert.deepEqual(stopRun([13, 13.5, 12.8, 13], { takeProfit: 0.2 }), {
    n: 2,
    bar: 2,
    price: 13,
    reason: 2,
  });
  const both = stopRun([10, 12.5, 8.5, 10], { stopLoss: 0.1, takeProfit: 0.2 });
  assert.deepEqual(both, { n: 2, bar: 2, price: 9, reason: 1 });
});

Deno.test("simulate() trails the stop from the highest price seen up to the previous bar", () => {
  // Peak after bar 1 is its high 11; level 11·0.9 = 9.9, reached by bar 2's low 9.8.
  const r = stopRun([10.5, 10.6, 9.8, 10], { trailingStop: 0.1 });
  assert.equal(r.reason, 3);
  assert.ok(Math.abs(r.price - 9.9) < 1e-12);
});

Deno.test("simulate() opens shorts and reverses on an opposite entry", () => {
  const r = simulate(
    {
      nBars: 3,
      close: f64([10, 9, 10]),
      longEntries: i8([0, 1, 0]),
      shortEntries: i8([1, 0, 0]),
    },
    { initCash: 1000, execution: "close", records: true },
  );
  const rec = r.records!;
  cents(rec.cash[0], 2000); // sold 100 short at 10
  cents(rec.value[1], 1100); // covered 100 at 9, then long 1100/9 shares at 9
  cents(rec.value[2], 1100 * 10 / 9);
  assert.equal(rec.trades.n, 2);
  assert.equal(rec.trades.direction[0], -1);
  cents(rec.trades.pnl[0], 100);
});

Deno.test("simulate() rebalances a cash-sharing group to target percents, sales first", () => {
  const r = simulate(
    {
      nBars: 3,
      close: f64([10, 12, 12, 20, 20, 22]),
      orders: f64([0.5, 0, NaN, 0.5, 1, NaN]),
      groupOf: Int32Array.from([0, 0]),
    },
    { initCash: 1000, sizeType: "targetPercent", execution: "close", records: true },
  );
  assert.equal(r.nGroups, 1);
  const rec = r.records!;
  cents(rec.value[0], 1000);
  cents(rec.value[1], 1100); // A: 50 shares 10 → 12; B: 25 shares flat
  cents(rec.cash[1], 0); // sold A for 600, bought 30 B for 600
  cents(rec.value[2], 55 * 22);
  assert.deepEqual([...rec.orders.shares.subarray(0, rec.orders.n)], [50, 25, -50, 30]);
});

Deno.test("simulate() keeps cash + position value = equity at every bar", () => {
  const n = 300, rand = lcg(7);
  const close = new Float64Array(n), le = new Int8Array(n), lx = new Int8Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    close[i] = p *= 1 + (rand() - 0.5) * 0.04;
    le[i] = rand() < 0.1 ? 1 : 0;
    lx[i] = rand() < 0.1 ? 1 : 0;
  }
  const r = simulate(
    { nBars: n, close, longEntries: le, longExits: lx },
    { fees: 0.001, fixedFees: 1, slippageBps: 5, stopLoss: 0.02, records: true },
  );
  const rec = r.records!, o = rec.orders;
  let pos = 0, k = 0;
  for (let i = 0; i < n; i++) {
    while (k < o.n && o.bar[k] === i) pos += o.shares[k++];
    const want = rec.cash[i] + pos * close[i];
    assert.ok(Math.abs(rec.value[i] - want) <= 1e-9 * want, `bar ${i}`);
  }
  assert.ok(o.n > 10);
});

Deno.test("simulate() streams the same metrics as the recorded equity and the group path", () => {
  const close = f64([10, 11, 9, 12, 13, 12, 14]);
  const le = i8([1, 0, 0, 1, 0, 0, 0]), lx = i8([0, 0, 1, 0, 0, 1, 0]);
  const single = simulate({ nBars: 7, close, longEntries: le, longExits: lx }, { fees: 0.01 });
  const grouped = simulate(
    {
      nBars: 7,
      close: f64([...close, ...close]),
      longEntries: i8([...le, 0, 0, 0, 0, 0, 0, 0]),
      longExits: i8([...lx, 0, 0, 0, 0, 0, 0, 0]),
      groupOf: Int32Array.from([0, 0]),
    },
    { fees: 0.01 },
  );
  assert.deepEqual(metricsFromStats(grouped.stats), metricsFromStats(single.stats));
});

Deno.test("simulate() never lets a later bar change an earlier one", () => {
  const rand = lcg(11);
  for (const execution of ["nextOpen", "close"] as const) {
    for (let trial = 0; trial < 20; trial++) {
      const n = 80, cut = 10 + Math.floor(rand() * 60);
      const make = (seedShift: number) => {
        const r2 = lcg(trial * 100 + seedShift);
        const o = new Float64Array(n),
          h = new Float64Array(n),
          l = new Float64Array(n),
          c = new Float64Array(n);
        const le = new Int8Array(n), lx = new Int8Array(n);
        let p = 50;
        for (let i = 0; i < n; i++) {
          const u = i < cut ? rand2(trial, i) : r2;
          o[i] = p * (1 + (u() - 0.5) * 0.02);
          c[i] = o[i] * (1 + (u() - 0.5) * 0.04);
          h[i] = Math.max(o[i], c[i]) * (1 + u() * 0.01);
          l[i] = Math.min(o[i], c[i]) * (1 - u() * 0.01);
          le[i] = u() < 0.15 ? 1 : 0;
          lx[i] = u() < 0.15 ? 1 : 0;
          p = c[i];
        }
        return simulate(
          { nBars: n, open: o, high: h, low: l, close: c, longEntries: le, longExits: lx },
          {
            execution,
            fees: 0.001,
            stopLoss: 0.01,
            trailingStop: 0.02,
            takeProfit: 0.03,
            records: true,
          },
        ).records!;
      };
      const a = make(1), b = make(2);
      assert.deepEqual(
        a.value.subarray(0, cut),
        b.value.subarray(0, cut),
        `${execution} trial ${trial}`,
      );
      const before = (r: typeof a) => {
        const k = Array.from(r.orders.bar.subarray(0, r.orders.n)).filter((x) => x < cut).length;
        return [r.orders.shares.subarray(0, k), r.orders.price.subarray(0, k)];
      };
      assert.deepEqual(before(a), before(b));
    }
  }
});

Deno.test("simulate() rejects inconsistent shapes and out-of-range options", () => {
  assert.throws(
    () => simulate({ nBars: 3, close: f64([1, 2]) }),
    new RangeError("Cannot simulate: close has 2 values, not a multiple of nBars 3"),
  );
  assert.throws(
    () => simulate({ nBars: 2, close: f64([1, 2]) }, { fees: 1.5 }),
    new RangeError("Cannot simulate: fees must be in [0, 1), got 1.5"),
  );
  assert.throws(
    () => simulate({ nBars: 2, close: f64([1, 2]) }, { stopLoss: -0.1 }),
    new RangeError("Cannot simulate: stopLoss must be in [0, 1), got -0.1"),
  );
});

/** Deterministic uniform [0, 1) generator (LCG) for property tests. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** The same stream for (trial, bar) in both runs of the look-ahead test. */
function rand2(trial: number, i: number): () => number {
  return lcg(trial * 1000 + i + 7);
}

Deno.test("simulate() closes every position at the open of forceExitBar", () => {
  const r = simulate(
    {
      nBars: 4,
      open: f64([10, 10, 7, 7]),
      close: f64([10, 10, 7, 7]),
      longEntries: i8([1, 0, 0, 0]),
    },
    { initCash: 1000, forceExitBar: 2, stopLoss: 0.5, records: true },
  );
  const o = r.records!.orders;
  assert.equal(o.n, 2);
  assert.deepEqual([o.bar[1], o.price[1], o.reason[1]], [2, 7, 5]);
  cents(r.records!.value[3], 700);
});

Deno.test("simulate() reads orders as shares, value, percent and targets, to the cent", () => {
  const close = f64([10, 12, 11]);
  const run = (
    sizeType: "shares" | "value" | "percent" | "targetShares" | "targetValue",
    o: number[],
  ) =>
    simulate({ nBars: 3, close, orders: f64(o) }, {
      initCash: 1000,
      sizeType,
      execution: "close",
      records: true,
    })
      .records!;
  const final = (r: ReturnType<typeof run>) => r.value[2];
  cents(final(run("shares", [5, NaN, -5])), 1005); // +5 @10, −5 @11
  cents(final(run("value", [100, NaN, -110])), 1010); // 10 shares @10, 10 @11
  cents(final(run("targetShares", [20, NaN, 0])), 1020);
  cents(final(run("targetValue", [300, NaN, 0])), 1030); // 30 shares @10, flat @11
  const pct = run("percent", [0.5, -0.5, NaN]); // 50 @10; then −0.5·1100/12 shares @12
  assert.equal(pct.orders.shares[0], 50);
  assert.ok(Math.abs(pct.orders.shares[1] + 550 / 12) < 1e-12);
  cents(pct.value[2], 500 + 550 + (50 - 550 / 12) * 11); // cash 500 + 550 from the sale
});
