/**
 * Moving encoded partitions into place, and their quarantine files (free of Polars: the
 * partition worker imports it).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { commitTemp, tempPathFor, writeFileAtomic } from "./_fsync.ts";
import type { ManifestEntry } from "./manifest.ts";
import { partitionFile, type PartitionId } from "./paths.ts";

/** A row set aside with the reason it may not enter the lake. */
export interface QuarantinedRow {
  reason: string;
  row: unknown;
}

/** Writes or removes the quarantine file of a partition folder (which exists). */
export async function writeQuarantine(dir: string, quarantine: QuarantinedRow[]): Promise<void> {
  const qPath = `${dir}/_quarantine.jsonl`;
  if (quarantine.length > 0) {
    await writeFileAtomic(qPath, quarantine.map((q) => JSON.stringify(q) + "\n").join(""));
    return;
  }
  try {
    Deno.removeSync(qPath); // synchronous: a fraction of the cost of an async call
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

/**
 * Moves encoded Parquet bytes into place as the partition file durably (temporary file,
 * fsync, rename, folder fsync) and returns its manifest entry without the quarantine count.
 */
export async function commitParquet(
  root: string,
  id: PartitionId,
  bytes: Uint8Array,
  rows: number,
): Promise<Omit<ManifestEntry, "quarantined">> {
  const path = `${root}/${partitionFile(id)}`;
  const tmp = tempPathFor(path);
  try {
    await Deno.writeFile(tmp, bytes);
    await commitTemp(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { rows, bytes: bytes.length, sha256 };
}
