/**
 * The simulator's whole chains: one day of the listed SPY chain (20 expiries to 60 days,
 * strikes within ±15%: about 6,300 contracts) and of I:SPX (SPX and SPXW, about 6,500),
 * every bar made by `simChainBars` in one pass. `deno bench -A tests/bench/sim_chain_bench.ts`.
 *
 * @module
 */
import { simChainBars } from "../../lib/sources/sim/mod.ts";

let day = 0;
const DATES = ["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-10"];
// warm the per-(seed, symbol) daily series, as a run of many days has it
simChainBars("SPY", "2025-02-03");
simChainBars("I:SPX", "2025-02-03");

Deno.bench("simChainBars: a whole SPY chain day", { group: "chain" }, () => {
  // the dates cycle: the underlying's path is cached per (seed, symbol, date), as in a run
  simChainBars("SPY", DATES[day++ % DATES.length]);
});

Deno.bench("simChainBars: a whole I:SPX (SPX + SPXW) chain day", { group: "chain" }, () => {
  simChainBars("I:SPX", DATES[day++ % DATES.length]);
});
