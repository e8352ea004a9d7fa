/**
 * Checking a run record's hashes against what is on disk now.
 *
 * @module
 */
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import { Manifest } from "../lake/mod.ts";
import { type Dataset, DATASET_KEYS } from "../lake/mod.ts";
import type { HashedItem } from "./record.ts";

/** Options for {@linkcode verifyRunHashes}. */
export interface VerifyRunHashesOptions {
  /** The data folder holding `lake/` and `runs/` (it may differ from the recorded one). */
  dataDir: string;
  /** Which list of the record to check. @default "outputs" */
  which?: "outputs" | "inputs";
}

const PARTITION_RE = /^([a-z_]+)\/([^/=]+=[^/]+\/date=\d{4}-\d{2}-\d{2})$/;

async function fileSha256(path: string): Promise<string | null> {
  try {
    return createHash("sha256").update(await Deno.readFile(path)).digest("hex");
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

/**
 * Re-reads every hashed item of a run record and compares three SHA-256 values: the one
 * recorded in the run record, the one the dataset's manifest lists now, and the hash of the
 * file's bytes now. Lake partitions (`equity_minute/symbol=SPY/date=2025-03-03`) are read
 * from `<dataDir>/lake/<partition>/part-0.parquet`; other items are files: a path under
 * `runs/<run-id>/` is looked up in `<dataDir>/runs/<run-id>/`, any other path as written.
 *
 * Columns: `item`, `kind` (`partition` | `file`), `rows` (recorded, null when not
 * recorded), `recorded`, `manifest` (null for files and for partitions the manifest no
 * longer lists), `file` (null when the file is missing) and `match` (true when the file's
 * hash, and for partitions the manifest's, equal the recorded one).
 *
 * @param record A run record (see `readRunRecord`).
 * @param options The data folder and which list to check.
 * @returns One row per item, in the record's order.
 *
 * @example
 * ```ts
 * import { verifyRunHashes } from "./verify_run_hashes.ts";
 * import { equal } from "node:assert/strict";
 * const dataDir = await Deno.makeTempDir();
 * const record = { runId: "r1", outputs: [{ partition: `${dataDir}/x.txt`, sha256: "0".repeat(64) }] };
 * const df = await verifyRunHashes(record, { dataDir });
 * equal(df.getColumn("file").toArray()[0], null); // the file does not exist
 * equal(df.getColumn("match").toArray()[0], false);
 * await Deno.remove(dataDir, { recursive: true });
 * ```
 */
export async function verifyRunHashes(
  record: { runId: string; outputs: readonly HashedItem[]; inputs?: readonly HashedItem[] },
  options: VerifyRunHashesOptions,
): Promise<pl.DataFrame> {
  const { dataDir, which = "outputs" } = options;
  const items = which === "outputs" ? record.outputs : record.inputs ?? [];
  const manifests = new Map<string, Manifest>();
  const cols = {
    item: [] as string[],
    kind: [] as string[],
    rows: [] as (number | null)[],
    recorded: [] as string[],
    manifest: [] as (string | null)[],
    file: [] as (string | null)[],
    match: [] as boolean[],
  };
  const runDir = `runs/${record.runId}/`;
  for (const it of items) {
    const m = PARTITION_RE.exec(it.partition);
    const isPartition = m !== null && m[1] in DATASET_KEYS;
    let manifestHash: string | null = null;
    let path: string;
    if (isPartition) {
      const dataset = m[1] as Dataset;
      if (!manifests.has(dataset)) {
        manifests.set(dataset, await Manifest.open(`${dataDir}/lake`, dataset));
      }
      manifestHash = manifests.get(dataset)!.get(m[2])?.sha256 ?? null;
      path = `${dataDir}/lake/${it.partition}/part-0.parquet`;
    } else {
      const at = it.partition.indexOf(runDir);
      path = at >= 0 ? `${dataDir}/${it.partition.slice(at)}` : it.partition;
    }
    const fileHash = await fileSha256(path);
    cols.item.push(it.partition);
    cols.kind.push(isPartition ? "partition" : "file");
    cols.rows.push(it.rows ?? null);
    cols.recorded.push(it.sha256);
    cols.manifest.push(manifestHash);
    cols.file.push(fileHash);
    cols.match.push(fileHash === it.sha256 && (!isPartition || manifestHash === it.sha256));
  }
  return pl.DataFrame([
    pl.Series("item", cols.item, pl.Utf8),
    pl.Series("kind", cols.kind, pl.Utf8),
    pl.Series("rows", cols.rows, pl.Int64),
    pl.Series("recorded", cols.recorded, pl.Utf8),
    pl.Series("manifest", cols.manifest, pl.Utf8),
    pl.Series("file", cols.file, pl.Utf8),
    pl.Series("match", cols.match, pl.Bool),
  ]);
}
