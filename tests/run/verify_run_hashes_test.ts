import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import { Manifest, partitionKey, writePartition } from "@lib/lake/mod.ts";
import { verifyRunHashes } from "@lib/run/mod.ts";
import { record } from "./_records.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function dataWithTwoPartitions(dir: string) {
  const root = `${dir}/lake`;
  const m = await Manifest.open(root, "equity_minute");
  const items = [];
  for (const date of ["2025-03-03", "2025-03-04"]) {
    const id = { dataset: "equity_minute" as const, value: "SPY", date };
    const e = await writePartition(root, id, pl.DataFrame({ ts: [1, 2, 3], close: [1, 2, 3] }));
    await m.record(partitionKey(id), e);
    items.push({ partition: `equity_minute/${partitionKey(id)}`, rows: e.rows, sha256: e.sha256 });
  }
  await m.flush();
  return items;
}

Deno.test("verifyRunHashes() confirms untouched partitions and run files", async () => {
  const dir = await Deno.makeTempDir({ prefix: "verify-" });
  try {
    const items = await dataWithTwoPartitions(dir);
    const r = record({ runId: "r1" });
    const csv = new TextEncoder().encode("a,b\n1,2\n");
    await Deno.mkdir(`${dir}/runs/r1`, { recursive: true });
    await Deno.writeFile(`${dir}/runs/r1/events.csv`, csv);
    // recorded from another working folder: only the runs/<id>/ suffix counts
    r.outputs = [...items, {
      partition: "elsewhere/data/runs/r1/events.csv",
      rows: 1,
      sha256: sha(csv),
    }];
    const df = await verifyRunHashes(r, { dataDir: dir });
    assert.deepEqual(df.getColumn("kind").toArray(), ["partition", "partition", "file"]);
    assert.deepEqual(df.getColumn("match").toArray(), [true, true, true]);
    assert.deepEqual(df.getColumn("manifest").toArray(), [items[0].sha256, items[1].sha256, null]);
    assert.deepEqual(df.getColumn("rows").toArray(), [3, 3, 1]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("verifyRunHashes() flags a changed file, a stale manifest and a missing file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "verify-" });
  try {
    const items = await dataWithTwoPartitions(dir);
    const file0 = `${dir}/lake/${items[0].partition}/part-0.parquet`;
    const bytes = await Deno.readFile(file0);
    bytes[bytes.length - 20] ^= 0xff; // one flipped byte
    await Deno.writeFile(file0, bytes);
    const m = JSON.parse(await Deno.readTextFile(`${dir}/lake/equity_minute/_manifest.json`));
    m.partitions["symbol=SPY/date=2025-03-04"].sha256 = "c".repeat(64);
    await Deno.writeTextFile(`${dir}/lake/equity_minute/_manifest.json`, JSON.stringify(m));
    const r = record({
      inputs: [...items, {
        partition: "equity_minute/symbol=SPY/date=2025-03-05",
        sha256: "d".repeat(64),
      }],
    });
    const df = await verifyRunHashes(r, { dataDir: dir, which: "inputs" });
    const rows = df.toRecords();
    assert.equal(rows[0].file, sha(bytes));
    assert.equal(rows[0].manifest, items[0].sha256);
    assert.equal(rows[1].file, items[1].sha256);
    assert.equal(rows[1].manifest, "c".repeat(64));
    assert.equal(rows[2].file, null);
    assert.equal(rows[2].manifest, null);
    assert.deepEqual(df.getColumn("match").toArray(), [false, false, false]);
    assert.equal((await verifyRunHashes(r, { dataDir: dir })).height, 0, "no outputs recorded");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
