/**
 * Backtesting: typed-array simulation kernels, a small portfolio API on Polars frames,
 * metrics, parameter sweeps across Deno Workers, and validation (walk-forward, stress
 * tests, bootstrap). No I/O: tasks and notebooks pass frames in and get frames back.
 *
 * Three layers, as in vectorbt: `simulate` (Float64Array/Int8Array in, accumulators and
 * records out), `runBacktest`/`sweep` (strategy by name, frame in, DataFrames out), and
 * the validation functions built on them. Fills happen at the next bar's open unless
 * `execution: "close"`; see `simulate` for the bar steps and `checkStops` for stop fills.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { runBacktest, sweep } from "./mod.ts";
 *
 * const close = [10, 9, 8, 9, 10, 11, 12, 11, 10, 9];
 * const frame = pl.DataFrame({ ts: close.map((_, i) => Date.UTC(2024, 0, 2 + i)), close });
 * const r = runBacktest(frame, { strategy: "sma_cross", params: { fast: 2, slow: 3 }, execution: "close" });
 * if (r.trades.height !== 1) throw new Error("expected one trade");
 * const table = await sweep(frame, { strategy: "sma_cross", grid: { fast: [2], slow: "3:4:1" }, workers: 0 });
 * if (table.height !== 2) throw new Error("expected two combos");
 * ```
 *
 * @module
 */
export { simulate } from "./simulate.ts";
export type {
  Execution,
  SimInput,
  SimRecords,
  SimResult,
  SimulateOptions,
  SizeType,
} from "./types.ts";
export { METRIC_COLUMNS, type Metrics, metricsFromStats, type MetricsOptions } from "./metrics.ts";
export { barsPerYear, type BarsPerYearOptions } from "./bars_per_year.ts";
export {
  asMarket,
  type Market,
  type Segments,
  sliceMarket,
  toMarket,
  type ToMarketOptions,
} from "./market.ts";
export { toOptionMarket } from "./option_market.ts";
export {
  backtestMarket,
  type BacktestResult,
  runBacktest,
  type RunBacktestOptions,
} from "./run_backtest.ts";
export { cartesian, type Combos, type GridSpec, parseAxis, randomCombos } from "./grid.ts";
export { sweep, type SweepOptions } from "./sweep.ts";
export { sweepHeatmap, type SweepHeatmapOptions } from "./sweep_heatmap.ts";
export { type BestCombo, bestCombo, type BestComboOptions } from "./best_combo.ts";
export { splitByDate, type SplitByDateOptions } from "./split_by_date.ts";
export { walkForward, type WalkForwardOptions, type WalkForwardResult } from "./walk_forward.ts";
export { stressTest, type StressTestOptions } from "./stress.ts";
export { bootstrapTrades, type BootstrapTradesOptions } from "./bootstrap_trades.ts";
export {
  type BacktestConfig,
  BacktestConfigSchema,
  backtestConfigSchema,
  parseBacktestConfig,
} from "./config.ts";
export { optionsFromConfig } from "./options_from_config.ts";
export { getStrategy, resolveParams, STRATEGIES } from "./strategies/registry.ts";
export type { Params, ParamSpec, PlanBuffers, Strategy } from "./strategies/types.ts";
export { smaCross } from "./strategies/sma_cross.ts";
export { rsiReversion } from "./strategies/rsi_reversion.ts";
export { bollingerBreakout } from "./strategies/bollinger_breakout.ts";
export { momentumRotation } from "./strategies/momentum_rotation.ts";
export {
  momentumPortfolio,
  periodStarts,
  REBALANCES,
  SIGNALS,
} from "./strategies/momentum_portfolio.ts";
export {
  equalWeights,
  inverseVolWeights,
  minVarianceWeights,
  riskParityWeights,
  sizeWeights,
  type Sizing,
  SIZINGS,
} from "./allocation/weights.ts";
export { correlationFromCovariance, trailingCovariance } from "./allocation/covariance.ts";
export { correlationMatrix, type CorrelationOptions, rollingCorrelation } from "./correlation.ts";
export { scannerCalls } from "./strategies/scanner_calls.ts";
export { encodeAxis, encodeParam, formatParam } from "./strategies/params.ts";
export { type BacktestRun, runBacktestJob } from "./run_backtest_job.ts";
export { backtestReportPage } from "./backtest_report_page.ts";
export { formatBacktestJob } from "./format_backtest_job.ts";
export {
  backfillHint,
  type BacktestData,
  type DataRequest,
  loadBacktestData,
} from "./_job_data.ts";
export * from "./options/mod.ts";
export {
  formatOptionBacktestJob,
  type OptionBacktestRequest,
  type OptionBacktestRun,
  runOptionBacktestJob,
} from "./run_option_backtest_job.ts";
