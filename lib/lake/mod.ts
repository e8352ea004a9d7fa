/**
 * The Parquet lake: hive-style partitions
 * `<root>/<dataset>/<key>=<value>/date=YYYY-MM-DD/part-0.parquet` (zstd), atomic writes,
 * per-dataset manifests with row counts and SHA-256, quarantine files, and lazy scans.
 *
 * @example
 * ```ts
 * import { partitionFile } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(partitionFile({ dataset: "equity_minute", value: "SPY", date: "2025-03-03" }),
 *   "equity_minute/symbol=SPY/date=2025-03-03/part-0.parquet");
 * ```
 *
 * @module
 */
export {
  type Dataset,
  DATASET_KEYS,
  datasetKey,
  decodeValue,
  encodeValue,
  partitionDir,
  partitionFile,
  type PartitionId,
  partitionKey,
} from "./paths.ts";
export { Manifest, type ManifestEntry, ManifestEntrySchema } from "./manifest.ts";
export { partitionIntact, type QuarantinedRow, removeTempFiles, writePartition } from "./write.ts";
export { listPartitions, scan, type ScanByKeyOptions, scanLake, type ScanOptions } from "./scan.ts";
export {
  barsFrame,
  type ColumnSchema,
  contractsFrame,
  DATASET_SCHEMAS,
  newsFrame,
  schemaDrift,
} from "./schemas.ts";
export { writeFileAtomic } from "./_fsync.ts";
export { columnsFrame, frameColumns } from "./_frame_columns.ts";
export {
  encodeParquet,
  type ParquetColumn,
  type ParquetKind,
  type StringCodes,
} from "./_parquet_encode.ts";
export { PartitionSkipped, type PartitionSlice, PartitionWriter } from "./partition_writer.ts";
export { acquireLakeLock, LakeBusyError, type LakeLockOptions, processAlive } from "./lock.ts";
export { lakeCoverage, type LakeCoverageOptions } from "./lake_coverage.ts";
export { type DatasetSummary, lakeSummary, lakeSummaryFrame } from "./summary.ts";
export { commitTemp, tempPathFor } from "./_fsync.ts";
export {
  checkPartitionHashes,
  hashFile,
  nameBadParquet,
  parquetProblem,
  PartitionCorruptError,
  type ReadItem,
} from "./integrity.ts";
export { assertOutsideLake } from "./outside_lake.ts";
export { type ParquetSizes, parquetSizes } from "./parquet_footer.ts";
export {
  acceptBaseline,
  compareSchemas,
  type DriftEvent,
  frameColumnTypes,
  type IncomingSchema,
  jsonType,
  logDriftEvents,
  readBaselines,
  readDriftEvents,
  type SchemaBaselines,
} from "./schema_drift.ts";
export {
  type Built,
  built,
  canonicalJson,
  checkDerived,
  readProvenance,
  recordProvenance,
  staleDerived,
  StaleDerivedError,
} from "./provenance.ts";
