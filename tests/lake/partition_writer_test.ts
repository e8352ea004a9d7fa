import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import {
  encodeParquet,
  frameColumns,
  partitionFile,
  PartitionSkipped,
  PartitionWriter,
} from "@lib/lake/mod.ts";
import { sliceColumns } from "../../lib/lake/_slice_columns.ts";
import { filesUnder, tempLake } from "./_helpers.ts";

const id = (date: string) => ({ dataset: "consolidated" as const, value: "SPY", date });

function frame(): pl.DataFrame {
  return pl.DataFrame({
    x: [1.5, null, 3, 4, 5, NaN],
    s: ["a", "a", "b", null, "c", "c"],
  });
}

Deno.test("PartitionWriter writes each slice's partition on worker threads: the bytes encodeParquet gives, hashed", async () => {
  const root = await tempLake();
  const df = frame();
  const expected = [[0, 2], [2, 2], [2, 6]].map(([a, b]) =>
    encodeParquet(sliceColumns(frameColumns(df)!, a, b), b - a)
  );
  const writer = new PartitionWriter(root);
  try {
    const entries = await Promise.all([
      ...writer.write(frameColumns(df)!, [
        { id: id("2025-03-03"), start: 0, end: 2 },
        { id: id("2025-03-04"), start: 2, end: 2 },
      ]),
      ...writer.write(frameColumns(df)!, [{ id: id("2025-03-05"), start: 2, end: 6 }]),
    ]);
    const dates = ["2025-03-03", "2025-03-04", "2025-03-05"];
    for (const [k, date] of dates.entries()) {
      const bytes = await Deno.readFile(`${root}/${partitionFile(id(date))}`);
      assert.deepEqual(bytes, expected[k]);
      assert.deepEqual(entries[k], {
        rows: [2, 0, 4][k],
        bytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        quarantined: 0,
      });
    }
    const back = pl.readParquet(`${root}/${partitionFile(id("2025-03-05"))}`);
    assert.equal(back.frameEqual(df.slice(2, 4), true), true);
    assert.deepEqual(await filesUnder(root), dates.map((d) => partitionFile(id(d))));
  } finally {
    writer.close();
  }
  await Deno.remove(root, { recursive: true });
});

Deno.test("PartitionWriter starts no partition of a table after one fails, and rejects once closed", async () => {
  const root = await tempLake();
  await Deno.mkdir(`${root}/consolidated/underlying=SPY`, { recursive: true });
  await Deno.writeTextFile(`${root}/consolidated/underlying=SPY/date=2025-03-04`, "in the way");
  const writer = new PartitionWriter(root, 1);
  const results = await Promise.allSettled(writer.write(frameColumns(frame())!, [
    { id: id("2025-03-03"), start: 0, end: 2 },
    { id: id("2025-03-04"), start: 2, end: 4 },
    { id: id("2025-03-05"), start: 4, end: 6 },
  ]));
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "rejected"]);
  const [, failed, skipped] = results as PromiseRejectedResult[];
  assert.match(failed.reason.message, /date=2025-03-04/);
  assert.ok(skipped.reason instanceof PartitionSkipped);
  assert.deepEqual(await filesUnder(root), [
    "consolidated/underlying=SPY/date=2025-03-03/part-0.parquet",
    "consolidated/underlying=SPY/date=2025-03-04",
  ]);
  writer.close();
  assert.throws(() => writer.write([], []), { message: "The partition writer is closed" });
  await Deno.remove(root, { recursive: true });
});
