import assert from "node:assert/strict";
import { consolidateLake } from "../../lib/consolidate/mod.ts";
import { barsFrame, Manifest, partitionKey, writePartition } from "../../lib/lake/mod.ts";
import { fillSimLake, FROM, simConfig, TO } from "../ops/_sim_lake.ts";

Deno.test("consolidateLake() warns when the joined VIX partitions are there but empty (zero bars recorded)", async () => {
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
    const r = await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO });
    assert.deepEqual(r.warnings, [
      "the 2 I:VIX index_minute partitions are empty: the vix columns are null (backfill --retry-empty fetches them again)",
    ]);
  } finally {
    await Deno.remove(config.data.dir, { recursive: true });
  }
});
