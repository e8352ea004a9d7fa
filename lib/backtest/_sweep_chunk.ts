// Evaluating a range of parameter combinations: shared by the sweep workers and workers: 0.
import { newPlanBuffers, runPlan } from "./_plan.ts";
import type { Market } from "./market.ts";
import { METRIC_COLUMNS, metricsFromStats } from "./metrics.ts";
import type { Params, Strategy } from "./strategies/types.ts";
import type { SimulateOptions } from "./types.ts";

export const N_METRICS = METRIC_COLUMNS.length;

/** What a chunk needs besides the combos themselves. */
export interface ChunkJob {
  strategy: Strategy;
  market: Market;
  indicators: Map<string, Float64Array>;
  names: string[];
  /** Parameters not swept (defaults and fixed values). */
  fixed: Params;
  sim: SimulateOptions;
  barsPerYear: number;
}

/**
 * Metrics of combos `from..to` of `values` (row-major, `names.length` per combo), each the
 * mean over every portfolio of the run (one per symbol for per-symbol strategies; NaN
 * values skipped), `N_METRICS` per combo in `METRIC_COLUMNS` order. Nothing but the
 * accumulators is kept per combo, so memory does not grow with the number of combos.
 */
export function evalCombos(job: ChunkJob, values: Float64Array, from: number, to: number) {
  const { strategy, market, indicators, names } = job;
  const out = new Float64Array((to - from) * N_METRICS);
  const buf = newPlanBuffers(market);
  const ind = (key: string) => {
    const v = indicators.get(key);
    if (v === undefined) {
      throw new RangeError(`Cannot sweep: indicator "${key}" was not precomputed`);
    }
    return v;
  };
  const p: Params = { ...job.fixed };
  const sim = { ...job.sim, records: false };
  for (let k = from; k < to; k++) {
    for (let j = 0; j < names.length; j++) p[names[j]] = values[k * names.length + j];
    const res = runPlan(strategy, market, p, ind, buf, sim);
    const o = (k - from) * N_METRICS, seen = new Float64Array(N_METRICS);
    for (let g = 0; g < res.nGroups; g++) {
      const m = metricsFromStats(res.stats, g, { barsPerYear: job.barsPerYear });
      for (let c = 0; c < N_METRICS; c++) {
        const v = m[METRIC_COLUMNS[c][0]];
        if (v === v) (out[o + c] += v), seen[c]++;
      }
    }
    for (let c = 0; c < N_METRICS; c++) out[o + c] = seen[c] > 0 ? out[o + c] / seen[c] : NaN;
  }
  return out;
}
