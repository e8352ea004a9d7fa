// No edge by construction (issue 19): over many seeds the default SMA crossover, RSI
// reversion and Bollinger breakout earn, before costs, what their market exposure earns,
// and buy-and-hold earns the configured drift. Fills at the next bar's open (the default).
import { ok } from "node:assert/strict";
import { dailySample, type EdgeSample, meanSe, minuteSample, STRATEGY_NAMES } from "./_edge.ts";

const SPY_DRIFT = 0.08; // the SPY profile's expected log-return per year (lib/sources/sim/_daily.ts)

function assertNoEdge(samples: EdgeSample[], what: string) {
  for (const s of STRATEGY_NAMES) {
    const { mean, se } = meanSe(samples.map((x) => x.excess[s]));
    ok(Math.abs(mean) < 2 * se, `${s} on ${what}: excess ${mean.toFixed(4)} ± ${se.toFixed(4)}`);
    ok(se > 0.001, `${s} on ${what}: the strategy traded (se ${se})`);
  }
}

Deno.test("sim: default strategies on a year of SPY minutes earn their exposure (8 seeds)", async () => {
  const samples: EdgeSample[] = [];
  for (let seed = 1000; seed < 1008; seed++) {
    samples.push(await minuteSample(seed, "2024-01-01", "2024-12-31"));
  }
  assertNoEdge(samples, "2024 minutes");
});

Deno.test("sim: default strategies on SPY daily bars earn their exposure, buy-and-hold the drift (30 seeds × 13 years)", () => {
  const samples: EdgeSample[] = [];
  for (let seed = 2000; seed < 2030; seed++) {
    samples.push(dailySample(seed, "2015-01-02", "2027-12-31"));
  }
  assertNoEdge(samples, "2015-2027 daily bars");
  const years = 13;
  const { mean, se } = meanSe(samples.map((x) => x.buyHold / years));
  ok(
    Math.abs(mean - SPY_DRIFT) < 2 * se,
    `buy-and-hold ${mean.toFixed(4)} ± ${se.toFixed(4)} a year`,
  );
  ok(se < 0.02, `the drift is pinned down: se ${se}`);
});
