// American (Barone-Adesi–Whaley) pricing and implied vols beside the European kernels, on
// 1,000,000 SPY-like rows (one core). Run with
//   deno bench -A tests/bench/american_bench.ts
// rows/s = 1,000,000 / (time per iteration). Inputs: a seeded mix of calls and puts, S = 500,
// K within ±15%, 0–60 days to expiry (at least one minute), r = 5%, q = 1.3%, σ 10%–40%:
// a whole SPY chain's shape. The implied-vol batches invert the American prices.
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { impliedVol } from "../../lib/greeks/implied_vol.ts";
import { americanPrice } from "../../lib/greeks/american_price.ts";
import { americanImpliedVol } from "../../lib/greeks/american_implied_vol.ts";
import { mulberry32 } from "../../lib/random/mod.ts";

const N = 1_000_000;

const rand = mulberry32(20261208);
const right = new Int8Array(N);
const strike = new Float64Array(N);
const tYears = new Float64Array(N);
const vol = new Float64Array(N);
for (let i = 0; i < N; i++) {
  right[i] = rand() < 0.5 ? 1 : -1;
  strike[i] = Math.round(500 * (0.85 + 0.3 * rand()));
  tYears[i] = Math.max(1 / (365 * 1440), 60 * rand() / 365);
  vol[i] = 0.1 + 0.3 * rand();
}
const inputs = { right, spot: 500, strike, tYears, rate: 0.05, dividendYield: 0.013 };
const price = americanPrice({ ...inputs, vol });

Deno.bench("European price (blackScholes, price only), 1M rows", { group: "price" }, () => {
  blackScholes({ ...inputs, vol, outputs: ["price"] });
});
Deno.bench(
  "American price (Barone-Adesi–Whaley), 1M rows",
  { group: "price", baseline: true },
  () => {
    americanPrice({ ...inputs, vol });
  },
);
Deno.bench("European implied vol, 1M rows", { group: "iv" }, () => {
  impliedVol({ ...inputs, price });
});
Deno.bench("American implied vol, 1M rows", { group: "iv", baseline: true }, () => {
  americanImpliedVol({ ...inputs, price });
});
