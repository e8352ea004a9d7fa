import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  correlationMatrix,
  momentumPortfolio,
  periodStarts,
  riskParityWeights,
  rollingCorrelation,
  runBacktest,
  trailingCovariance,
} from "@lib/backtest/mod.ts";
import { tradingDays } from "@lib/calendar/mod.ts";

// Daily bars stamped at the New York open of each trading date.
const DAYS = tradingDays("2024-01-02", "2024-04-30");
const TS = DAYS.map((d) => Date.parse(`${d}T14:30:00Z`));

/** Three assets with different trends and volatilities (deterministic wiggles). */
function frame(): pl.DataFrame {
  const paths: Record<string, number[]> = {};
  const spec: [string, number, number][] = [["AAA", 0.002, 0.01], ["BBB", -0.001, 0.02], [
    "CCC",
    0.0005,
    0.005,
  ]];
  for (const [s, drift, vol] of spec) {
    let p = 100;
    paths[s] = TS.map((_, i) => (p *= 1 + drift + vol * Math.sin(1.7 * i + s.charCodeAt(0))));
  }
  return pl.DataFrame({
    ts: spec.flatMap(() => TS),
    symbol: spec.flatMap(([s]) => TS.map(() => s)),
    close: spec.flatMap(([s]) => paths[s]),
  });
}

Deno.test("periodStarts() marks the first trading day of each New York week and month", () => {
  const weekly = periodStarts(Float64Array.from(TS.slice(0, 12)), "weekly");
  assert.deepEqual(DAYS.slice(0, 12).filter((_, i) => weekly[i]), [
    "2024-01-08",
    "2024-01-16", // Monday 15th was MLK Day
  ]);
  const monthly = periodStarts(Float64Array.from(TS), "monthly");
  assert.deepEqual(DAYS.filter((_, i) => monthly[i]), ["2024-02-01", "2024-03-01", "2024-04-01"]);
});

Deno.test("momentum_portfolio holds the top 2 by trailing return at each month start, risk-parity sized", () => {
  const f = frame();
  const params = { lookback: 20, top: 2, rebalance: 1, sizing: 2, volWindow: 15, signal: 0 };
  const r = runBacktest(f, {
    strategy: "momentum_portfolio",
    params,
    execution: "close",
    initCash: 1e6,
  });
  // Recompute the plan by hand on the same closes.
  const symbols = ["AAA", "BBB", "CCC"], n = TS.length;
  const closes = Float64Array.from(
    symbols.flatMap((s) =>
      f.filter(pl.col("symbol").eq(pl.lit(s))).getColumn("close").toArray() as number[]
    ),
  );
  const monthStart = periodStarts(Float64Array.from(TS), "monthly");
  const expected: string[] = [];
  for (let i = 20; i < n; i++) {
    if (!monthStart[i]) continue;
    const ret = symbols.map((_, a) => closes[a * n + i] / closes[a * n + i - 20] - 1);
    const held = [0, 1, 2].sort((x, y) => ret[y] - ret[x] || x - y).slice(0, 2);
    const w = riskParityWeights(trailingCovariance(closes, n, held, i, 15), 2);
    expected.push(`${DAYS[i]} ${held.map((a, k) => `${symbols[a]}:${w[k].toFixed(6)}`).join(" ")}`);
  }
  assert.equal(expected.length, 3);
  // The first rebalance buys the held pair at their risk-parity weights of the $1M.
  const first = r.orders.head(2).toRecords();
  assert.equal(
    new Date(first[0].ts as number).toISOString().slice(0, 10),
    expected[0].slice(0, 10),
  );
  const got = first.map((o) =>
    `${o.symbol}:${((o.shares as number) * (o.price as number) / 1e6).toFixed(6)}`
  )
    .sort().join(" ");
  assert.equal(
    `${expected[0].slice(0, 10)} ${got}`,
    expected[0].split(" ").slice(0, 1).concat(
      expected[0].split(" ").slice(1).sort(),
    ).join(" "),
  );
  const book = r.orders.select("ts", "symbol", "side").toRecords();
  // Shared cash: the portfolio value never goes below zero and trades only on rebalance days.
  const rebalanceDays = new Set(expected.map((e) => e.slice(0, 10)));
  for (const o of book) {
    assert.ok(rebalanceDays.has(new Date(o.ts as number).toISOString().slice(0, 10)));
  }
});

Deno.test("momentum_portfolio's reversal signal picks the worst performers instead", () => {
  const f = frame();
  const base = { lookback: 20, top: 1, rebalance: 1, sizing: 0, volWindow: 15 };
  const mom = runBacktest(f, {
    strategy: momentumPortfolio,
    params: { ...base, signal: 0 },
    execution: "close",
  });
  const rev = runBacktest(f, {
    strategy: momentumPortfolio,
    params: { ...base, signal: 1 },
    execution: "close",
  });
  const firstBuy = (r: typeof mom) =>
    r.orders.filter(pl.col("side").eq(pl.lit("buy"))).getColumn("symbol").get(0);
  assert.notEqual(firstBuy(mom), firstBuy(rev));
  assert.equal(firstBuy(rev), "BBB"); // the falling asset
});

Deno.test("correlationMatrix() and rollingCorrelation() agree with hand-computed returns", () => {
  const f = frame();
  const m = correlationMatrix(f);
  assert.deepEqual(m.getColumn("symbol").toArray(), ["AAA", "BBB", "CCC"]);
  const aa = m.getColumn("AAA").toArray() as number[];
  assert.ok(Math.abs(aa[0] - 1) < 1e-12);
  // Rolling: the last window equals the covariance-derived correlation over the same returns.
  const roll = rollingCorrelation(f, { window: 10 });
  const ab = roll.filter(pl.col("pair").eq(pl.lit("AAA/BBB")));
  assert.equal(ab.height, TS.length - 10);
  const n = TS.length;
  const closes = Float64Array.from(
    ["AAA", "BBB"].flatMap((s) =>
      f.filter(pl.col("symbol").eq(pl.lit(s))).getColumn("close").toArray() as number[]
    ),
  );
  const c = trailingCovariance(closes, n, [0, 1], n - 1, 10);
  const last = ab.getColumn("correlation").get(ab.height - 1) as number;
  assert.ok(Math.abs(last - c[1] / Math.sqrt(c[0] * c[3])) < 1e-15);
  assert.deepEqual([...new Set(roll.getColumn("pair").toArray())], [
    "AAA/BBB",
    "AAA/CCC",
    "BBB/CCC",
  ]);
});
