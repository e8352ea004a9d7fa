import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { loadConfig } from "@lib/config/mod.ts";
import { backfill } from "@lib/ingest/mod.ts";
import { Manifest } from "@lib/lake/mod.ts";
import { createLogger, type RunRecord } from "@lib/run/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";
import { filesUnder } from "../lake/_helpers.ts";

const KEY = "pk_backfill-test-key";
const DENO_JSON = new URL("../../deno.json", import.meta.url);

async function run(dir: string) {
  const config = loadConfig({
    env: { STRIKELAB_DATA_DIR: dir, POLYGON_API_KEY: KEY },
    overrides: { source: { name: "sim" }, backfill: { from: "2025-03-06", to: "2025-03-07" } },
  });
  const lines: string[] = [];
  const result = await backfill(config, {
    source: createSimSource({ seed: config.source.sim.seed }),
    command: ["deno", "task", "backfill", "--from", "2025-03-06", "--to", "2025-03-07"],
    log: createLogger({ write: (l) => lines.push(l) }),
  });
  return { result, lines };
}

Deno.test("backfill() writes a run record: command, redacted config, code, pinned versions, hashes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-backfill-test-" });
  const { result, lines } = await run(dir);
  assert.equal(result.status, "ok");
  assert.match(
    result.recordPath!,
    new RegExp(`^${dir}/runs/\\d{8}T\\d{6}Z-backfill-[0-9a-f]{6}/manifest\\.json$`),
  );
  const text = await Deno.readTextFile(result.recordPath!);
  assert.ok(!text.includes(KEY));
  const record: RunRecord = JSON.parse(text);
  assert.equal(record.task, "backfill");
  assert.deepEqual(record.command, [
    "deno",
    "task",
    "backfill",
    "--from",
    "2025-03-06",
    "--to",
    "2025-03-07",
  ]);
  assert.equal(
    (record.config as { source: { polygon: { apiKey: string } } }).source.polygon.apiKey,
    "***",
  );
  assert.match(record.code.revision ?? "", /^[0-9a-f]{40}$/);
  assert.equal(typeof record.code.dirty, "boolean");
  const pins = JSON.parse(await Deno.readTextFile(DENO_JSON)).imports as Record<string, string>;
  assert.equal(record.versions.deno, Deno.version.deno);
  assert.equal(record.versions.packages["nodejs-polars"], "0.25.2");
  for (const [name, version] of Object.entries(record.versions.packages)) {
    assert.ok(pins[name].endsWith(`@${version}`), `${name}: ${pins[name]} vs ${version}`);
  }
  assert.equal(record.seed, 42);
  assert.equal(record.status, "ok");
  assert.ok(record.timings.elapsedMs >= 0 && record.timings.startedAt <= record.timings.finishedAt);
  // outputs: every partition written, with the manifest's hash and the file's own
  assert.deepEqual(record.outputs.map((o) => o.partition), [
    "equity_minute/symbol=SPY/date=2025-03-06",
    "equity_minute/symbol=SPY/date=2025-03-07",
    "index_minute/symbol=I%3AVIX/date=2025-03-06",
    "index_minute/symbol=I%3AVIX/date=2025-03-07",
  ]);
  for (const out of record.outputs) {
    const [dataset, ...rest] = out.partition.split("/");
    const manifest = await Manifest.open(`${dir}/lake`, dataset as "equity_minute");
    assert.equal(manifest.get(rest.join("/"))?.sha256, out.sha256);
    const bytes = await Deno.readFile(`${dir}/lake/${out.partition}/part-0.parquet`);
    assert.equal(createHash("sha256").update(bytes).digest("hex"), out.sha256);
    assert.equal(out.rows, 390);
  }
  assert.deepEqual(lines, ["info: backfill 2025-03-06..2025-03-07 from sim: 4 partitions"]);
  // no lock or temp file is left behind
  assert.ok((await filesUnder(`${dir}/lake`)).every((f) => !f.endsWith(".tmp") && f !== ".lock"));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("backfill() run again skips everything and records no outputs", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-backfill-test-" });
  await run(dir);
  const { result } = await run(dir);
  assert.deepEqual([result.status, result.summary.skipped, result.summary.written], ["ok", 4, 0]);
  const record: RunRecord = JSON.parse(await Deno.readTextFile(result.recordPath!));
  assert.deepEqual(record.outputs, []);
  assert.equal(record.summary.skipped, 4);
  await Deno.remove(dir, { recursive: true });
});
