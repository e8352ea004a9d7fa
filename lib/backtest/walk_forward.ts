// Walk-forward validation: re-optimise on each training window, trade the next one.
import pl from "nodejs-polars";
import { runWindow } from "./_window.ts";
import { accumulateEquity, N_STATS, S_BEST, S_CLOSED, S_WORST } from "./kernels/_stats.ts";
import { barsPerYear as inferBarsPerYear } from "./bars_per_year.ts";
import { asMarket, type Market, sliceMarket } from "./market.ts";
import { METRIC_COLUMNS, type Metrics, metricsFromStats } from "./metrics.ts";
import { getStrategy, resolveParams } from "./strategies/registry.ts";
import type { Params } from "./strategies/types.ts";
import { sweep, type SweepOptions } from "./sweep.ts";
import { foldWindows } from "./_folds.ts";

/** Options of {@linkcode walkForward}. */
export interface WalkForwardOptions extends Omit<SweepOptions, "closeAtEnd"> {
  /** Bars in each training window (the first one for `anchored`). */
  trainBars: number;
  /** Bars in each test window. */
  testBars: number;
  /** `rolling`: fixed-length training window; `anchored`: from bar 0. @default "rolling" */
  mode?: "rolling" | "anchored";
  /** Metric maximised in training (a `METRIC_COLUMNS` name). @default "sharpe" */
  metric?: string;
}

/** Folds, stitched out-of-sample equity and its metrics. */
export interface WalkForwardResult {
  /** One row per fold: bar and ts bounds, chosen parameters, train metric, test metrics. */
  folds: pl.DataFrame;
  /** Out-of-sample value per test bar (each fold starts with the previous fold's value). */
  equity: pl.DataFrame;
  /** Metrics of the stitched out-of-sample run. */
  metrics: Metrics;
}

/**
 * Walk-forward optimisation. Fold `k` tests bars `[s_k, s_k + testBars)` with
 * `s_k = trainBars + k·testBars`, after a {@linkcode sweep} over its training window
 * `[s_k − trainBars, s_k)` (rolling) or `[0, s_k)` (anchored), which ends before the test
 * window starts. The best combination by `metric` (NaN ranks last, ties to the first)
 * trades the test window, with indicator warm-up from the bars before it, starting flat
 * with the previous fold's final value and closing at the window's last close.
 */
export async function walkForward(
  data: pl.DataFrame | Market,
  options: WalkForwardOptions,
): Promise<WalkForwardResult> {
  const { trainBars, testBars, mode = "rolling", metric = "sharpe", ...rest } = options;
  const strategy = getStrategy(rest.strategy);
  const m = asMarket(data, strategy);
  if (!METRIC_COLUMNS.some(([, name]) => name === metric)) {
    throw new RangeError(`Cannot walk forward: unknown metric "${metric}"`);
  }
  const bpy = rest.barsPerYear ?? (m.nBars > 1 ? inferBarsPerYear(m.tsMs) : 252);
  const { strategy: _s, grid: _g, random: _r, fixed, workers: _w, barsPerYear: _b, ...sim } = rest;
  const windows = foldWindows(m.nBars, { trainBars, testBars, mode });
  const rows: Record<string, unknown>[] = [];
  const values: number[] = [], ts: number[] = [], foldOf: number[] = [];
  const stats = new Float64Array(N_STATS);
  stats[S_BEST] = -Infinity;
  stats[S_WORST] = Infinity;
  let cash = sim.initCash ?? 100_000;
  for (const [k, w] of windows.entries()) {
    const table = await sweep(sliceMarket(m, w.trainStart, w.trainEnd), {
      ...rest,
      barsPerYear: bpy,
    });
    const scores = table.getColumn(metric).toArray() as number[];
    let best = -1;
    scores.forEach((v, i) => {
      if (v === v && (best < 0 || v > scores[best])) best = i;
    });
    if (best < 0) best = 0;
    const p: Params = resolveParams(strategy, {
      ...fixed,
      ...pickRow(table, best, Object.keys(strategy.params)),
    });
    const { result } = runWindow(strategy, m, p, w.testStart, w.testEnd, {
      ...sim,
      initCash: cash,
      closeAtEnd: true,
      records: true,
    });
    const rec = result.records!, n = w.testEnd - w.testStart;
    for (let i = 0; i < n; i++) {
      values.push(rec.value[i]), ts.push(m.tsMs[w.testStart + i]), foldOf.push(k);
    }
    for (let j = S_CLOSED; j < N_STATS; j++) {
      const v = result.stats[j];
      stats[j] = j === S_BEST
        ? Math.max(stats[j], v)
        : j === S_WORST
        ? Math.min(stats[j], v)
        : stats[j] + v;
    }
    const test = metricsFromStats(result.stats, 0, { barsPerYear: bpy });
    rows.push({
      fold: k,
      ...w,
      train_from_ms: m.tsMs[w.trainStart],
      test_from_ms: m.tsMs[w.testStart],
      ...p,
      train_score: scores[best],
      ...snake(test),
    });
    cash = test.finalValue;
  }
  accumulateEquity(stats, 0, Float64Array.from(values), sim.initCash ?? 100_000, null, null);
  return {
    folds: pl.DataFrame(rows),
    equity: pl.DataFrame([
      pl.Series("ts", ts, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
      pl.Series("fold", foldOf, pl.Int64),
      pl.Series("value", values, pl.Float64),
    ]),
    metrics: metricsFromStats(stats, 0, { barsPerYear: bpy }),
  };
}

function pickRow(table: pl.DataFrame, row: number, names: string[]): Params {
  const out: Params = {};
  for (const n of names) {
    if (table.columns.includes(n)) out[n] = table.getColumn(n).get(row) as number;
  }
  return out;
}

function snake(m: Metrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, name] of METRIC_COLUMNS) out[`test_${name}`] = m[k];
  return out;
}
