// Parameter sweeps over all cores: indicators once, combos across Deno Workers.
import pl from "nodejs-polars";
import { type ChunkJob, evalCombos, N_METRICS } from "./_sweep_chunk.ts";
import { runWorkers } from "./_sweep_pool.ts";
import { barsPerYear as inferBarsPerYear } from "./bars_per_year.ts";
import { cartesian, type Combos, type GridSpec, randomCombos } from "./grid.ts";
import { asMarket, type Market } from "./market.ts";
import { METRIC_COLUMNS } from "./metrics.ts";
import { getStrategy, paramProblem, resolveParams, STRATEGIES } from "./strategies/registry.ts";
import type { Params, Strategy } from "./strategies/types.ts";
import type { SimulateOptions } from "./types.ts";

/** Options of {@linkcode sweep}. */
export interface SweepOptions extends Omit<SimulateOptions, "records"> {
  strategy: string | Strategy;
  /** Values per swept parameter (`[5, 10]`, `"5:50:5"`, `"5,10"`). */
  grid: GridSpec;
  /** Sample `n` combos of the grid (seeded) instead of all of them. */
  random?: { n: number; seed: number };
  /** Values of parameters not in the grid; the rest take defaults. */
  fixed?: Partial<Params>;
  /** Worker threads; 0 runs in this thread. @default navigator.hardwareConcurrency */
  workers?: number;
  /** @default inferred from `ts` */
  barsPerYear?: number;
}

/**
 * Backtests every parameter combination of `grid` and returns one row per combination:
 * the parameters, then every metric (snake_case, `METRIC_COLUMNS` order), averaged over
 * every portfolio of the run (a per-symbol strategy has one per symbol; with one portfolio
 * the metrics are its own), so that ranking by a metric weighs every symbol. Combinations that break the strategy's cross-parameter rule (e.g. RSI
 * `lower >= upper`) are left out; an out-of-range value throws. Each distinct indicator
 * is computed once, in this thread, and shared with the workers (SharedArrayBuffer);
 * workers evaluate chunks of combos and keep only metrics, so the results do not depend
 * on the number of workers and memory does not grow with the number of combos. Workers
 * need a built-in strategy; pass `workers: 0` for your own {@linkcode Strategy}.
 *
 * @throws {RangeError} For an unknown strategy, an out-of-range value or an empty frame.
 * @throws {TypeError} For a custom strategy with workers.
 */
export async function sweep(
  data: pl.DataFrame | Market,
  options: SweepOptions,
): Promise<pl.DataFrame> {
  const {
    strategy: s,
    grid,
    random,
    fixed = {},
    workers = navigator.hardwareConcurrency,
    barsPerYear,
    ...sim
  } = options;
  const strategy = getStrategy(s);
  const m = asMarket(data, strategy);
  const all = random === undefined ? cartesian(grid) : randomCombos(grid, random);
  const { combos, fixedParams } = validCombos(strategy, all, fixed);
  const indicators = new Map<string, Float64Array>();
  const shared = workers > 0;
  for (let k = 0; k < combos.count; k++) {
    for (const key of strategy.indicators(comboParams(combos, k, fixedParams))) {
      if (indicators.has(key)) continue;
      const v = strategy.indicator(key, m);
      indicators.set(key, shared ? toShared(v) : v);
    }
  }
  const job: ChunkJob = {
    strategy,
    market: m,
    indicators,
    names: combos.names,
    fixed: fixedParams,
    sim,
    barsPerYear: barsPerYear ?? (m.nBars > 1 ? inferBarsPerYear(m.tsMs) : 252),
  };
  let out: Float64Array;
  if (!shared) out = evalCombos(job, combos.values, 0, combos.count);
  else {
    if (STRATEGIES[strategy.name] !== strategy) {
      throw new TypeError(
        `Cannot sweep strategy "${strategy.name}" in workers: it is not built in; pass workers: 0`,
      );
    }
    out = await runWorkers(job, combos, workers);
  }
  const cols = combos.names.map((name, j) =>
    pl.Series(
      name,
      Float64Array.from({ length: combos.count }, (_, k) =>
        combos.values[k * combos.names.length + j]),
    )
  );
  METRIC_COLUMNS.forEach(([, name], c) => {
    cols.push(
      pl.Series(
        name,
        Float64Array.from({ length: combos.count }, (_, k) => out[k * N_METRICS + c]),
      ),
    );
  });
  return pl.DataFrame(cols);
}

function comboParams(c: Combos, k: number, fixed: Params): Params {
  const p = { ...fixed };
  c.names.forEach((name, j) => (p[name] = c.values[k * c.names.length + j]));
  return p;
}

/** Checks every grid value, drops combos that break the cross-parameter rule. */
function validCombos(strategy: Strategy, all: Combos, fixed: Partial<Params>) {
  const fixedParams = resolveParams(strategy, fixed);
  for (let j = 0; j < all.names.length; j++) {
    for (let k = 0; k < all.count; k++) {
      const problem = paramProblem(strategy, all.names[j], all.values[k * all.names.length + j]);
      if (problem !== null) throw new RangeError(`Cannot sweep ${strategy.name}: ${problem}`);
    }
  }
  const keep: number[] = [];
  for (let k = 0; k < all.count; k++) {
    if (strategy.check(comboParams(all, k, fixedParams)) === null) keep.push(k);
  }
  if (keep.length === 0) {
    throw new RangeError(
      `Cannot sweep ${strategy.name}: no combination satisfies its parameter rules`,
    );
  }
  const p = all.names.length, values = new Float64Array(keep.length * p);
  keep.forEach((k, r) => values.set(all.values.subarray(k * p, k * p + p), r * p));
  return { combos: { names: all.names, values, count: keep.length }, fixedParams };
}

function toShared(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
