/**
 * Finding run records under `<data dir>/runs`.
 *
 * @module
 */
import { readRunRecord, type StoredRunRecord } from "./read_run_record.ts";

/** Options for {@linkcode listRunRecords} and `latestRunRecord`. */
export interface ListRunRecordsOptions {
  /** Keep records of these tasks only (`backfill`, `scan`, …). @default every task */
  tasks?: readonly string[];
  /** Keep records with these statuses only. @default every status */
  statuses?: readonly StoredRunRecord["status"][];
  /** Keep only records that list at least one output. @default false */
  withOutputs?: boolean;
}

/** A run record and where it was read from. */
export interface RunRecordEntry {
  /** The record file, `<data dir>/runs/<run-id>/manifest.json`. */
  path: string;
  record: StoredRunRecord;
}

/**
 * The run records under `<dataDir>/runs`, oldest first: ordered by `timings.startedAt`,
 * then by run id. Folders without a `manifest.json` are passed over; a record that exists
 * but does not parse is an error, never skipped silently.
 *
 * @param dataDir The data folder (the one holding `lake/` and `runs/`).
 * @param options Filters by task, status and outputs.
 * @returns Matching records (empty when there is no `runs` folder).
 * @throws {TypeError} When a record is not valid (names the file).
 *
 * @example
 * ```ts
 * import { listRunRecords } from "./list_run_records.ts";
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(await listRunRecords("/nonexistent-strikelab-data"), []);
 * ```
 */
export async function listRunRecords(
  dataDir: string,
  options: ListRunRecordsOptions = {},
): Promise<RunRecordEntry[]> {
  const { tasks, statuses, withOutputs = false } = options;
  const runs = `${dataDir}/runs`;
  const out: RunRecordEntry[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(runs)];
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  for (const e of entries) {
    if (!e.isDirectory) continue;
    const path = `${runs}/${e.name}/manifest.json`;
    let record: StoredRunRecord;
    try {
      record = await readRunRecord(path);
    } catch (err) {
      if (err instanceof Deno.errors.NotFound) continue;
      throw err;
    }
    if (tasks && !tasks.includes(record.task)) continue;
    if (statuses && !statuses.includes(record.status)) continue;
    if (withOutputs && record.outputs.length === 0) continue;
    out.push({ path, record });
  }
  const order = (r: StoredRunRecord) => `${r.timings.startedAt}\u0000${r.runId}`;
  return out.sort((a, b) => (order(a.record) < order(b.record) ? -1 : 1));
}
