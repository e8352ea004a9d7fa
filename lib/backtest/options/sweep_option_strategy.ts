// Sweeps and walk-forward of an option strategy over a grid of its options.
import pl from "nodejs-polars";
import { bestCombo } from "../best_combo.ts";
import { type OptionChain, toOptionChain } from "./_chain.ts";
import { kernelBuffers, runKernel } from "./_kernel.ts";
import { type OptionMetrics, optionMetrics } from "./_metrics.ts";
import { resolveOptions } from "./_resolve.ts";
import type { OptionStrategyOptions } from "./types.ts";

/** Options of {@linkcode sweepOptionStrategy}. */
export interface SweepOptionStrategyOptions {
  /** The strategy; grid values replace its options. */
  base: OptionStrategyOptions;
  /**
   * Values per option path: `delta`, `wingWidth`, `dte`, `entry.time` (`"10:00"`),
   * `exit.profitTarget`, `exit.stopLoss`, `size.contracts`… Times are tabled as HHMM numbers
   * (10:00 → 1000) so heatmaps and `bestCombo` can order them.
   */
  grid: Record<string, Array<number | string>>;
}

const clock = (v: number | string) => typeof v === "string" ? Number(v.replace(":", "")) : v;
const asClock = (v: number | string) =>
  typeof v === "number" ? `${Math.floor(v / 100)}:${String(v % 100).padStart(2, "0")}` : v;

/** `base` with `path` (dotted) set to `value`. */
function withPath(base: OptionStrategyOptions, path: string, value: number | string) {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  const keys = path.split(".");
  let at = out;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = path.endsWith(".time") ? asClock(value) : value;
  if (path.startsWith("size.")) out.size = { [keys[1]]: value };
  if (path === "delta" || path === "shortDelta") {
    delete out[path === "delta" ? "shortDelta" : "delta"];
  }
  return out as unknown as OptionStrategyOptions;
}

/** Every combination of `grid` applied to `base`, with its tabled values. */
export function optionCombos(
  base: OptionStrategyOptions,
  grid: Record<string, Array<number | string>>,
) {
  const names = Object.keys(grid);
  let combos: Array<{ values: number[]; options: OptionStrategyOptions }> = [{
    values: [],
    options: base,
  }];
  for (const name of names) {
    if (!(grid[name].length > 0)) throw new RangeError(`Cannot sweep: grid.${name} has no values`);
    combos = combos.flatMap((c) =>
      grid[name].map((v) => ({
        values: [...c.values, clock(v)],
        options: withPath(c.options, name, v),
      }))
    );
  }
  for (const c of combos) resolveOptions(c.options); // one clear message before any run
  return { names, combos };
}

/**
 * Runs every combination of `grid` on one chain (unwrapped once) and returns one row per
 * combination: the grid values, then the {@linkcode OptionMetrics} columns. Ranking by any
 * metric column (`bestCombo`) and heatmaps (`sweepHeatmap`) read this table as they read a
 * bar-strategy sweep.
 */
export function sweepOptionStrategy(
  data: pl.DataFrame | OptionChain,
  options: SweepOptionStrategyOptions,
): pl.DataFrame {
  const c: OptionChain = "rowStart" in data
    ? data as OptionChain
    : toOptionChain(data as pl.DataFrame);
  const { names, combos } = optionCombos(options.base, options.grid);
  const buffers = kernelBuffers(c);
  const rows: OptionMetrics[] = combos.map((k) => {
    const o = resolveOptions({ ...k.options, records: false });
    return optionMetrics(c, runKernel(c, o, 0, c.nMinutes, buffers), o.initCash);
  });
  return metricsTable(names, combos.map((k) => k.values), rows);
}

function metricsTable(names: string[], values: number[][], rows: OptionMetrics[]): pl.DataFrame {
  const keys = Object.keys(rows[0] ?? {}) as (keyof OptionMetrics)[];
  return pl.DataFrame([
    ...names.map((n, j) => pl.Series(n, values.map((v) => v[j]), pl.Float64)),
    ...keys.map((k) => pl.Series(k, rows.map((r) => r[k]), pl.Float64)),
  ]);
}

/** Options of {@linkcode optionWalkForward}. */
export interface OptionWalkForwardOptions extends SweepOptionStrategyOptions {
  /** Trading days each fold trains on. */
  trainDays: number;
  /** Trading days each fold tests on, right after its training days. */
  testDays: number;
  /** `rolling` windows, or `anchored` at the first day. @default "rolling" */
  mode?: "rolling" | "anchored";
  /** Metric maximised in training. @default "sharpe" */
  metric?: keyof OptionMetrics;
}

/**
 * Walk-forward: per fold, sweeps the grid on the training days, takes the best combination
 * by `metric` (with `bestCombo`'s stability score over its grid neighbours), and runs it on
 * the following test days, never seen in training. Each window starts with `initCash`.
 *
 * @returns One row per fold: `fold`, `train_from`, `train_to`, `test_from`, `test_to` (New
 * York dates), the chosen grid values, `train_<metric>`, `stability`, then the test window's
 * metrics prefixed `test_`.
 */
export function optionWalkForward(
  data: pl.DataFrame | OptionChain,
  options: OptionWalkForwardOptions,
): pl.DataFrame {
  const { trainDays, testDays, mode = "rolling", metric = "sharpe" } = options;
  if (
    !(Number.isInteger(trainDays) && trainDays >= 1 && Number.isInteger(testDays) && testDays >= 1)
  ) {
    throw new RangeError(
      `Cannot walk forward: trainDays and testDays must be whole numbers >= 1, got ${trainDays} and ${testDays}`,
    );
  }
  const c: OptionChain = "rowStart" in data
    ? data as OptionChain
    : toOptionChain(data as pl.DataFrame);
  const starts: number[] = [];
  for (let m = 0; m < c.nMinutes; m++) if (m === 0 || c.day[m] !== c.day[m - 1]) starts.push(m);
  starts.push(c.nMinutes);
  const nDays = starts.length - 1;
  if (nDays < trainDays + testDays) {
    throw new RangeError(
      `Cannot walk forward: ${nDays} trading days, fewer than trainDays + testDays = ${
        trainDays + testDays
      }`,
    );
  }
  const { names, combos } = optionCombos(options.base, options.grid);
  const buffers = kernelBuffers(c);
  const iso = (m: number) => new Date(c.day[m] * 86_400_000).toISOString().slice(0, 10);
  const out: Record<string, Array<number | string>> = {
    fold: [],
    train_from: [],
    train_to: [],
    test_from: [],
    test_to: [],
  };
  const push = (k: string, v: number | string) => (out[k] ??= []).push(v);
  for (let f = 0, d = trainDays; d + testDays <= nDays; f++, d += testDays) {
    const tr0 = starts[mode === "anchored" ? 0 : d - trainDays], tr1 = starts[d];
    const te0 = starts[d], te1 = starts[d + testDays];
    const train = combos.map((k) => {
      const o = resolveOptions({ ...k.options, records: false });
      return optionMetrics(c, runKernel(c, o, tr0, tr1, buffers), o.initCash, tr0, tr1);
    });
    const table = metricsTable(names, combos.map((k) => k.values), train);
    const finite = train.some((t) => Number.isFinite(t[metric]));
    const best = finite ? bestCombo(table, { metric, params: names }) : null;
    const pick = best === null
      ? 0
      : combos.findIndex((k) => names.every((n, j) => k.values[j] === best.params[n]));
    const o = resolveOptions({ ...combos[pick].options, records: false });
    const test = optionMetrics(c, runKernel(c, o, te0, te1, buffers), o.initCash, te0, te1);
    push("fold", f), push("train_from", iso(tr0)), push("train_to", iso(tr1 - 1));
    push("test_from", iso(te0)), push("test_to", iso(te1 - 1));
    names.forEach((n, j) => push(n, combos[pick].values[j]));
    push(`train_${metric}`, best?.value ?? NaN), push("stability", best?.stability ?? NaN);
    for (const [k, v] of Object.entries(test)) push(`test_${k}`, v);
  }
  return pl.DataFrame(out);
}
