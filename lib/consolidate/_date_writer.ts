/**
 * Per-date partitions written a table at a time, so that the next table can be computed while
 * Polars encodes the last one's partitions on its own threads.
 *
 * @module
 */
import pl from "nodejs-polars";
import {
  type Dataset,
  Manifest,
  type PartitionId,
  partitionKey,
  writePartition,
} from "../lake/mod.ts";
import type { LakeItem } from "./_lake_io.ts";

/** Partitions written at once: Polars encodes them in parallel while their fsyncs overlap. */
const WRITERS = 4;

/** Writes the partitions of successive tables; see {@linkcode openDateWriter}. */
export interface DateWriter {
  /**
   * Queues one partition per date of `dates` from `table` (rows whose `date` matches; an empty
   * partition for a date without rows, so a rerun replaces stale rows), without the key and
   * `date` columns that the path holds. Resolves once every partition queued before has
   * started, so at most two tables are held at a time.
   */
  write(dates: readonly string[], table: pl.DataFrame): Promise<void>;
  /** Waits for every partition, flushes the manifest and returns them in the order queued. */
  finish(): Promise<LakeItem[]>;
}

/** The frame of each date of `dates` in `table`, whose rows are sorted by date. */
function framesByDate(
  dataset: Dataset,
  dates: readonly string[],
  table: pl.DataFrame,
  key: string,
) {
  const byDate = new Map<string, pl.DataFrame>();
  const days = table.getColumn("date").cast(pl.Int32).toTypedArray() as Int32Array;
  for (let start = 0, i = 1; i <= days.length; i++) {
    if (i < days.length && days[i] === days[start]) continue;
    const date = new Date(days[start] * 86_400_000).toISOString().slice(0, 10);
    if (byDate.has(date)) {
      throw new RangeError(`Cannot write ${dataset}: the rows of ${date} are not contiguous`);
    }
    byDate.set(date, table.slice(start, i - start)); // zero-copy
    start = i;
  }
  const empty = table.clear().drop(key, "date");
  return dates.map((date) => ({ date, frame: byDate.get(date)?.drop(key, "date") ?? empty }));
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
  const queue: { id: PartitionId; frame: pl.DataFrame; slot: number }[] = [];
  const out: LakeItem[] = [];
  let queued = 0;
  const running = new Set<Promise<void>>();
  let failed: { error: unknown } | null = null;
  let drained: (() => void) | null = null;
  const work = async () => {
    while (queue.length > 0 && failed === null) {
      const job = queue.shift()!;
      if (queue.length === 0) drained?.();
      try {
        const entry = await writePartition(root, job.id, job.frame);
        // journaled in the background (in order); finish() waits for it through the flush
        manifest.record(partitionKey(job.id), entry).catch((error) => (failed ??= { error }));
        const partition = `${dataset}/${partitionKey(job.id)}`;
        out[job.slot] = { partition, rows: entry.rows, sha256: entry.sha256 };
      } catch (error) {
        failed ??= { error };
      }
    }
    if (failed !== null) drained?.();
  };
  return {
    async write(dates, table) {
      if (queue.length > 0 && failed === null) await new Promise<void>((r) => (drained = r));
      drained = null;
      if (failed !== null) return;
      for (const { date, frame } of framesByDate(dataset, dates, table, key)) {
        queue.push({ id: { dataset, value, date }, frame, slot: queued++ });
      }
      while (running.size < WRITERS && queue.length > 0) {
        const worker = work().finally(() => running.delete(worker));
        running.add(worker);
      }
    },
    async finish() {
      while (running.size > 0) await Promise.all(running);
      await manifest.flush(); // the partitions written are recorded, whatever failed
      if (failed !== null) throw failed.error;
      return out;
    },
  };
}
