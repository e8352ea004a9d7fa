import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  barsFrame,
  listPartitions,
  partitionFile,
  scanLake,
  writePartition,
} from "@lib/lake/mod.ts";
import { bars, tempLake } from "./_helpers.ts";

const DATES = ["2025-03-03", "2025-03-04", "2025-03-05"];
const openMs = (date: string) => Date.parse(`${date}T14:30:00Z`);

async function smallLake(): Promise<string> {
  const root = await tempLake();
  for (const date of DATES) {
    for (const [i, symbol] of ["SPY", "QQQ"].entries()) {
      const id = { dataset: "equity_minute" as const, value: symbol, date };
      await writePartition(root, id, barsFrame(bars(openMs(date), 3, 100 * (i + 1)), "sim"));
    }
    const vix = { dataset: "index_minute" as const, value: "I:VIX", date };
    await writePartition(root, vix, barsFrame(bars(openMs(date), 2, 20), "sim"));
  }
  await Deno.mkdir(`${root}/equity_minute/symbol=IWM/date=2025-03-03`, { recursive: true });
  await Deno.mkdir(`${root}/equity_minute/not-a-key/date=2025-03-03`, { recursive: true });
  return root;
}

Deno.test("listPartitions() lists partitions with a data file, sorted, filtered by value and dates", async () => {
  const root = await smallLake();
  const all = await listPartitions(root, "equity_minute");
  assert.equal(all.length, 6); // IWM has a folder but no file; not-a-key is ignored
  assert.deepEqual(all.slice(0, 2), [
    { dataset: "equity_minute", value: "QQQ", date: "2025-03-03" },
    { dataset: "equity_minute", value: "QQQ", date: "2025-03-04" },
  ]);
  assert.deepEqual(
    await listPartitions(root, "equity_minute", {
      values: ["SPY"],
      from: "2025-03-04",
      to: "2025-03-04",
    }),
    [{ dataset: "equity_minute", value: "SPY", date: "2025-03-04" }],
  );
  assert.deepEqual(await listPartitions(root, "news"), []);
  await Deno.remove(root, { recursive: true });
});

Deno.test("scanLake() restores the key and date columns from the path, I:VIX decoded", async () => {
  const root = await smallLake();
  const df = (await scanLake(root, "index_minute", { from: "2025-03-04" })).collectSync();
  assert.deepEqual(df.columns, [
    "ts",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "vwap",
    "trades",
    "source",
    "symbol",
    "date",
  ]);
  assert.deepEqual(df.getColumn("symbol").toArray(), ["I:VIX", "I:VIX", "I:VIX", "I:VIX"]);
  assert.ok(df.getColumn("date").dtype.equals(pl.Date));
  assert.deepEqual(
    df.select(pl.col("date").cast(pl.Utf8)).getColumn("date").toArray(),
    ["2025-03-04", "2025-03-04", "2025-03-05", "2025-03-05"],
  );
  assert.deepEqual(df.getColumn("open").toArray(), [20, 20.01, 20, 20.01]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("scanLake() keeps only the values and dates asked for", async () => {
  const root = await smallLake();
  const df = (await scanLake(root, "equity_minute", { values: ["QQQ"], to: "2025-03-03" }))
    .collectSync();
  assert.equal(df.height, 3);
  assert.deepEqual(df.getColumn("open").toArray(), [200, 200.01, 200.02]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("scanLake() says what was asked for and how to fill it when nothing matches", async () => {
  const root = await smallLake();
  await assert.rejects(scanLake(root, "equity_minute", { values: ["AAPL"], from: "2025-03-03" }), {
    name: "RangeError",
    message:
      `No equity_minute partitions in ${root} for AAPL from 2025-03-03 to the end: run \`deno task backfill\` (or the task that writes equity_minute) first`,
  });
  await assert.rejects(scanLake(root, "news"), {
    name: "RangeError",
    message:
      `No news partitions in ${root}: run \`deno task backfill\` (or the task that writes news) first`,
  });
  await Deno.remove(root, { recursive: true });
});

Deno.test("scanLake() names a truncated or overwritten Parquet file", async () => {
  const root = await smallLake();
  const id = { dataset: "equity_minute" as const, value: "SPY", date: "2025-03-04" };
  const path = `${root}/${partitionFile(id)}`;
  const size = (await Deno.stat(path)).size;
  await Deno.truncate(path, size - 100);
  const advice = "; delete it and run the backfill again to rewrite it";
  await assert.rejects(scanLake(root, "equity_minute"), {
    message:
      `Cannot scan equity_minute: ${path} is not a complete Parquet file (it does not end with PAR1: truncated?)${advice}`,
  });
  await Deno.writeTextFile(path, "ts,open\n1,2\n");
  await assert.rejects(scanLake(root, "equity_minute", { values: ["SPY"] }), {
    message:
      `Cannot scan equity_minute: ${path} is not a complete Parquet file (it does not start with PAR1)${advice}`,
  });
  await Deno.writeTextFile(path, "PAR1");
  await assert.rejects(scanLake(root, "equity_minute", { values: ["SPY"] }), {
    message:
      `Cannot scan equity_minute: ${path} is not a complete Parquet file (4 bytes is too short)${advice}`,
  });
  // the other symbols still scan
  assert.equal(
    (await scanLake(root, "equity_minute", { values: ["QQQ"] })).collectSync().height,
    9,
  );
  await Deno.remove(root, { recursive: true });
});
