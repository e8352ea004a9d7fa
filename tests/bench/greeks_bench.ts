// Benchmarks for lib/greeks on 1,000,000-row batches (one core). Run with
//   deno bench -A tests/bench/greeks_bench.ts
// rows/s = 1,000,000 / (time per iteration). Inputs: a seeded random mix of calls and puts,
// S 400–600, K within ±20% of S, T log-uniform from 1.2 days to 3.2 years, r 0–5%,
// q 0–2%, σ 5%–105%; the implied-vol batch prices those options first.
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { impliedVol } from "../../lib/greeks/implied_vol.ts";

const N = 1_000_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20240102);
const right = new Int8Array(N);
const spot = new Float64Array(N);
const strike = new Float64Array(N);
const tYears = new Float64Array(N);
const rate = new Float64Array(N);
const dividendYield = new Float64Array(N);
const vol = new Float64Array(N);
for (let i = 0; i < N; i++) {
  right[i] = rand() < 0.5 ? 1 : -1;
  spot[i] = 400 + 200 * rand();
  strike[i] = spot[i] * (0.8 + 0.4 * rand());
  tYears[i] = 10 ** (-2.5 + 3 * rand());
  rate[i] = 0.05 * rand();
  dividendYield[i] = 0.02 * rand();
  vol[i] = 0.05 + rand();
}
const inputs = { right, spot, strike, tYears, rate, dividendYield };
const { price } = blackScholes({ ...inputs, vol });

Deno.bench({
  name: "blackScholes: price + 9 Greeks, 1,000,000 rows",
  n: 30,
  warmup: 5,
  fn() {
    blackScholes({ ...inputs, vol });
  },
});

const reused = blackScholes({ ...inputs, vol });
Deno.bench({
  name: "blackScholes into reused columns (out), 1,000,000 rows",
  n: 30,
  warmup: 5,
  fn() {
    blackScholes({ ...inputs, vol, out: reused });
  },
});

Deno.bench({
  name: "impliedVol: 1,000,000 rows",
  n: 10,
  warmup: 3,
  fn() {
    impliedVol({ ...inputs, price });
  },
});

// `deno run -A tests/bench/greeks_bench.ts --cpu` measures the same batches in CPU time
// (process.cpuUsage, best of several runs), which other processes on a busy machine
// disturb much less than wall time.
if (Deno.args.includes("--cpu")) {
  const { default: process } = await import("node:process");
  const best = (runs: number, fn: () => void) => {
    let min = Infinity;
    for (let k = 0; k < runs; k++) {
      const start = process.cpuUsage();
      fn();
      const used = process.cpuUsage(start);
      min = Math.min(min, (used.user + used.system) / 1e6);
    }
    return min;
  };
  const bs = best(15, () => blackScholes({ ...inputs, vol }));
  const bsOut = best(15, () => blackScholes({ ...inputs, vol, out: reused }));
  const iv = best(6, () => impliedVol({ ...inputs, price }));
  const rate = (seconds: number) => `${(N / seconds / 1e6).toFixed(2)} million rows/s`;
  const cpu = (seconds: number) => `${(seconds * 1e3).toFixed(0)} ms CPU`;
  console.log(`blackScholes, new columns:    ${rate(bs)} (${cpu(bs)})`);
  console.log(`blackScholes, reused columns: ${rate(bsOut)} (${cpu(bsOut)})`);
  console.log(`impliedVol:                   ${rate(iv)} (${cpu(iv)})`);
}
