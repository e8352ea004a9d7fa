/**
 * The most recent run record of a kind.
 *
 * @module
 */
import {
  listRunRecords,
  type ListRunRecordsOptions,
  type RunRecordEntry,
} from "./list_run_records.ts";

/** Options for {@linkcode latestRunRecord}: the filters of `listRunRecords`. */
export type LatestRunRecordOptions = ListRunRecordsOptions;

/**
 * The newest run record under `<dataDir>/runs` that passes the filters (by
 * `timings.startedAt`, ties broken by run id), or null when there is none.
 *
 * @param dataDir The data folder (the one holding `lake/` and `runs/`).
 * @param options Filters by task, status and outputs.
 * @returns The record and its path, or null.
 * @throws {TypeError} When a record is not valid (names the file).
 *
 * @example
 * ```ts
 * import { latestRunRecord } from "./latest_run_record.ts";
 * import { equal } from "node:assert/strict";
 * equal(await latestRunRecord("/nonexistent-strikelab-data", { tasks: ["backfill"] }), null);
 * ```
 */
export async function latestRunRecord(
  dataDir: string,
  options: LatestRunRecordOptions = {},
): Promise<RunRecordEntry | null> {
  const all = await listRunRecords(dataDir, options);
  return all.length === 0 ? null : all[all.length - 1];
}
