// Option-strategy sweeps: 1,000 iron-condor parameter sets over a simulated month (21
// sessions, every minute) of a whole 0DTE SPY chain priced by Black–Scholes on a seeded path
// (tests/backtest/options/_chain.ts pricedChain: every strike within ±halfWidth dollars of
// the open, every contract trading every minute — the worst case for the kernel). Growth with
// the chain width (strikes per side) and with the number of combos.
import { sweepOptionStrategy, toOptionChain } from "@lib/backtest/mod.ts";
import { tradingDays } from "@lib/calendar/mod.ts";
import { pricedChain } from "../backtest/options/_chain.ts";

const dates = tradingDays("2025-03-03", "2025-03-31"); // 21 sessions
const base = {
  structure: "iron_condor",
  dte: 0,
  entry: { time: "10:00" },
  exit: { stopLoss: 2 },
  feePerContract: 0.65,
} as const;
const delta = [0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3, 0.35];
const grid1000 = {
  delta,
  wingWidth: [1, 2, 3, 5, 10],
  "entry.time": ["09:45", "10:00", "11:00", "13:00"],
  "exit.profitTarget": [0, 0.25, 0.5, 0.75, 0.9],
};
const chains = new Map<number, ReturnType<typeof toOptionChain>>();
for (const halfWidth of [10, 20, 40]) {
  const t0 = performance.now();
  const table = pricedChain({ dates, halfWidth, expiries: [0], minutes: 390, seed: 5 });
  const t1 = performance.now();
  chains.set(halfWidth, toOptionChain(table));
  console.log(
    `chain ±${halfWidth} strikes: ${table.height} rows (${
      (halfWidth * 2 + 1) * 2
    } contracts a day); ` +
      `priced in ${((t1 - t0) / 1000).toFixed(1)} s, unwrapped in ${
        ((performance.now() - t1) / 1000).toFixed(2)
      } s`,
  );
}

for (const halfWidth of [10, 20, 40]) {
  Deno.bench({
    name: `1,000 iron condors, a month, chain ±${halfWidth} strikes`,
    group: "width",
    baseline: halfWidth === 40,
    n: 2,
    warmup: 1,
    fn() {
      sweepOptionStrategy(chains.get(halfWidth)!, { base, grid: grid1000 });
    },
  });
}

for (const combos of [10, 100, 1000]) {
  const grid: Record<string, Array<number | string>> = combos === 10
    ? { delta }
    : combos === 100
    ? { delta, wingWidth: grid1000.wingWidth, "entry.time": ["10:00", "13:00"] }
    : grid1000;
  Deno.bench({
    name: `${combos} iron condors, a month, chain ±40 strikes`,
    group: "combos",
    baseline: combos === 1000,
    n: combos === 1000 ? 2 : 5,
    warmup: 1,
    fn() {
      sweepOptionStrategy(chains.get(40)!, { base, grid });
    },
  });
}
