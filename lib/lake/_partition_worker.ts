/**
 * The worker behind {@linkcode PartitionWriter}: encodes partitions of the columns it is sent
 * and commits them (temporary file, fsync, rename, folder fsync) off the main thread. Posts
 * one reply per partition, in order of completion. After a failed partition it starts no
 * other: the rest are answered as skipped.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { sliceColumns } from "./_slice_columns.ts";
import { encodeParquet } from "./_parquet_encode.ts";
import { partitionDir } from "./paths.ts";
import { commitParquet, writeQuarantine } from "./_commit.ts";
import type { PieceMessage, Reply } from "./partition_writer.ts";

/** Commits under way at once: their fsyncs overlap the next partitions' encoding. */
const IN_FLIGHT = 4;

let failed = false;
let queue = Promise.resolve();

async function writePiece({ root, columns, slices }: PieceMessage): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const { seq, id, start, end } of slices) {
    if (failed) {
      self.postMessage({ seq, skipped: true } satisfies Reply);
      continue;
    }
    try {
      const dir = `${root}/${partitionDir(id)}`;
      await Deno.mkdir(dir, { recursive: true });
      await writeQuarantine(dir, []);
      const bytes = encodeParquet(sliceColumns(columns, start, end), end - start);
      const done: Promise<void> = commitParquet(root, id, bytes, end - start).then(
        (entry) => self.postMessage({ seq, entry } satisfies Reply),
        (e) => fail(seq, e),
      ).finally(() => running.delete(done));
      running.add(done);
      if (running.size >= IN_FLIGHT) await Promise.race(running);
    } catch (e) {
      fail(seq, e);
    }
  }
  await Promise.all(running);
}

function fail(seq: number, e: unknown): void {
  failed = true;
  self.postMessage({ seq, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
}

self.onmessage = (event: MessageEvent<PieceMessage>) => {
  queue = queue.then(() => writePiece(event.data));
};
