/**
 * Atomic partition writes: zstd Parquet to a temporary file in the partition folder, fsynced,
 * renamed over `part-0.parquet`, then the folder fsynced. Returns what the manifest records.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { commitParquet, type QuarantinedRow, writeQuarantine } from "./_commit.ts";
import { frameColumns, parquetKind } from "./_frame_columns.ts";
import { encodeParquet } from "./_parquet_encode.ts";
import type { ManifestEntry } from "./manifest.ts";
import { partitionDir, partitionFile, type PartitionId } from "./paths.ts";

export type { QuarantinedRow };

/**
 * Writes one partition atomically, and its quarantine file beside it (removed when there is
 * nothing to quarantine). Returns the manifest entry.
 *
 * Every partition is encoded by the lake's one Parquet writer, its own encoder (see
 * `_parquet_encode.ts`: zstd, min/max statistics, 65,536-row groups; the same frame gives
 * the same bytes). It writes flat columns (numbers, dates, datetimes without a zone, strings,
 * booleans), which is every dataset's schema; at chain scale it took less CPU than Polars'
 * writer and sink and DuckDB's COPY (docs/performance-chains.md), so Polars' sink, once the
 * fallback for other frames, was removed.
 *
 * @throws {TypeError} For a frame with a column the encoder does not write (a list, a
 *   struct, a zoned datetime), naming it.
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
  if (columns === null) {
    const bad = df.getColumns().filter((s) => parquetKind(s.dtype) === null)
      .map((s) => `${s.name} (${(s.dtype as { variant?: string }).variant ?? s.dtype})`);
    throw new TypeError(
      `Cannot write ${partitionFile(id)}: the lake writes flat columns only, not ${
        bad.join(", ")
      }; store lists as joined text (as news does with tickers)`,
    );
  }
  const entry = await commitParquet(root, id, encodeParquet(columns, df.height), df.height);
  return { ...entry, quarantined: quarantine.length };
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
