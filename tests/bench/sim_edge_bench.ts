// The larger no-edge run behind tests/sources/sim/no_edge_test.ts: 30 seeds × a year of
// SPY minutes, default SMA crossover, RSI reversion and Bollinger breakout, no costs; one
// iteration, printing mean ± standard error of (strategy − exposure × buy-and-hold)
// log-return. Slow (minutes on a loaded 2-core machine). Figures in docs/simulator.md.
import { meanSe, minuteSample, STRATEGY_NAMES } from "../sources/sim/_edge.ts";

Deno.bench("sim: no edge, 30 seeds × 2024 minutes", { n: 1, warmup: 0 }, async () => {
  const samples = [];
  for (let seed = 3000; seed < 3030; seed++) {
    samples.push(await minuteSample(seed, "2024-01-01", "2024-12-31"));
  }
  for (const s of STRATEGY_NAMES) {
    const { mean, se } = meanSe(samples.map((x) => x.excess[s]));
    console.log(`${s}: excess ${mean.toFixed(4)} ± ${se.toFixed(4)} (t ${(mean / se).toFixed(2)})`);
  }
  const { mean, se } = meanSe(samples.map((x) => x.buyHold));
  console.log(`buy-and-hold: ${mean.toFixed(4)} ± ${se.toFixed(4)} (drift 0.08)`);
});
