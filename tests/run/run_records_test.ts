import assert from "node:assert/strict";
import { latestRunRecord, listRunRecords, readRunRecord, writeRunRecord } from "@lib/run/mod.ts";
import { record, writeRecord } from "./_records.ts";

const H = "ab".repeat(32);

Deno.test("readRunRecord() reads back what writeRunRecord() wrote, extra item fields kept", async () => {
  const dir = await Deno.makeTempDir({ prefix: "runs-" });
  try {
    const r = record({
      outputs: [{ partition: "equity_minute/symbol=SPY/date=2025-03-03", rows: 390, sha256: H }],
    });
    (r.outputs[0] as unknown as Record<string, unknown>).bytes = 11846;
    const path = await writeRunRecord(dir, r);
    assert.equal(path, `${dir}/runs/${r.runId}/manifest.json`);
    assert.deepEqual(await readRunRecord(path), r);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readRunRecord() names the file and the field of a bad record", async () => {
  const dir = await Deno.makeTempDir({ prefix: "runs-" });
  try {
    const bad = { ...record(), status: "done", outputs: [{ partition: "x", sha256: "zz" }] };
    await Deno.writeTextFile(`${dir}/m.json`, JSON.stringify(bad));
    await assert.rejects(readRunRecord(`${dir}/m.json`), (e: Error) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, new RegExp(`^Cannot read run record ${dir}/m\\.json: `));
      assert.match(e.message, /status/);
      assert.match(e.message, /outputs\[0\]\.sha256|outputs\.0\.sha256/);
      assert.match(e.message, /must be 64 lowercase hex digits/);
      return true;
    });
    await Deno.writeTextFile(`${dir}/n.json`, "{not json");
    await assert.rejects(
      readRunRecord(`${dir}/n.json`),
      (e: Error) =>
        e instanceof TypeError &&
        e.message === `Cannot read run record ${dir}/n.json: not valid JSON`,
    );
    await assert.rejects(readRunRecord(`${dir}/none.json`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("listRunRecords() orders by start time then run id and applies the filters", async () => {
  const dir = await Deno.makeTempDir({ prefix: "runs-" });
  try {
    const at = (iso: string) => ({ startedAt: iso, finishedAt: iso, elapsedMs: 0 });
    const out = [{ partition: "p", sha256: H }];
    await writeRecord(
      dir,
      record({ runId: "c-backfill", timings: at("2025-03-03T10:00:00Z"), outputs: out }),
    );
    await writeRecord(dir, record({ runId: "a-backfill", timings: at("2025-03-03T12:00:00Z") }));
    await writeRecord(
      dir,
      record({ runId: "b-scan", task: "scan", timings: at("2025-03-03T11:00:00Z"), outputs: out }),
    );
    await writeRecord(
      dir,
      record({
        runId: "d-backfill",
        timings: at("2025-03-03T12:00:00Z"),
        status: "failed",
        outputs: out,
      }),
    );
    await Deno.mkdir(`${dir}/runs/empty-folder`);
    const ids = async (o = {}) => (await listRunRecords(dir, o)).map((e) => e.record.runId);
    assert.deepEqual(await ids(), ["c-backfill", "b-scan", "a-backfill", "d-backfill"]);
    assert.deepEqual(await ids({ tasks: ["backfill"] }), [
      "c-backfill",
      "a-backfill",
      "d-backfill",
    ]);
    assert.deepEqual(await ids({ statuses: ["ok"] }), ["c-backfill", "b-scan", "a-backfill"]);
    assert.deepEqual(await ids({ withOutputs: true }), ["c-backfill", "b-scan", "d-backfill"]);
    const latest = await latestRunRecord(dir, {
      tasks: ["backfill"],
      statuses: ["ok"],
      withOutputs: true,
    });
    assert.equal(latest?.record.runId, "c-backfill");
    assert.equal(latest?.path, `${dir}/runs/c-backfill/manifest.json`);
    assert.equal((await latestRunRecord(dir))?.record.runId, "d-backfill");
    assert.equal(await latestRunRecord(dir, { tasks: ["backtest"] }), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("listRunRecords() fails on an invalid record instead of skipping it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "runs-" });
  try {
    await Deno.mkdir(`${dir}/runs/x`, { recursive: true });
    await Deno.writeTextFile(`${dir}/runs/x/manifest.json`, "[]");
    await assert.rejects(
      listRunRecords(dir),
      (e: Error) => e instanceof TypeError && e.message.includes(`${dir}/runs/x/manifest.json`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
