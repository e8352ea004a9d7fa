import assert from "node:assert/strict";
import { loadConfig } from "@lib/config/mod.ts";
import { consolidateMissing } from "@lib/consolidate/mod.ts";
import { backfill } from "@lib/ingest/mod.ts";
import { Manifest, partitionFile } from "@lib/lake/mod.ts";
import { createLogger } from "@lib/run/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";

const dir = await Deno.makeTempDir({ prefix: "consolidate-missing-" });
const root = `${dir}/lake`;
await backfill(
  loadConfig({
    overrides: {
      data: { dir },
      source: { name: "sim" },
      backfill: { from: "2025-03-03", to: "2025-03-05", datasets: ["equity", "index", "options"] },
      options: { calls: 1, puts: 1 },
    },
  }),
  { source: createSimSource(), command: ["test"], log: createLogger({ write: () => {} }) },
);
const RANGE = { underlying: "SPY", from: "2025-03-03", to: "2025-03-05" };
const shas = async () =>
  Object.fromEntries(
    Object.entries((await Manifest.open(root, "consolidated")).toJSON().partitions)
      .map(([k, e]) => [k, e.sha256]),
  );

Deno.test("consolidateMissing() consolidates every date with option bars once, then nothing", async () => {
  const first = await consolidateMissing(root, RANGE);
  assert.deepEqual(first.missing, ["2025-03-03", "2025-03-04", "2025-03-05"]);
  assert.deepEqual(first.result?.dates, ["2025-03-03", "2025-03-04", "2025-03-05"]);
  assert.deepEqual(await consolidateMissing(root, RANGE), { missing: [], result: null });
});

Deno.test("consolidateMissing() redoes a date whose file is gone, leaving the others' bytes", async () => {
  await consolidateMissing(root, RANGE);
  const before = await shas();
  const id = { dataset: "consolidated" as const, value: "SPY", date: "2025-03-04" };
  await Deno.remove(`${root}/${partitionFile(id)}`);
  const again = await consolidateMissing(root, RANGE);
  assert.deepEqual(again.missing, ["2025-03-04"]);
  assert.deepEqual(again.result?.dates, ["2025-03-04"]);
  assert.deepEqual(await shas(), before, "the rebuilt partition has the same bytes");
});

Deno.test("consolidateMissing() ignores dates without option bars", async () => {
  const r = await consolidateMissing(root, { ...RANGE, from: "2025-03-06", to: "2025-03-07" });
  assert.deepEqual(r, { missing: [], result: null });
});

globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
