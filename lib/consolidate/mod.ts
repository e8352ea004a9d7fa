/**
 * The per-option-per-minute research table: option minutes aligned with their underlying,
 * VIX and news on the session minute grid, with indicators, implied vols, Greeks, causal
 * features and, separately, training targets.
 *
 * - {@linkcode consolidate}: the pure core, frames in, the flat table out.
 * - {@linkcode prepareTraining}: future option price and return at a horizon (labels).
 * - {@linkcode consolidateLake} / {@linkcode prepareTrainingLake}: the same for a date range
 *   of a lake root, written to the `consolidated` / `training` datasets.
 * - {@linkcode laggedPctChanges}: the causal lagged percentage changes used for features.
 *
 * Every column, its type and unit is listed in README `## Consolidation`.
 *
 * @example One option minute with its underlying, Greeks and training target
 * ```ts
 * import pl from "nodejs-polars";
 * import { consolidate, prepareTraining } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const at = (m: number) => new Date(Date.UTC(2025, 2, 3, 14, 30 + m)); // 09:30 New York + m
 * const minutes = [0, 1, 2, 3];
 * const underlying = pl.DataFrame({
 *   ts: minutes.map(at), open: [580, 581, 582, 583], high: [581, 582, 583, 584],
 *   low: [579, 580, 581, 582], close: [581, 582, 583, 584], volume: [1e5, 1e5, 1e5, 1e5],
 *   vwap: [580, 581, 582, 583],
 * });
 * const options = pl.DataFrame({
 *   ticker: minutes.map(() => "O:SPY250303C00582000"), ts: minutes.map(at),
 *   open: [1.5, 1.9, 2.4, 3.0], high: [1.6, 2.0, 2.5, 3.1], low: [1.5, 1.9, 2.4, 3.0],
 *   close: [1.6, 2.0, 2.5, 3.1], volume: [10, 12, 8, 20], vwap: [1.55, 1.95, 2.45, 3.05],
 *   trades: [3, 4, 2, 6],
 * });
 * const contracts = pl.DataFrame({
 *   ticker: ["O:SPY250303C00582000"], expiry: ["2025-03-03"], right: ["call"], strike: [582],
 *   multiplier: [100],
 * });
 * const table = consolidate({ underlying, options, contracts }, { rate: 0.045, dividendYield: 0.013 });
 * assert.equal(table.height, 4);
 * assert.deepEqual(table.getColumn("moneyness").toArray(), [582 / 581, 582 / 582, 582 / 583, 582 / 584]);
 * assert.ok((table.getColumn("delta").toArray() as number[]).every((d) => d > 0.4 && d < 1));
 * const training = prepareTraining(table, { horizonMin: 2, toleranceMin: 0 });
 * assert.deepEqual(training.getColumn("target_close").toArray(), [2.5, 3.1]);
 * ```
 *
 * @module
 */
export { consolidate, type ConsolidateInputs } from "./consolidate.ts";
export { consolidateDay, type ConsolidateDayOptions } from "./consolidate_day.ts";
export {
  consolidateLake,
  type ConsolidateLakeOptions,
  type ConsolidateLakeResult,
} from "./consolidate_lake.ts";
export {
  consolidateMissing,
  type ConsolidateMissingOptions,
  type ConsolidateMissingResult,
} from "./consolidate_missing.ts";
export {
  type ConsolidationStats,
  consolidationStats,
  type ConsolidationStatsOptions,
  type GroupNulls,
} from "./consolidation_stats.ts";
export { laggedPctChanges, type LaggedPctChangesOptions } from "./features.ts";
export { formatStats } from "./format_stats.ts";
export {
  CONSOLIDATE_DEFAULTS,
  type ConsolidateOptions,
  INDICATOR_DEFAULTS,
  type IndicatorOptions,
  type PrepareTrainingOptions,
  TRAINING_DEFAULTS,
} from "./options.ts";
export { prepareTraining, TARGET_COLUMNS } from "./prepare_training.ts";
export {
  prepareTrainingLake,
  type PrepareTrainingLakeOptions,
  type PrepareTrainingLakeResult,
  type TrainingStats,
} from "./prepare_training_lake.ts";
export type { LakeItem } from "./_lake_io.ts";
export { atmTermStructure, chainSnapshot, type ChainSnapshotOptions } from "./chain_snapshot.ts";
