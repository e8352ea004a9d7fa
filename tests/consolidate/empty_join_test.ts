import assert from "node:assert/strict";
import { consolidateLake } from "../../lib/consolidate/mod.ts";
import { barsFrame, Manifest, partitionKey, writePartition } from "../../lib/lake/mod.ts";
import { fillSimLake, FROM, simConfig, TO } from "../ops/_sim_lake.ts";

Deno.test("consolidateLake() warns when the joined VIX partitions are there but empty (zero bars recorded), and clears temporary files a killed run left", async () => {
  const config = await simConfig();
  try {
    await fillSimLake(config);
    const root = `${config.data.dir}/lake`;
    const manifest = await Manifest.open(root, "index_minute");
    for (const date of [FROM, TO]) {
      const id = { dataset: "index_minute" as const, value: "I:VIX", date };
      await manifest.record(partitionKey(id), await writePartition(root, id, barsFrame([], "sim")));
    }
    await manifest.flush();
    // a temporary file a killed consolidation left behind is cleared by the next one
    const leftover = `${root}/consolidated/underlying=SPY/date=${FROM}/.part-0.parquet.123.tmp`;
    await Deno.mkdir(leftover.slice(0, leftover.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(leftover, "half a file");
    const r = await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO });
    assert.deepEqual(r.warnings, [
      "the 2 I:VIX index_minute partitions are empty: the vix columns are null (backfill --retry-empty fetches them again)",
    ]);
    await assert.rejects(() => Deno.stat(leftover), Deno.errors.NotFound);
  } finally {
    await Deno.remove(config.data.dir, { recursive: true });
  }
});
