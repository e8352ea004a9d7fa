/**
 * `deno task backtest`: backtest a strategy on the lake — one run, a parameter sweep, and the
 * validations of the `backtest` config section (walk-forward, stress test, bootstrap, split)
 * — print the metrics and write CSVs, metrics.json, an HTML report and the run record to
 * `data/runs/<run-id>/`.
 *
 * @module
 */
import {
  formatBacktestJob,
  formatOptionBacktestJob,
  parseBacktestConfig,
  runBacktestJob,
  runOptionBacktestJob,
  STRUCTURE_NAMES,
} from "../lib/backtest/mod.ts";
import { ConfigError } from "../lib/config/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

/** `k=v,k=v` → object; a piece without `=` continues the previous value (`fast=5,10`). */
function pairs(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last = "";
  for (const piece of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = piece.indexOf("=");
    if (eq > 0) out[last = piece.slice(0, eq).trim()] = piece.slice(eq + 1).trim();
    else if (last !== "") out[last] += `,${piece}`;
    else throw new UsageError(`expected name=value pairs, got "${value}"`);
  }
  return out;
}

/** `A:B` → [A, B]. */
function two(flag: string, value: string): [string, string] {
  const p = value.split(":");
  if (p.length !== 2 || !p[0] || !p[1]) {
    throw new UsageError(`--${flag} expects A:B, got "${value}"`);
  }
  return [p[0], p[1]];
}

export const task = defineTask({
  name: "backtest",
  summary: "backtest a strategy on the lake: a run or a sweep, with its validations and report",
  example: [
    "deno task backtest --strategy iron_condor --underlyings SPY --from 2025-03-03 --to 2025-03-28 --params short_delta=0.1,wing_width=5,entry_time=10:00",
    "deno task backtest --strategy sma_cross --symbols SPY --from 2024-01-02 --to 2024-03-28 --grid fast=5:30:5,slow=40:200:40",
    "deno task backtest --config config/examples/walk_forward.yaml --from 2024-07-01",
  ],
  flags: {
    strategy: "backtest.strategy",
    symbols: "backtest.symbols",
    underlyings: "backtest.underlyings",
    from: "backtest.from",
    to: "backtest.to",
    params: { path: "backtest.params", metavar: "k=v,k=v", parse: pairs },
    grid: { path: "backtest.grid", metavar: "k=spec,k=spec", parse: pairs },
    random: "backtest.random.n",
    "random-seed": "backtest.random.seed",
    metric: "backtest.metric",
    "init-cash": "backtest.initCash",
    fees: "backtest.fees",
    "fixed-fees": "backtest.fixedFees",
    "slippage-bps": "backtest.slippageBps",
    "stop-loss": "backtest.stops.stopLoss",
    "take-profit": "backtest.stops.takeProfit",
    "trailing-stop": "backtest.stops.trailingStop",
    "size-type": "backtest.sizing.type",
    size: "backtest.sizing.size",
    execution: "backtest.execution",
    "bars-per-year": "backtest.barsPerYear",
    workers: "backtest.workers",
    dataset: "backtest.dataset",
    "walk-forward": {
      path: "backtest.validation.walkForward",
      metavar: "TRAIN:TEST",
      parse: (v) => {
        const [a, b] = two("walk-forward", v).map(Number);
        return { trainBars: a, testBars: b };
      },
    },
    "wf-mode": "backtest.validation.walkForward.mode",
    stress: { path: "backtest.validation.stress", type: "boolean", parse: () => ({}) },
    bootstrap: "backtest.validation.bootstrap.n",
    split: {
      path: "backtest.validation.split",
      metavar: "VAL_FROM:HOLD_FROM",
      parse: (v) => {
        const [validationFrom, holdoutFrom] = two("split", v);
        return { validationFrom, holdoutFrom };
      },
    },
    top: { type: "int", default: 10, help: "Rows of a sweep printed" },
  },
  required: ["backtest.strategy", "backtest.from", "backtest.to"],
  ranges: [["backtest.from", "backtest.to"]],
  check: (config, flags) => {
    if (config.backtest.validation.walkForward && !config.backtest.grid) {
      throw new UsageError("--walk-forward needs a --grid to re-optimise on each training window");
    }
    if ((flags.top as number) < 1) throw new UsageError(`--top must be >= 1, got ${flags.top}`);
  },
  run: async (ctx) => {
    const b = ctx.config.backtest;
    if ((STRUCTURE_NAMES as readonly string[]).includes(b.strategy!)) {
      // An option structure on the consolidated table (docs/strategies.md).
      const underlyings = b.underlyings ?? ctx.config.options.underlyings;
      if (underlyings.length !== 1) {
        throw new UsageError(
          `an option structure trades one underlying, got ${underlyings.join(", ")}`,
        );
      }
      const run = await runOptionBacktestJob(ctx.config, {
        structure: b.strategy!,
        underlying: underlyings[0],
        from: b.from!,
        to: b.to!,
        params: b.params,
      });
      for (const line of formatOptionBacktestJob(run)) ctx.say(line);
      return;
    }
    let cfg;
    try {
      cfg = parseBacktestConfig(ctx.config.backtest, "the backtest section");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      throw new ConfigError(e.message.split("\n").slice(1), { cause: e });
    }
    const run = await runBacktestJob(ctx.config, cfg, ctx);
    for (const line of formatBacktestJob(run, ctx.flags.top as number)) ctx.say(line);
  },
});

if (import.meta.main) await task.main();
