/**
 * Operating the lake: verify (hashes and parses every partition, repairs what is bad),
 * and the tools that read the lake without feeding it.
 *
 * @example
 * ```ts
 * import { verifyLake } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * const r = await verifyLake("/nonexistent-strikelab-lake");
 * equal(r.checked, 0);
 * equal(r.bad.length, 0);
 * ```
 *
 * @module
 */
export {
  type BadPartition,
  type Problem,
  verifyLake,
  type VerifyLakeOptions,
  type VerifyLakeResult,
} from "./verify_lake.ts";
export { repairLake, type RepairLakeOptions, type RepairLakeResult } from "./repair_lake.ts";
export { ALL_DATASETS, parseDatasets } from "./_lake_walk.ts";
export {
  formatSpace,
  lakeSpace,
  type LakeSpaceOptions,
  type SpaceGrouping,
  type SpaceLine,
} from "./lake_space.ts";
export {
  purge,
  PURGE_CATEGORIES,
  type PurgeCategory,
  type PurgeItem,
  type PurgeOptions,
  type PurgeResult,
} from "./purge.ts";
export { schemaReport } from "./schema_report.ts";
export {
  type CoverageGap,
  failureCause,
  type LakeHealth,
  lakeHealth,
  type LakeHealthOptions,
} from "./health.ts";
export {
  listWorkers,
  planWorkers,
  type PlanWorkersOptions,
  startWorkers,
  stopWorkers,
  type WorkerInfo,
  type WorkerPlan,
} from "./workers.ts";
