/**
 * Run plumbing: logging with secret redaction, progress reporting, run records.
 *
 * @example
 * ```ts
 * import { progressLine } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(progressLine(1, 4, 390, 1000, "partitions"),
 *   "[######------------------] 1/4 partitions  390 rows/s  ETA 3s");
 * ```
 *
 * @module
 */
export { createLogger, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel } from "./log.ts";
export {
  createProgress,
  formatDuration,
  type Progress,
  progressLine,
  type ProgressOptions,
} from "./progress.ts";
export {
  codeRevision,
  type HashedItem,
  newRunId,
  type RunHooks,
  type RunRecord,
  type RunRecordParts,
  versions,
  writeRunRecord,
} from "./record.ts";
export {
  HashedItemSchema,
  readRunRecord,
  RunRecordSchema,
  type StoredRunRecord,
} from "./read_run_record.ts";
export {
  listRunRecords,
  type ListRunRecordsOptions,
  type RunRecordEntry,
} from "./list_run_records.ts";
export { latestRunRecord, type LatestRunRecordOptions } from "./latest_run_record.ts";
export { verifyRunHashes, type VerifyRunHashesOptions } from "./verify_run_hashes.ts";
export { compareHashes, type CompareHashesOptions } from "./compare_hashes.ts";
export {
  type EnvParams,
  envParams,
  type EnvParamsOptions,
  type ParamDefault,
} from "./env_params.ts";
export { peakRssMb, type RunPerf, startPerf } from "./perf.ts";
