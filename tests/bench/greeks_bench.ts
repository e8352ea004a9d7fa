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

const priceDelta = blackScholes({ ...inputs, vol, outputs: ["price", "delta"] });
Deno.bench({
  name: "blackScholes, price and delta only (outputs), reused columns, 1,000,000 rows",
  n: 30,
  warmup: 5,
  fn() {
    blackScholes({ ...inputs, vol, outputs: ["price", "delta"], out: priceDelta });
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
// (process.cpuUsage; best and median of several runs), which other processes on a busy
// machine disturb much less than wall time.
if (Deno.args.includes("--cpu")) {
  const { default: process } = await import("node:process");
  const measure = (runs: number, fn: () => void) => {
    const seconds: number[] = [];
    for (let k = 0; k < runs; k++) {
      const start = process.cpuUsage();
      fn();
      const used = process.cpuUsage(start);
      seconds.push((used.user + used.system) / 1e6);
    }
    seconds.sort((a, b) => a - b);
    return { best: seconds[0], median: seconds[runs >> 1] };
  };
  const report = (label: string, { best, median }: { best: number; median: number }) => {
    const rate = (s: number) => (N / s / 1e6).toFixed(2);
    console.log(
      `${label.padEnd(40)} ${rate(best)} million rows/s best (${
        (best * 1e3).toFixed(0)
      } ms CPU), ` +
        `${rate(median)} median (${(median * 1e3).toFixed(0)} ms)`,
    );
  };
  report("blackScholes, new columns:", measure(15, () => blackScholes({ ...inputs, vol })));
  report(
    "blackScholes, reused columns:",
    measure(15, () => blackScholes({ ...inputs, vol, out: reused })),
  );
  report(
    "blackScholes, price and delta, reused:",
    measure(
      15,
      () => blackScholes({ ...inputs, vol, outputs: ["price", "delta"], out: priceDelta }),
    ),
  );
  report("impliedVol:", measure(7, () => impliedVol({ ...inputs, price })));
}
