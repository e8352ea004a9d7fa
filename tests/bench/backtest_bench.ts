// Benchmarks of the backtester on the reference sweep (../shared/data/reference/backtest):
// SMA crossover, fast 2..51 × slow 10..200 step 10 = 1,000 combos over 100,000 closes,
// fees 0.05%, execution at the signal bar's close. Stages reported separately.
import pl from "nodejs-polars";
import {
  metricsFromStats,
  runBacktest,
  scannerCalls,
  simulate,
  smaCross,
  sweep,
  toOptionMarket,
} from "../../lib/backtest/mod.ts";
import { session, tradingDays } from "../../lib/calendar/mod.ts";
import { referenceMarket } from "../backtest/_reference.ts";

const m = referenceMarket();
const FAST = Array.from({ length: 50 }, (_, k) => 2 + k);
const SLOW = Array.from({ length: 20 }, (_, k) => 10 + 10 * k);
const GRID = { fast: FAST, slow: SLOW };
const OPTS = { fees: 0.0005, execution: "close" as const, barsPerYear: 365 * 1440 };
const windows = [...new Set([...FAST, ...SLOW])];
const cache = new Map(windows.map((w) => [`sma:${w}`, smaCross.indicator(`sma:${w}`, m)]));
const ind = (k: string) => cache.get(k)!;
const n = m.nBars;

// 50 precomputed signal sets (10 MB), each simulated 20 times = 1,000 simulations.
const SETS = Array.from({ length: 50 }, (_, k) => {
  const out = {
    longEntries: new Int8Array(n),
    longExits: new Int8Array(n),
    orders: new Float64Array(0),
  };
  smaCross.plan(m, { fast: FAST[k], slow: SLOW[k % 20] }, ind, out);
  return out;
});

Deno.bench({
  name: "indicators: 65 distinct SMAs of 100k closes",
  group: "stages",
  n: 5,
  warmup: 1,
}, () => {
  for (const w of windows) smaCross.indicator(`sma:${w}`, m);
});

Deno.bench({
  name: "signals: 1,000 crossover pairs over 100k bars",
  group: "stages",
  n: 3,
  warmup: 1,
}, () => {
  const out = {
    longEntries: new Int8Array(n),
    longExits: new Int8Array(n),
    orders: new Float64Array(0),
  };
  for (const fast of FAST) for (const slow of SLOW) smaCross.plan(m, { fast, slow }, ind, out);
});

Deno.bench({
  name: "simulate + metrics: 1,000 runs of 100k bars, one core",
  group: "stages",
  n: 3,
  warmup: 1,
}, () => {
  for (let k = 0; k < 1000; k++) {
    const s = SETS[k % 50];
    const r = simulate({
      nBars: n,
      close: m.close,
      longEntries: s.longEntries,
      longExits: s.longExits,
    }, OPTS);
    metricsFromStats(r.stats, 0, { barsPerYear: OPTS.barsPerYear });
  }
});

for (const workers of [1, 2]) {
  Deno.bench({
    name: `sweep end to end, 1,000 combos, ${workers} worker(s)`,
    group: "sweep",
    n: 3,
    warmup: 1,
  }, async () => {
    await sweep(m, { strategy: "sma_cross", grid: GRID, ...OPTS, workers });
  });
}

// scanner_calls on synthetic option minutes: 21 sessions × 20 contracts × 390 minutes
// (163,800 bars), prices a seeded random walk with 2% minute moves (many 20% events).
function optionFrame(): pl.DataFrame {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const ticker: string[] = [], ts: number[] = [], o: number[] = [], h: number[] = [];
  const l: number[] = [], c: number[] = [];
  for (const date of tradingDays("2025-03-03", "2025-03-31")) {
    const open = session(date)!.openMs, yymmdd = date.slice(2).replaceAll("-", "");
    for (let k = 0; k < 20; k++) {
      let p = 0.5 + rand() * 3;
      const t = `O:SPY${yymmdd}${k % 2 ? "P" : "C"}${String(560 + k).padStart(5, "0")}000`;
      for (let m = 0; m < 390; m++) {
        const q = Math.max(0.01, p * (1 + (rand() - 0.5) * 0.04));
        ticker.push(t), ts.push(open + m * 60_000), o.push(p), c.push(q);
        h.push(Math.max(p, q) * (1 + rand() * 0.01)), l.push(Math.min(p, q) * (1 - rand() * 0.01));
        p = q;
      }
    }
  }
  return pl.DataFrame({
    ticker,
    ts: pl.Series("ts", ts).cast(pl.Datetime("ms")),
    open: o,
    high: h,
    low: l,
    close: c,
  });
}
const options = optionFrame();
const om = toOptionMarket(options);

Deno.bench({ name: "toOptionMarket: 163,800 option minutes", group: "options", n: 5 }, () => {
  toOptionMarket(options);
});

Deno.bench({ name: "scanner triggers: scan of 163,800 minutes", group: "options", n: 5 }, () => {
  scannerCalls.indicator("scan:0.2:0:0:0:2:0:2", om);
});

Deno.bench({ name: "scanner_calls: one run with records", group: "options", n: 5 }, () => {
  runBacktest(om, { strategy: "scanner_calls", params: { right: 2 } });
});

Deno.bench({
  name: "scanner_calls sweep: 5 thresholds × 4 targets, in-thread",
  group: "options",
  n: 3,
}, async () => {
  await sweep(om, {
    strategy: "scanner_calls",
    grid: { threshold: "0.1:0.5:0.1", take_profit: [0.25, 0.5, 1, 2] },
    fixed: { right: 2 },
    workers: 0,
  });
});
