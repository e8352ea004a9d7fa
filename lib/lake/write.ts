/**
 * Atomic partition writes: zstd Parquet to a temporary file in the partition folder, fsynced,
 * renamed over `part-0.parquet`, then the folder fsynced. Returns what the manifest records.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type pl from "nodejs-polars";
import { commitParquet, type QuarantinedRow, writeQuarantine } from "./_commit.ts";
import { commitSynced, tempPathFor } from "./_fsync.ts";
import { frameColumns } from "./_frame_columns.ts";
import { encodeParquet } from "./_parquet_encode.ts";
import type { ManifestEntry } from "./manifest.ts";
import { partitionDir, partitionFile, type PartitionId } from "./paths.ts";

export type { QuarantinedRow };

/**
 * Writes one partition atomically, and its quarantine file beside it (removed when there is
 * nothing to quarantine). Returns the manifest entry.
 *
 * Frames of flat columns (numbers, dates, datetimes without a zone, strings, booleans) are
 * encoded by the lake's own Parquet encoder (see `_parquet_encode.ts`); others (lists,
 * structs, ...) by Polars' Parquet sink. Either way zstd, and the same frame gives the same
 * bytes.
 */
export async function writePartition(
  root: string,
  id: PartitionId,
  df: pl.DataFrame,
  quarantine: QuarantinedRow[] = [],
): Promise<ManifestEntry> {
  const dir = `${root}/${partitionDir(id)}`;
  await Deno.mkdir(dir, { recursive: true });
  await writeQuarantine(dir, quarantine);
  const columns = frameColumns(df);
  if (columns !== null) {
    const entry = await commitParquet(root, id, encodeParquet(columns, df.height), df.height);
    return { ...entry, quarantined: quarantine.length };
  }
  const path = `${root}/${partitionFile(id)}`;
  const tmp = tempPathFor(path);
  try {
    // fsynced by Polars on its own thread as it closes the file
    await df.lazy().sinkParquet(tmp, { compression: "zstd", syncOnClose: "all" }).collect();
    const bytes = await Deno.readFile(tmp);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await commitSynced(tmp, path);
    return { rows: df.height, bytes: bytes.length, sha256, quarantined: quarantine.length };
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/** True when the partition file exists with the size the manifest recorded. */
export async function partitionIntact(root: string, id: PartitionId, entry: ManifestEntry) {
  try {
    return (await Deno.stat(`${root}/${partitionFile(id)}`)).size === entry.bytes;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** Removes temporary files left by an interrupted writer anywhere under `dir`. */
export async function removeTempFiles(dir: string): Promise<number> {
  let removed = 0;
  const walk = async (d: string): Promise<void> => {
    for await (const e of Deno.readDir(d)) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (e.isFile && e.name.startsWith(".") && e.name.endsWith(".tmp")) {
        await Deno.remove(p);
        removed++;
      }
    }
  };
  try {
    await walk(dir);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return removed;
}
