/**
 * `deno task backtest`: backtest a strategy on the lake — one run, a parameter sweep, and the
 * validations of the backtest config (walk-forward, stress test, bootstrap, split) — print
 * the metrics and write CSVs, metrics.json, an HTML report and the run record to
 * `data/runs/<run-id>/`.
 *
 * @module
 */
import { parse as parseYaml } from "yaml";
import { parseBacktestConfig, STRATEGIES } from "../lib/backtest/mod.ts";
import { ConfigError, mergeDeep } from "../lib/config/mod.ts";
import { printBacktest } from "./_backtest_print.ts";
import { runBacktestTask } from "./_backtest_run.ts";
import {
  intFlag,
  list,
  loadTaskConfig,
  numFlag,
  parseFlags,
  runTask,
  UsageError,
  useSecrets,
} from "./_task.ts";

const USAGE =
  `usage: deno task backtest --strategy NAME --symbol SPY --from YYYY-MM-DD --to YYYY-MM-DD [options]
       deno task backtest --config FILE.yaml [options overriding the file]

  --strategy NAME            ${Object.keys(STRATEGIES).sort().join(" | ")}
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

/** `k=v,k=v` → object; a piece without `=` continues the previous value (`fast=5,10`). */
function pairs(flag: string, value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, string> = {};
  let last = "";
  for (const piece of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = piece.indexOf("=");
    if (eq > 0) out[last = piece.slice(0, eq).trim()] = piece.slice(eq + 1).trim();
    else if (last !== "") out[last] += `,${piece}`;
    else throw new UsageError(`--${flag} expects name=value pairs, got "${value}"`);
  }
  return out;
}

function split2(flag: string, value: string | undefined): [string, string] | undefined {
  if (value === undefined) return undefined;
  const p = value.split(":");
  if (p.length !== 2 || !p[0] || !p[1]) {
    throw new UsageError(`--${flag} expects A:B, got "${value}"`);
  }
  return [p[0], p[1]];
}

async function readYaml(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new ConfigError([`--config ${path}: no such file`]);
    }
    throw e;
  }
  try {
    const v = parseYaml(text) ?? {};
    if (typeof v !== "object" || Array.isArray(v)) throw new Error("not a mapping");
    return v as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError([`--config ${path}: ${(e as Error).message}`], { cause: e });
  }
}

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    strategy: { type: "string" },
    symbol: { type: "string" },
    symbols: { type: "string" },
    underlying: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    params: { type: "string" },
    grid: { type: "string" },
    random: { type: "string" },
    seed: { type: "string" },
    metric: { type: "string" },
    "init-cash": { type: "string" },
    fees: { type: "string" },
    "fixed-fees": { type: "string" },
    "slippage-bps": { type: "string" },
    "stop-loss": { type: "string" },
    "take-profit": { type: "string" },
    "trailing-stop": { type: "string" },
    "size-type": { type: "string" },
    size: { type: "string" },
    execution: { type: "string" },
    "bars-per-year": { type: "string" },
    workers: { type: "string" },
    dataset: { type: "string" },
    "walk-forward": { type: "string" },
    "wf-mode": { type: "string" },
    stress: { type: "boolean" },
    bootstrap: { type: "string" },
    split: { type: "string" },
    top: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    console.log(USAGE);
    return 0;
  }
  const file = f.config === undefined ? {} : await readYaml(f.config);
  const wf = split2("walk-forward", f["walk-forward"]);
  const sp = split2("split", f.split);
  const random = intFlag("random", f.random);
  const flags = {
    strategy: f.strategy,
    dataset: f.dataset,
    symbols: list(f.symbol ?? f.symbols ?? f.underlying),
    from: f.from,
    to: f.to,
    params: pairs("params", f.params),
    grid: pairs("grid", f.grid),
    random: random === undefined ? undefined : { n: random, seed: intFlag("seed", f.seed) ?? 0 },
    metric: f.metric,
    initCash: numFlag("init-cash", f["init-cash"]),
    fees: numFlag("fees", f.fees),
    fixedFees: numFlag("fixed-fees", f["fixed-fees"]),
    slippageBps: numFlag("slippage-bps", f["slippage-bps"]),
    sizing: { type: f["size-type"], size: numFlag("size", f.size) },
    stops: {
      stopLoss: numFlag("stop-loss", f["stop-loss"]),
      takeProfit: numFlag("take-profit", f["take-profit"]),
      trailingStop: numFlag("trailing-stop", f["trailing-stop"]),
    },
    execution: f.execution,
    barsPerYear: numFlag("bars-per-year", f["bars-per-year"]),
    workers: intFlag("workers", f.workers),
    validation: {
      walkForward: wf && {
        trainBars: intFlag("walk-forward", wf[0]),
        testBars: intFlag("walk-forward", wf[1]),
        mode: f["wf-mode"],
      },
      bootstrap: f.bootstrap === undefined ? undefined : { n: intFlag("bootstrap", f.bootstrap) },
      split: sp && { validationFrom: sp[0], holdoutFrom: sp[1] },
    },
  };
  const raw = mergeDeep(file, prune(flags)) as Record<string, unknown>;
  if (f.stress) raw.validation = mergeDeep({ stress: {} }, raw.validation ?? {});
  if (raw.strategy === undefined) {
    throw new UsageError("--strategy (or a --config file) is required");
  }
  let cfg;
  try {
    cfg = parseBacktestConfig(raw, f.config ?? "the flags");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    throw new ConfigError(e.message.split("\n").slice(1), { cause: e });
  }
  if (!cfg.from || !cfg.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  if (cfg.validation.walkForward && !cfg.grid) {
    throw new UsageError("--walk-forward needs a --grid to re-optimise on each training window");
  }
  const top = intFlag("top", f.top) ?? 10;
  if (top < 1) throw new UsageError(`--top must be >= 1, got ${top}`);
  const config = await loadTaskConfig(undefined, {});
  useSecrets(config);
  const run = await runBacktestTask(config, cfg, ["deno", "task", "backtest", ...Deno.args]);
  printBacktest(run, top);
  return 0;
});

/** Drops undefined values and emptied objects so they do not override the file. */
function prune(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined && !(typeof p === "object" && p !== null && Object.keys(p).length === 0)) {
      out[k] = p;
    }
  }
  return out;
}
