import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { openDateWriter } from "../../lib/consolidate/_date_writer.ts";
import { Manifest } from "../../lib/lake/mod.ts";

const day = (d: string) => pl.lit(d).str.strptime(pl.Date, "%Y-%m-%d");

function table(dates: string[], rowsPerDate: number): pl.DataFrame {
  const date = dates.flatMap((d) => Array(rowsPerDate).fill(d));
  return pl.DataFrame({ underlying: date.map(() => "SPY"), x: date.map((_, i) => i) })
    .withColumns(pl.Series("d", date).cast(pl.Utf8).alias("d"))
    .withColumns(pl.col("d").str.strptime(pl.Date, "%Y-%m-%d").alias("date")).drop("d");
}

Deno.test("openDateWriter() writes the partitions of successive tables in date order, empty ones included", async () => {
  const root = await Deno.makeTempDir({ prefix: "strikelab-date-writer-" });
  const writer = await openDateWriter(root, "consolidated", "SPY", "underlying");
  await writer.write(["2025-03-03", "2025-03-04"], table(["2025-03-03", "2025-03-04"], 3));
  await writer.write(["2025-03-05", "2025-03-06"], table(["2025-03-06"], 2)); // 03-05: no rows
  const out = await writer.finish();
  assert.deepEqual(out.map((o) => [o.partition, o.rows]), [
    ["consolidated/underlying=SPY/date=2025-03-03", 3],
    ["consolidated/underlying=SPY/date=2025-03-04", 3],
    ["consolidated/underlying=SPY/date=2025-03-05", 0],
    ["consolidated/underlying=SPY/date=2025-03-06", 2],
  ]);
  const back = pl.readParquet(`${root}/consolidated/underlying=SPY/date=2025-03-04/part-0.parquet`);
  assert.deepEqual(back.columns, ["x"]);
  assert.deepEqual(back.getColumn("x").toArray(), [3, 4, 5]);
  assert.equal((await Manifest.open(root, "consolidated")).keys().length, 4);
  await Deno.remove(root, { recursive: true });
});

Deno.test("openDateWriter() records the partitions written before one fails, takes no table after it, then throws its error", async () => {
  const root = await Deno.makeTempDir({ prefix: "strikelab-date-writer-" });
  // a file where the partition folder of 2025-03-04 should go: that partition cannot be written
  await Deno.mkdir(`${root}/consolidated/underlying=SPY`, { recursive: true });
  await Deno.writeTextFile(`${root}/consolidated/underlying=SPY/date=2025-03-04`, "in the way");
  const writer = await openDateWriter(root, "consolidated", "SPY", "underlying");
  const dates = ["2025-03-03", "2025-03-04", "2025-03-05"];
  await writer.write(dates, table(dates, 2)); // 03-05 is not started once 03-04 failed
  // handed to the other writer thread before the failure is known: written; this call waits
  // for the first table's partitions, so the failure is known after it
  await writer.write(["2025-03-06"], table(["2025-03-06"], 2));
  await writer.write(["2025-03-07"], table(["2025-03-07"], 2)); // refused
  await assert.rejects(writer.finish(), (e: Error) => e.message.includes("date=2025-03-04"));
  const written = (await Manifest.open(root, "consolidated")).keys();
  assert.deepEqual(written, ["underlying=SPY/date=2025-03-03", "underlying=SPY/date=2025-03-06"]);
  const folders = [];
  for await (const e of Deno.readDir(`${root}/consolidated/underlying=SPY`)) folders.push(e.name);
  assert.deepEqual(folders.sort(), ["date=2025-03-03", "date=2025-03-04", "date=2025-03-06"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("openDateWriter() rejects a table whose dates are not contiguous", async () => {
  const root = await Deno.makeTempDir({ prefix: "strikelab-date-writer-" });
  const writer = await openDateWriter(root, "consolidated", "SPY", "underlying");
  const t = table(["2025-03-03", "2025-03-04", "2025-03-03"], 1);
  assert.equal(t.filter(pl.col("date").eq(day("2025-03-03"))).height, 2);
  await assert.rejects(writer.write(["2025-03-03", "2025-03-04"], t), {
    name: "RangeError",
    message: "Cannot write consolidated: the rows of 2025-03-03 are not contiguous",
  });
  assert.deepEqual(await writer.finish(), []);
  await Deno.remove(root, { recursive: true });
});
