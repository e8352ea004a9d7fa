// From a parsed config section to the options of the library calls.
import type { BacktestConfig } from "./config.ts";
import type { RunBacktestOptions } from "./run_backtest.ts";
import type { StressTestOptions } from "./stress.ts";
import type { SweepOptions } from "./sweep.ts";
import type { WalkForwardOptions } from "./walk_forward.ts";

/**
 * Maps a {@linkcode BacktestConfig} onto the options of `runBacktest`, `sweep` (when the
 * config has a grid), `walkForward` (grid and `validation.walkForward`) and `stressTest`
 * (`validation.stress`), so a task only loads data and calls them.
 */
export function optionsFromConfig(cfg: BacktestConfig) {
  const run: RunBacktestOptions = {
    strategy: cfg.strategy,
    params: cfg.params,
    initCash: cfg.initCash,
    fees: cfg.fees,
    fixedFees: cfg.fixedFees,
    slippageBps: cfg.slippageBps,
    sizeType: cfg.sizing.type,
    size: cfg.sizing.size,
    stopLoss: cfg.stops.stopLoss,
    takeProfit: cfg.stops.takeProfit,
    trailingStop: cfg.stops.trailingStop,
    execution: cfg.execution,
    barsPerYear: cfg.barsPerYear,
  };
  const { strategy, params: _p, ...sim } = run;
  const sweep: SweepOptions | undefined = cfg.grid === undefined ? undefined : {
    ...sim,
    strategy,
    grid: cfg.grid,
    random: cfg.random,
    fixed: cfg.params,
    workers: cfg.workers,
  };
  const wf = cfg.validation.walkForward;
  const walkForward: WalkForwardOptions | undefined = sweep === undefined || wf === undefined
    ? undefined
    : { ...sweep, ...wf, metric: cfg.metric };
  const st = cfg.validation.stress;
  const stress: StressTestOptions | undefined = st === undefined ? undefined : { ...run, ...st };
  return {
    run,
    sweep,
    walkForward,
    stress,
    bootstrap: cfg.validation.bootstrap === undefined
      ? undefined
      : { ...cfg.validation.bootstrap, initCash: cfg.initCash },
    split: cfg.validation.split,
  };
}
