/**
 * Per-date partitions written a table at a time by the lake's partition worker, so that the
 * next table is computed while the worker encodes and commits the last one's partitions.
 *
 * @module
 */
import pl from "nodejs-polars";
import {
  type Dataset,
  frameColumns,
  Manifest,
  type ParquetColumn,
  partitionKey,
  PartitionSkipped,
  type PartitionSlice,
  PartitionWriter,
} from "../lake/mod.ts";
import type { LakeItem } from "./_lake_io.ts";

/** Writes the partitions of successive tables; see {@linkcode openDateWriter}. */
export interface DateWriter {
  /**
   * Queues one partition per date of `dates` from `table` (rows whose `date` matches; an empty
   * partition for a date without rows, so a rerun replaces stale rows), without the key and
   * `date` columns that the path holds. Resolves once every partition of the table queued
   * before is written, so at most two tables are held at a time.
   */
  write(dates: readonly string[], table: pl.DataFrame): Promise<void>;
  /**
   * As `write`, for a table given as its partitions' columns (without the key and `date`)
   * and each row's date in days since 1970-01-01. The columns' buffers move to the writer.
   */
  writeColumns(
    dates: readonly string[],
    columns: ParquetColumn[],
    days: Int32Array,
  ): Promise<void>;
  /** Waits for every partition, flushes the manifest and returns them in the order queued. */
  finish(): Promise<LakeItem[]>;
}

/** The row range of each date of `dates` in rows sorted by date (`days`). */
function dateSlices(
  dataset: Dataset,
  value: string,
  dates: readonly string[],
  days: Int32Array,
): PartitionSlice[] {
  const byDate = new Map<string, [number, number]>();
  for (let start = 0, i = 1; i <= days.length; i++) {
    if (i < days.length && days[i] === days[start]) continue;
    const date = new Date(days[start] * 86_400_000).toISOString().slice(0, 10);
    if (byDate.has(date)) {
      throw new RangeError(`Cannot write ${dataset}: the rows of ${date} are not contiguous`);
    }
    byDate.set(date, [start, i]);
    start = i;
  }
  return dates.map((date) => {
    const [start, end] = byDate.get(date) ?? [0, 0];
    return { id: { dataset, value, date }, start, end };
  });
}

/**
 * Opens the manifest of `dataset` and returns a writer of its partitions for key `value`,
 * each recorded in the manifest as it completes. After a failed partition no other starts;
 * `finish` waits for those under way, flushes the manifest with every partition written, and
 * throws the first error.
 */
export async function openDateWriter(
  root: string,
  dataset: Dataset,
  value: string,
  key: string,
): Promise<DateWriter> {
  const manifest = await Manifest.open(root, dataset);
  const writer = new PartitionWriter(root);
  const out: LakeItem[] = [];
  const all: Promise<void>[] = [];
  let previous: Promise<void>[] = [];
  let failed: { error: unknown } | null = null;
  const self: DateWriter = {
    write(dates, table) {
      const days = table.getColumn("date").cast(pl.Int32).toTypedArray() as Int32Array;
      const columns = frameColumns(table.drop(key, "date"));
      if (columns === null) {
        throw new TypeError(`Cannot write ${dataset}: a column has a type the lake cannot encode`);
      }
      return self.writeColumns(dates, columns, days);
    },
    async writeColumns(dates, columns, days) {
      if (failed !== null) return;
      const slices = dateSlices(dataset, value, dates, days);
      const slot = out.length;
      out.length += slices.length;
      const settled = writer.write(columns, slices).map((written, i) =>
        written.then((entry) => {
          const id = slices[i].id;
          // journaled in the background (in order); finish() waits for it through the flush
          manifest.record(partitionKey(id), entry).catch((error) => (failed ??= { error }));
          out[slot + i] = { partition: `${dataset}/${partitionKey(id)}`, ...pick(entry) };
        }, (error) => {
          if (!(error instanceof PartitionSkipped)) failed ??= { error };
        })
      );
      all.push(...settled);
      await Promise.all(previous);
      previous = settled;
    },
    async finish() {
      try {
        await Promise.all(all);
      } finally {
        writer.close();
      }
      await manifest.flush(); // the partitions written are recorded, whatever failed
      if (failed !== null) throw failed.error;
      return out;
    },
  };
  return self;
}

const pick = (e: { rows: number; sha256: string }) => ({ rows: e.rows, sha256: e.sha256 });
