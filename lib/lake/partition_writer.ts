/**
 * Partitions encoded and committed by a worker thread: the main thread hands over the columns
 * of a table once (their buffers moved, not copied) with the row range of each partition, and
 * goes on computing while the worker encodes, compresses, writes and fsyncs.
 *
 * @module
 */
import type { ParquetColumn } from "./_parquet_encode.ts";
import type { ManifestEntry } from "./manifest.ts";
import type { PartitionId } from "./paths.ts";

/** A partition of a table: its id and its rows [start, end). */
export interface PartitionSlice {
  id: PartitionId;
  start: number;
  end: number;
}

/** What the main thread posts: a table's columns and its partitions. */
export interface PieceMessage {
  root: string;
  columns: ParquetColumn[];
  slices: (PartitionSlice & { seq: number })[];
}

/** The worker's answer for one partition. */
export type Reply =
  | { seq: number; entry: Omit<ManifestEntry, "quarantined"> }
  | { seq: number; error: string }
  | { seq: number; skipped: true };

/** Thrown for a partition not started because an earlier one failed. */
export class PartitionSkipped extends Error {
  constructor(id: PartitionId) {
    super(`Partition ${id.dataset}/${id.value}/${id.date} not written: an earlier one failed`);
    this.name = "PartitionSkipped";
  }
}

/**
 * Worker threads writing partitions of the lake at `root`, each table's partitions by one
 * thread in the order given, successive tables by the threads in turn. After a failed
 * partition its thread starts no other (their promises reject with
 * {@linkcode PartitionSkipped}); the tables already handed to other threads are written.
 * Call {@linkcode PartitionWriter.close} when done.
 */
export class PartitionWriter {
  #workers: Worker[];
  #turn = 0;
  #root: string;
  #seq = 0;
  #pending = new Map<
    number,
    { id: PartitionId; resolve: (e: ManifestEntry) => void; reject: (e: unknown) => void }
  >();
  #closed = false;

  /** Opens `threads` worker threads (two: one table encoded while the next is handed over). */
  constructor(root: string, threads = 2) {
    this.#root = root;
    this.#workers = Array.from({ length: threads }, () => {
      const url = new URL("./_partition_worker.ts", import.meta.url).href;
      const worker = new Worker(url, { type: "module" });
      worker.onmessage = (event: MessageEvent<Reply>) => this.#settle(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.#failAll(new Error(`The partition writer thread failed: ${event.message}`));
      };
      return worker;
    });
  }

  #settle(reply: Reply): void {
    const job = this.#pending.get(reply.seq);
    if (!job) return;
    this.#pending.delete(reply.seq);
    if ("entry" in reply) job.resolve({ ...reply.entry, quarantined: 0 });
    else if ("error" in reply) job.reject(new Error(reply.error));
    else job.reject(new PartitionSkipped(job.id));
  }

  #failAll(error: Error): void {
    for (const job of this.#pending.values()) job.reject(error);
    this.#pending.clear();
  }

  /**
   * Writes one partition per slice of `columns` (whose typed arrays are moved to the worker:
   * do not use them afterwards). Returns a promise per slice, settled when its file is in place.
   */
  write(columns: ParquetColumn[], slices: readonly PartitionSlice[]): Promise<ManifestEntry>[] {
    if (this.#closed) throw new Error("The partition writer is closed");
    const numbered = slices.map((s) => ({ ...s, seq: this.#seq++ }));
    const promises = numbered.map((s) =>
      new Promise<ManifestEntry>((resolve, reject) =>
        this.#pending.set(s.seq, { id: s.id, resolve, reject })
      )
    );
    const transfer = new Set<ArrayBuffer>();
    for (const c of columns) {
      const values = "codes" in c.values ? c.values.codes : c.values;
      transfer.add(values.buffer as ArrayBuffer);
      if (c.valid) transfer.add(c.valid.buffer as ArrayBuffer);
    }
    const message: PieceMessage = { root: this.#root, columns, slices: numbered };
    this.#workers[this.#turn++ % this.#workers.length].postMessage(message, [...transfer]);
    return promises;
  }

  /** Stops the worker; partitions still pending reject. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const worker of this.#workers) worker.terminate();
    this.#failAll(new Error("The partition writer was closed before the partition was written"));
  }
}
