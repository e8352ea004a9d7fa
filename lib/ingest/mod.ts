/**
 * Ingestion: backfill planning, validation and the resumable partition runner.
 *
 * @example
 * ```ts
 * import { planBackfill } from "./mod.ts";
 * import { createSimSource } from "../sources/sim/mod.ts";
 * import { equal } from "node:assert/strict";
 * const jobs = planBackfill(createSimSource(), {
 *   datasets: ["equity", "index"], symbols: ["SPY"], indices: ["I:VIX"],
 *   from: "2025-03-03", to: "2025-03-07",
 * });
 * equal(jobs.length, 10);
 * ```
 *
 * @module
 */
export { barsJob, newsJob, planBackfill, type PlanBackfillOptions } from "./plan.ts";
export { type CleanBars, cleanBars, type CleanBarsOptions } from "./validate.ts";
export {
  isDiskFull,
  type JobEvent,
  type JobOutput,
  type JobsSummary,
  type PartitionJob,
  runJobs,
  type RunJobsOptions,
  type WrittenPartition,
} from "./run_jobs.ts";
export { backfill, type BackfillOptions, type BackfillResult } from "./backfill.ts";
export { contractsJob, optionBarsJob, planOptions } from "./options.ts";
export { openFromLake } from "./open_from_lake.ts";
export { selectContracts, type Selection, type SelectionRules } from "./select_contracts.ts";
export {
  discoverContracts,
  type DiscoverContractsOptions,
  type Discovery,
} from "./discover_contracts.ts";
export { emptySummary, mergeSummaries } from "./backfill.ts";
export { missingPartitions, type MissingPartitionsOptions } from "./missing_partitions.ts";
export { fillMissing, type FillMissingOptions, type FillMissingResult } from "./fill_missing.ts";
export {
  rerunBackfill,
  type RerunBackfillOptions,
  type RerunnableRecord,
} from "./rerun_backfill.ts";
export { discoverDay } from "./discover_day.ts";
export {
  flatChainBarsJob,
  flatContractsJob,
  planFlatFiles,
  type PlanFlatFilesOptions,
} from "./flat_files.ts";
