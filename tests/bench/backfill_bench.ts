// A year of SPY and I:VIX minute bars from the simulator into a new lake (2 x 252
// partitions, about 2 x 98,000 rows, manifests complete), and the phases it spends its time
// in: simulation and validation, Polars frames, zstd Parquet writes (one at a time on the
// JavaScript thread, and four at once through the Parquet sink the lake uses), read-back and
// SHA-256, fsync and rename, manifest flushes. Each iteration uses a new seed so that the
// simulator's caches never help.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { session } from "@lib/calendar/mod.ts";
import { cleanBars, planBackfill, runJobs } from "@lib/ingest/mod.ts";
import { barsFrame, Manifest, partitionKey } from "@lib/lake/mod.ts";
import { commitTemp } from "@lib/lake/_fsync.ts";
import type { MinuteBar } from "@lib/market/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";

const PLAN = {
  datasets: ["equity", "index"] as const,
  symbols: ["SPY"],
  indices: ["I:VIX"],
  from: "2024-01-02",
  to: "2024-12-31",
};
let seed = 1000;
const jobsFor = (s: number) => planBackfill(createSimSource({ seed: s }), PLAN);
const PARTITIONS = jobsFor(0).length; // 504

/** Bars of every partition, validated, computed once (for the I/O phases). */
async function simulateAll(s: number): Promise<MinuteBar[][]> {
  const sim = createSimSource({ seed: s });
  const out: MinuteBar[][] = [];
  for (const job of jobsFor(s)) {
    const { openMs, closeMs } = session(job.id.date)!;
    const raw = await sim.minuteBars(job.id.value, job.id.date);
    out.push(cleanBars(raw, { startMs: openMs, endMs: closeMs }).bars);
  }
  return out;
}

const BARS = await simulateAll(1);
const ROWS = BARS.reduce((n, b) => n + b.length, 0);

// Once, outside the timings: a full backfill writes every partition and a complete manifest.
{
  const root = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
  const s = await runJobs(jobsFor(7), { root });
  assert.deepEqual([s.written, s.failed, s.rows], [PARTITIONS, 0, ROWS]);
  const entries = (await Manifest.open(root, "equity_minute")).keys().length +
    (await Manifest.open(root, "index_minute")).keys().length;
  assert.equal(entries, PARTITIONS);
  await Deno.remove(root, { recursive: true });
}

Deno.bench({
  name: `backfill: a year of SPY + I:VIX from sim, ${PARTITIONS} partitions, ${ROWS} rows`,
  group: "backfill",
  baseline: true,
  n: 5,
  warmup: 1,
  async fn(b) {
    const root = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const jobs = jobsFor(seed++);
    b.start();
    await runJobs(jobs, { root, concurrency: 4 });
    b.end();
    await Deno.remove(root, { recursive: true });
  },
});

Deno.bench({
  name: "phase: simulate and validate every partition (no I/O)",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn() {
    await simulateAll(seed++);
  },
});

/** Writes every partition's Parquet to a temp file (no fsync); returns the paths. */
function writeAll(dir: string, frames = BARS.map((bars) => barsFrame(bars, "sim"))): string[] {
  return frames.map((df, i) => {
    const path = `${dir}/.part-${i}.parquet.tmp`;
    df.writeParquet(path, { compression: "zstd" });
    return path;
  });
}

Deno.bench({
  name: "phase: bars to Polars frames",
  group: "backfill",
  n: 5,
  warmup: 1,
  fn() {
    for (const bars of BARS) barsFrame(bars, "sim");
  },
});

Deno.bench({
  name: "phase: zstd Parquet writes (no fsync)",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const frames = BARS.map((bars) => barsFrame(bars, "sim"));
    b.start();
    writeAll(dir, frames);
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.bench({
  name: "phase: the same through Polars' Parquet sink, 4 at once (as the lake writes)",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const frames = BARS.map((bars) => barsFrame(bars, "sim"));
    b.start();
    let next = 0;
    const sink = async () => {
      while (next < frames.length) {
        const i = next++;
        await frames[i].lazy().sinkParquet(`${dir}/.part-${i}.parquet.tmp`, {
          compression: "zstd",
        }).collect();
      }
    };
    await Promise.all([sink(), sink(), sink(), sink()]);
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.bench({
  name: "phase: read back and SHA-256 every file",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const paths = writeAll(dir);
    b.start();
    for (const p of paths) createHash("sha256").update(await Deno.readFile(p)).digest("hex");
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.bench({
  name: "phase: fsync, rename and folder fsync of every file",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const paths = writeAll(dir);
    b.start();
    for (const [i, p] of paths.entries()) await commitTemp(p, `${dir}/part-${i}.parquet`);
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.bench({
  name: "phase: manifest, one journal line per partition recorded, then the fold",
  group: "backfill",
  n: 5,
  warmup: 1,
  async fn(b) {
    const root = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
    const manifests = {
      equity_minute: await Manifest.open(root, "equity_minute"),
      index_minute: await Manifest.open(root, "index_minute"),
    };
    const entry = { rows: 390, bytes: 12_000, sha256: "0".repeat(64), quarantined: 0 };
    const ids = jobsFor(0).map((j) => j.id);
    b.start();
    for (const id of ids) {
      await manifests[id.dataset as keyof typeof manifests].record(partitionKey(id), entry);
    }
    await manifests.equity_minute.flush();
    await manifests.index_minute.flush();
    b.end();
    await Deno.remove(root, { recursive: true });
  },
});
