/**
 * Lake I/O of the consolidation runners, through `lib/lake` only: range reads with the
 * partitions and hashes they came from, and per-date partition writes with the manifest.
 *
 * @module
 */
import type pl from "nodejs-polars";
import {
  checkPartitionHashes,
  type Dataset,
  listPartitions,
  nameBadParquet,
  partitionFile,
  type PartitionId,
  scan,
} from "../lake/mod.ts";
import { openDateWriter } from "./_date_writer.ts";

/** A partition read or written, with its row count and content hash (from the manifest). */
export interface LakeItem {
  /** `<dataset>/<key>=<value>/date=YYYY-MM-DD`. */
  partition: string;
  rows?: number;
  /** SHA-256 of the Parquet file: of the bytes read (checked against the manifest) or written. */
  sha256: string;
}

/** The frames read from one dataset for a key value and date range, and their partitions. */
export interface RangeRead {
  frame: pl.DataFrame | null;
  parts: PartitionId[];
  items: LakeItem[];
}

/**
 * Reads every partition of `dataset` for `value` in [from, to] (only `columns` when given,
 * which the Parquet reader then skips); `frame` is null without any partition.
 */
export async function readRange(
  root: string,
  dataset: Dataset,
  value: string,
  from: string,
  to: string,
  columns?: readonly string[],
): Promise<RangeRead> {
  const range = { values: [value], from, to };
  const parts = await listPartitions(root, dataset, range);
  if (parts.length === 0) return { frame: null, parts, items: [] };
  const items = await checkPartitionHashes(root, dataset, parts);
  const lazy = await scan(dataset, { root, ...range });
  const paths = parts.map((id) => `${root}/${partitionFile(id)}`);
  const frame = await nameBadParquet(
    paths,
    () => (columns ? lazy.select(...columns) : lazy).collect(),
  );
  return { frame, parts, items };
}

/**
 * Writes one partition per date of `dates` from `table` (rows whose `date` matches; an empty
 * partition for a date without rows, so a rerun replaces stale rows), dropping the key and
 * `date` columns that the path holds, and records each in the dataset's manifest.
 */
export async function writeDates(
  root: string,
  dataset: Dataset,
  value: string,
  dates: readonly string[],
  table: pl.DataFrame,
  key: string,
): Promise<LakeItem[]> {
  const writer = await openDateWriter(root, dataset, value, key);
  await writer.write(dates, table);
  return await writer.finish();
}
