// The friendly entry point: a frame and a strategy in, DataFrames of results out.
import type pl from "nodejs-polars";
import { indicatorCache, newPlanBuffers, runPlan } from "./_plan.ts";
import { equityFrame, metricsFrame, ordersFrame, tradesFrame } from "./_wrap.ts";
import { barsPerYear as inferBarsPerYear } from "./bars_per_year.ts";
import { asMarket, type Market } from "./market.ts";
import { type Metrics, metricsFromStats } from "./metrics.ts";
import { getStrategy, resolveParams } from "./strategies/registry.ts";
import type { Params, Strategy } from "./strategies/types.ts";
import type { SimResult, SimulateOptions } from "./types.ts";

/** Options of {@linkcode runBacktest}: the strategy, its parameters and the simulation. */
export interface RunBacktestOptions extends Omit<SimulateOptions, "records"> {
  /** A built-in strategy name (see `STRATEGIES`) or a {@linkcode Strategy}. */
  strategy: string | Strategy;
  /** Parameter values; missing ones take the strategy's defaults. */
  params?: Partial<Params>;
  /** Bars per year for annualisation. @default inferred from `ts` (see `barsPerYear`) */
  barsPerYear?: number;
}

/** Results of one backtest. Portfolios are symbols (signal strategies) or `portfolio`. */
export interface BacktestResult {
  strategy: string;
  params: Params;
  barsPerYear: number;
  /** Metrics of the first portfolio (the only one for a single-symbol frame). */
  summary: Metrics;
  /** One row per portfolio: `portfolio` then the metric columns. */
  metrics: pl.DataFrame;
  orders: pl.DataFrame;
  trades: pl.DataFrame;
  equity: pl.DataFrame;
}

/**
 * Runs `strategy` over a bar frame (see `toMarket` for its shape; option strategies take
 * option minutes, see `toOptionMarket`) and returns metrics, orders, trades and equity as
 * DataFrames. Fills at the next bar's open by default.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { runBacktest } from "./run_backtest.ts";
 * const close = [10, 9, 8, 9, 10, 11, 12, 11, 10, 9];
 * const ts = close.map((_, i) => Date.UTC(2024, 0, 2 + i));
 * const frame = pl.DataFrame({ ts, close });
 * const r = runBacktest(frame, { strategy: "sma_cross", params: { fast: 2, slow: 3 }, execution: "close" });
 * if (r.summary.nTrades !== 1) throw new Error("expected one trade");
 * ```
 * @throws {RangeError} For an empty frame, an unknown strategy or out-of-range parameters.
 */
export function runBacktest(
  frame: pl.DataFrame | Market,
  options: RunBacktestOptions,
): BacktestResult {
  return backtestMarket(asMarket(frame, getStrategy(options.strategy)), options);
}

/** {@linkcode runBacktest} on an already unwrapped {@linkcode Market}. */
export function backtestMarket(m: Market, options: RunBacktestOptions): BacktestResult {
  const { strategy: s, params, barsPerYear, ...sim } = options;
  const strategy = getStrategy(s);
  const p = resolveParams(strategy, params);
  const bpy = barsPerYear ?? (m.nBars > 1 ? inferBarsPerYear(m.tsMs) : 252);
  const res = runPlan(strategy, m, p, indicatorCache(strategy, m), newPlanBuffers(m), {
    ...sim,
    records: true,
  });
  return wrapResult(strategy.name, p, bpy, m, res, strategy.output === "signals");
}

/** Wraps a kernel result with records into a {@linkcode BacktestResult}. */
export function wrapResult(
  name: string,
  p: Params,
  bpy: number,
  m: Market,
  res: SimResult,
  perAsset: boolean,
): BacktestResult {
  const groups = perAsset ? m.symbols.map((s) => s || "portfolio") : ["portfolio"];
  const colName = (c: number) => groups[perAsset ? c : 0];
  const colAsset = (c: number) => c;
  const names = Array.from({ length: res.nCols }, (_, c) => colName(c));
  const all = groups.map((_, g) => metricsFromStats(res.stats, g, { barsPerYear: bpy }));
  const rec = res.records!;
  return {
    strategy: name,
    params: p,
    barsPerYear: bpy,
    summary: all[0],
    metrics: metricsFrame({ portfolio: groups }, all),
    orders: ordersFrame(rec, m, names, colAsset),
    trades: tradesFrame(rec, m, names, colAsset),
    equity: equityFrame(rec, m, groups),
  };
}
