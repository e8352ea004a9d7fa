import assert from "node:assert/strict";
import { type JobEvent, type PartitionJob, runJobs } from "@lib/ingest/mod.ts";
import { barsFrame, Manifest, partitionFile } from "@lib/lake/mod.ts";
import type { PartitionId } from "@lib/lake/mod.ts";
import { bars, filesUnder, tempLake } from "../lake/_helpers.ts";

const DATES = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"];
const ids = (symbol = "SPY"): PartitionId[] =>
  DATES.map((date) => ({ dataset: "equity_minute", value: symbol, date }));

/** Jobs writing 3 bars each; `calls` counts produce() per date. */
function jobsFor(list: PartitionId[], calls: Map<string, number>, hooks: {
  fail?: (id: PartitionId) => Error | null;
  quarantine?: number;
  during?: (id: PartitionId) => void;
} = {}): PartitionJob[] {
  return list.map((id) => ({
    id,
    produce() {
      calls.set(id.date, (calls.get(id.date) ?? 0) + 1);
      hooks.during?.(id);
      const err = hooks.fail?.(id);
      if (err) return Promise.reject(err);
      const frame = barsFrame(bars(Date.parse(`${id.date}T14:30:00Z`), 3), "sim");
      const quarantine = Array.from({ length: hooks.quarantine ?? 0 }, (_, i) => ({
        reason: `bad row ${i}`,
        row: { i },
      }));
      return Promise.resolve({ frame, quarantine });
    },
  }));
}

Deno.test("runJobs() writes every partition and records each in the manifest with its hash", async () => {
  const root = await tempLake();
  const events: JobEvent[] = [];
  const s = await runJobs(jobsFor(ids(), new Map()), { root, onEvent: (e) => events.push(e) });
  assert.deepEqual(
    { ...s, outputs: s.outputs.length },
    {
      planned: 4,
      written: 4,
      skipped: 0,
      failed: 0,
      rows: 12,
      quarantined: 0,
      interrupted: false,
      failures: [],
      warnings: [],
      fatal: null,
      outputs: 4,
    },
  );
  const manifest = await Manifest.open(root, "equity_minute");
  for (const out of s.outputs) {
    const key = out.partition.slice("equity_minute/".length);
    assert.equal(manifest.get(key)?.sha256, out.sha256);
  }
  assert.deepEqual(events.map((e) => e.status), ["written", "written", "written", "written"]);
  assert.equal((await filesUnder(root)).filter((f) => f.endsWith(".tmp")).length, 0);
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() resumes: intact partitions are skipped, a truncated one is rewritten", async () => {
  const root = await tempLake();
  await runJobs(jobsFor(ids(), new Map()), { root });
  const before = await Deno.readFile(`${root}/${partitionFile(ids()[2])}`);
  await Deno.truncate(`${root}/${partitionFile(ids()[2])}`, 20);
  const calls = new Map<string, number>();
  const s = await runJobs(jobsFor(ids(), calls), { root });
  assert.deepEqual([s.written, s.skipped], [1, 3]);
  assert.deepEqual([...calls.keys()], ["2025-03-05"]);
  assert.deepEqual(await Deno.readFile(`${root}/${partitionFile(ids()[2])}`), before);
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() with force rewrites partitions already complete", async () => {
  const root = await tempLake();
  await runJobs(jobsFor(ids(), new Map()), { root });
  const calls = new Map<string, number>();
  const s = await runJobs(jobsFor(ids(), calls), { root, force: true });
  assert.deepEqual([s.written, s.skipped, calls.size], [4, 0, 4]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() reports a failing partition and still writes the others", async () => {
  const root = await tempLake();
  const events: JobEvent[] = [];
  const jobs = jobsFor(ids(), new Map(), {
    fail: (id) => id.date === "2025-03-04" ? new RangeError("no bars that day") : null,
  });
  const s = await runJobs(jobs, { root, concurrency: 1, onEvent: (e) => events.push(e) });
  assert.deepEqual([s.written, s.failed, s.interrupted, s.fatal], [3, 1, false, null]);
  assert.deepEqual(s.failures, [{
    partition: "equity_minute/symbol=SPY/date=2025-03-04",
    error: "no bars that day",
  }]);
  assert.deepEqual(events[1], {
    id: ids()[1],
    status: "failed",
    rows: 0,
    quarantined: 0,
    error: "no bars that day",
  });
  assert.deepEqual((await Manifest.open(root, "equity_minute")).keys().length, 3);
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() stops between partitions on abort and reports the run interrupted", async () => {
  const root = await tempLake();
  const controller = new AbortController();
  const calls = new Map<string, number>();
  // the second job's fetch is under way when Ctrl-C arrives: its result is not written
  const jobs = jobsFor(ids(), calls, {
    during: (id) => id.date === "2025-03-04" && controller.abort(),
  });
  const s = await runJobs(jobs, { root, concurrency: 1, signal: controller.signal });
  assert.deepEqual([s.written, s.skipped, s.failed, s.interrupted], [1, 0, 0, true]);
  assert.deepEqual([...calls.keys()], ["2025-03-03", "2025-03-04"]);
  assert.deepEqual((await Manifest.open(root, "equity_minute")).keys(), [
    "symbol=SPY/date=2025-03-03",
  ]);
  assert.deepEqual(
    await filesUnder(root),
    [
      "equity_minute/_manifest.json",
      "equity_minute/_schema.json",
      partitionFile(ids()[0]),
    ].sort(),
  );
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() stops the whole run on a rejected API key and sets fatal", async () => {
  const root = await tempLake();
  const auth = Object.assign(new Error("Polygon rejected the API key (401)"), {
    name: "PolygonAuthError",
  });
  const calls = new Map<string, number>();
  const jobs = jobsFor(ids(), calls, { fail: (id) => id.date === "2025-03-04" ? auth : null });
  const s = await runJobs(jobs, { root, concurrency: 1 });
  assert.equal(s.fatal, "Polygon rejected the API key (401)");
  assert.deepEqual([s.written, s.failed, s.interrupted, calls.size], [1, 1, true, 2]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("runJobs() writes quarantined rows beside the partition and counts them", async () => {
  const root = await tempLake();
  const s = await runJobs(jobsFor(ids().slice(0, 2), new Map(), { quarantine: 2 }), { root });
  assert.equal(s.quarantined, 4);
  const q = await Deno.readTextFile(
    `${root}/equity_minute/symbol=SPY/date=2025-03-03/_quarantine.jsonl`,
  );
  assert.equal(q, '{"reason":"bad row 0","row":{"i":0}}\n{"reason":"bad row 1","row":{"i":1}}\n');
  const m = await Manifest.open(root, "equity_minute");
  assert.equal(m.get("symbol=SPY/date=2025-03-04")?.quarantined, 2);
  await Deno.remove(root, { recursive: true });
});
