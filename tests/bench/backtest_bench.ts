// Benchmarks of the backtester on the reference sweep (../shared/data/reference/backtest):
// SMA crossover, fast 2..51 × slow 10..200 step 10 = 1,000 combos over 100,000 closes,
// fees 0.05%, execution at the signal bar's close. Stages reported separately.
import { metricsFromStats, simulate, smaCross, sweep } from "../../lib/backtest/mod.ts";
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
