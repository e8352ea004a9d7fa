/**
 * `deno task backtest`: backtest a strategy on the lake — one run, a parameter sweep, and the
 * validations of the backtest config (walk-forward, stress test, bootstrap, split) — print
 * the metrics and write CSVs, metrics.json, an HTML report and the run record to
 * `data/runs/<run-id>/`.
 *
 * @module
 */
import { parseBacktestConfig, STRATEGIES, STRUCTURE_NAMES } from "../lib/backtest/mod.ts";
import { ConfigError } from "../lib/config/mod.ts";
import { backtestArgs } from "./_backtest_flags.ts";
import { printBacktest } from "./_backtest_print.ts";
import { optionBacktest } from "./_option_backtest.ts";
import { runBacktestTask } from "./_backtest_run.ts";
import { loadTaskConfig, runTask, UsageError, useSecrets } from "./_task.ts";

const USAGE =
  `usage: deno task backtest --strategy NAME --symbol SPY --from YYYY-MM-DD --to YYYY-MM-DD [options]
       deno task backtest --config FILE.yaml [options overriding the file]

  --strategy NAME            ${Object.keys(STRATEGIES).sort().join(" | ")}
                             or an option structure: ${STRUCTURE_NAMES.join(" | ")}
                             (consolidated table; --params short_delta=0.1,wing_width=5,entry_time=10:00,
                             see docs/strategies.md)
  --symbol SPY,QQQ           symbols of equity_minute (bar strategies; default from config)
  --underlying SPY           underlyings whose option minutes are read (option strategies)
  --from, --to YYYY-MM-DD    trading dates, inclusive
  --params k=v,k=v           strategy parameters (others take their defaults)
  --grid k=spec,k=spec       sweep: spec is from:to:step or a list (fast=5:50:5,slow=20,50,100)
  --random N [--seed S]      sweep N combinations of the grid drawn at random (seeded)
  --metric NAME              metric that picks the best combination (default sharpe)
  --init-cash X --fees F --fixed-fees X --slippage-bps B
  --stop-loss F --take-profit F --trailing-stop F   stops, fractions (bar strategies)
  --size-type percent|value|shares --size X         entry size (bar strategies)
  --execution nextOpen|close --bars-per-year N --workers N
  --dataset D                auto | equity_minute | option_minute | consolidated
  --walk-forward TRAIN:TEST  walk-forward with these window lengths in bars (needs --grid)
  --wf-mode rolling|anchored
  --stress                   stress scenarios (costs, regimes, flash crash)
  --bootstrap N              bootstrap confidence intervals of the trades (N resamples)
  --split VAL_FROM:HOLD_FROM train / validation / holdout at two dates (sweeps use train)
  --top N                    rows of a sweep printed (default 10)
  --config FILE              a backtest YAML file (see config/examples/*.yaml)`;

await runTask(USAGE, async () => {
  const { help, raw, source, top } = await backtestArgs(Deno.args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  if (raw.strategy === undefined) {
    throw new UsageError("--strategy (or a --config file) is required");
  }
  if ((STRUCTURE_NAMES as string[]).includes(String(raw.strategy))) {
    const config = await loadTaskConfig(undefined, {});
    useSecrets(config);
    return await optionBacktest(raw, config);
  }
  let cfg;
  try {
    cfg = parseBacktestConfig(raw, source);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    throw new ConfigError(e.message.split("\n").slice(1), { cause: e });
  }
  if (!cfg.from || !cfg.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  if (cfg.validation.walkForward && !cfg.grid) {
    throw new UsageError("--walk-forward needs a --grid to re-optimise on each training window");
  }
  const config = await loadTaskConfig(undefined, {});
  useSecrets(config);
  const run = await runBacktestTask(config, cfg, ["deno", "task", "backtest", ...Deno.args]);
  printBacktest(run, top);
  return 0;
});
