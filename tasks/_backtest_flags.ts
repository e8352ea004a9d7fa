/**
 * The command line of `deno task backtest`: flags (and a backtest YAML given with
 * `--config`) merged into one raw backtest section for `parseBacktestConfig`.
 *
 * @module
 */
import { parse as parseYaml } from "yaml";
import { ConfigError, mergeDeep } from "../lib/config/mod.ts";
import { intFlag, list, numFlag, parseFlags, UsageError } from "./_task.ts";

/** What the command line asks for. */
export interface BacktestArgs {
  help: boolean;
  /** The backtest section: the YAML file's keys, overridden by the flags. */
  raw: Record<string, unknown>;
  /** Where the section came from, for messages. */
  source: string;
  /** Sweep rows printed. */
  top: number;
}

/** Parses the flags (and reads `--config`). */
export async function backtestArgs(args: string[]): Promise<BacktestArgs> {
  const { values: f } = parseFlags(args, {
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
  if (f.help) return { help: true, raw: {}, source: "", top: 0 };
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
  const top = intFlag("top", f.top) ?? 10;
  if (top < 1) throw new UsageError(`--top must be >= 1, got ${top}`);
  return { help: false, raw, source: f.config ?? "the flags", top };
}

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
