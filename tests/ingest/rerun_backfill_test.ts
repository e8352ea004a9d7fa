import assert from "node:assert/strict";
import { loadConfig, redactConfig } from "@lib/config/mod.ts";
import { backfill, rerunBackfill } from "@lib/ingest/mod.ts";
import { compareHashes, createLogger, readRunRecord } from "@lib/run/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";

const quiet = createLogger({ write: () => {} });

Deno.test("rerunBackfill() reproduces every recorded hash of a simulated backfill", async () => {
  const a = await Deno.makeTempDir({ prefix: "rerun-a-" });
  const b = await Deno.makeTempDir({ prefix: "rerun-b-" });
  try {
    const config = loadConfig({
      overrides: {
        data: { dir: a },
        source: { name: "sim", sim: { seed: 7 } },
        backfill: { from: "2025-03-04", to: "2025-03-05", datasets: ["equity", "options", "news"] },
        options: { calls: 1, puts: 1 },
      },
    });
    const original = await backfill(config, {
      source: createSimSource({ seed: 7 }),
      command: ["test"],
      log: quiet,
    });
    const record = await readRunRecord(original.recordPath!);
    assert.equal(record.outputs.length, 8);
    const again = await rerunBackfill(record, { dataDir: b, log: quiet });
    assert.equal(again.status, "ok");
    const cmp = compareHashes(record.outputs, again.summary.outputs);
    assert.deepEqual(cmp.getColumn("match").toArray(), record.outputs.map(() => true));

    // another seed gives other bytes: the comparison can fail
    const c = await Deno.makeTempDir({ prefix: "rerun-c-" });
    try {
      const other = await rerunBackfill({ ...record, seed: 8 }, { dataDir: c, log: quiet });
      const diff = compareHashes(record.outputs, other.summary.outputs);
      assert.ok(diff.getColumn("match").toArray().every((m) => m === false));
    } finally {
      await Deno.remove(c, { recursive: true });
    }
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("rerunBackfill() refuses other tasks and runs that read from Polygon", async () => {
  const base = {
    runId: "r1",
    task: "backfill",
    seed: null,
    config: redactConfig(loadConfig({ env: { POLYGON_API_KEY: "k" } })),
  };
  await assert.rejects(
    rerunBackfill({ ...base, task: "scan" }, { dataDir: "/x", log: quiet }),
    (e: Error) =>
      e instanceof RangeError && e.message === 'Cannot re-run r1 as a backfill: its task is "scan"',
  );
  await assert.rejects(
    rerunBackfill(base, { dataDir: "/x", log: quiet }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "Cannot re-run r1: it read from polygon, and only simulated runs (with a seed) can be reproduced offline",
  );
  await assert.rejects(
    rerunBackfill({ ...base, config: { data: { dir: 3 } } }, { dataDir: "/x", log: quiet }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("Cannot re-run r1: its recorded config is not valid: data.dir"),
  );
});

Deno.test("rerunBackfill() of an options-only backfill simulates the underlying's open too", async () => {
  const a = await Deno.makeTempDir({ prefix: "rerun-a-" });
  const b = await Deno.makeTempDir({ prefix: "rerun-b-" });
  try {
    const cfg = (datasets: string[]) =>
      loadConfig({
        overrides: {
          data: { dir: a },
          source: { name: "sim" },
          backfill: { from: "2025-03-04", to: "2025-03-04", datasets },
          options: { calls: 2, puts: 1 },
        },
      });
    const opts = { source: createSimSource(), command: ["test"], log: quiet };
    await backfill(cfg(["equity"]), opts);
    const options = await backfill(cfg(["options"]), opts);
    const record = await readRunRecord(options.recordPath!);
    assert.deepEqual(record.outputs.map((o) => o.partition), [
      "option_contracts/underlying=SPY/date=2025-03-04",
      "option_minute/underlying=SPY/date=2025-03-04",
    ]);
    const again = await rerunBackfill(record, { dataDir: b, log: quiet });
    const cmp = compareHashes(record.outputs, again.summary.outputs);
    assert.deepEqual(cmp.getColumn("match").toArray(), [true, true]);
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});
