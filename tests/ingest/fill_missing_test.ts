import assert from "node:assert/strict";
import { loadConfig } from "@lib/config/mod.ts";
import { fillMissing, missingPartitions } from "@lib/ingest/mod.ts";
import { partitionFile } from "@lib/lake/mod.ts";
import { createLogger, listRunRecords } from "@lib/run/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";

const quiet = createLogger({ write: () => {} });

function configFor(dir: string, datasets: string[], to = "2025-03-04") {
  return loadConfig({
    overrides: {
      data: { dir },
      source: { name: "sim" },
      backfill: { from: "2025-03-03", to, datasets },
      options: { calls: 1, puts: 1 },
    },
  });
}

const ids = (parts: { dataset: string; value: string; date: string }[]) =>
  parts.map((p) => `${p.dataset}/${p.value}/${p.date}`);

Deno.test("missingPartitions() lists the plan in order on an empty lake, options phases last", async () => {
  const config = configFor("/nonexistent-strikelab-data", ["equity", "index", "options"]);
  assert.deepEqual(ids(await missingPartitions(config, { source: createSimSource() })), [
    "equity_minute/SPY/2025-03-03",
    "index_minute/I:VIX/2025-03-03",
    "equity_minute/SPY/2025-03-04",
    "index_minute/I:VIX/2025-03-04",
    "option_contracts/SPY/2025-03-03",
    "option_contracts/SPY/2025-03-04",
    "option_minute/SPY/2025-03-03",
    "option_minute/SPY/2025-03-04",
  ]);
});

Deno.test("fillMissing() backfills only what is missing and does nothing the second time", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fill-" });
  try {
    const source = createSimSource();
    const first = await fillMissing(configFor(dir, ["equity", "index"]), {
      source,
      command: ["test"],
      log: quiet,
    });
    assert.equal(first.missing.length, 4);
    assert.equal(first.result?.status, "ok");
    assert.equal(first.result?.summary.written, 4);

    // a wider range: only the new day is missing and written
    const wider = configFor(dir, ["equity", "index"], "2025-03-05");
    assert.deepEqual(ids(await missingPartitions(wider, { source })), [
      "equity_minute/SPY/2025-03-05",
      "index_minute/I:VIX/2025-03-05",
    ]);
    const second = await fillMissing(wider, { source, command: ["test"], log: quiet });
    assert.equal(second.result?.summary.written, 2);
    assert.equal(second.result?.summary.skipped, 4);

    const third = await fillMissing(wider, { source, command: ["test"], log: quiet });
    assert.deepEqual(third, { missing: [], result: null });
    assert.equal((await listRunRecords(dir)).length, 2, "no record for a fill that did nothing");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("missingPartitions() counts a listed partition whose file is gone as missing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fill-" });
  try {
    const source = createSimSource();
    const config = configFor(dir, ["equity"]);
    await fillMissing(config, { source, command: ["test"], log: quiet });
    const id = { dataset: "equity_minute" as const, value: "SPY", date: "2025-03-04" };
    await Deno.remove(`${dir}/lake/${partitionFile(id)}`);
    assert.deepEqual(ids(await missingPartitions(config, { source })), [
      "equity_minute/SPY/2025-03-04",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("missingPartitions() needs a date range", async () => {
  const config = loadConfig({ overrides: { data: { dir: "/x" } } });
  await assert.rejects(
    missingPartitions(config, { source: createSimSource() }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "Cannot list missing partitions: backfill.from and backfill.to are needed",
  );
});
