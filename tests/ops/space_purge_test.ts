import assert from "node:assert/strict";
import { DuckDBInstance } from "@duckdb/node-api";
import { Manifest, parquetSizes, partitionFile } from "../../lib/lake/mod.ts";
import { formatSpace, lakeSpace, purge, verifyLake } from "../../lib/ops/mod.ts";
import { fillSimLake, FROM, simConfig, TO } from "./_sim_lake.ts";

const config = await simConfig();
await fillSimLake(config);
const dir = config.data.dir, root = `${dir}/lake`;

Deno.test("parquetSizes() reads the same compressed and uncompressed sizes as DuckDB's parquet_metadata", async () => {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  for (const dataset of ["equity_minute", "option_minute", "news"] as const) {
    const value = "SPY";
    const path = `${root}/${partitionFile({ dataset, value, date: FROM })}`;
    const r = await db.runAndReadAll(
      `select sum(total_compressed_size)::DOUBLE, sum(total_uncompressed_size)::DOUBLE, max(row_group_num_rows)::DOUBLE from parquet_metadata('${path}')`,
    );
    const [c, u] = r.getRows()[0] as number[];
    const s = await parquetSizes(path);
    assert.deepEqual([s.compressedBytes, s.uncompressedBytes], [c, u], dataset);
    assert.equal(
      s.rows,
      (await Manifest.open(root, dataset)).get(
        `${
          dataset === "news" ? "ticker" : dataset === "equity_minute" ? "symbol" : "underlying"
        }=SPY/date=${FROM}`,
      )!.rows,
    );
  }
  db.closeSync();
});

Deno.test("lakeSpace() by dataset sums the manifests; by month and symbol split them", async () => {
  const byDataset = await lakeSpace(root);
  const m = await Manifest.open(root, "option_minute");
  const entries = m.keys().map((k) => m.get(k)!);
  const line = byDataset.find((l) => l.dataset === "option_minute")!;
  assert.equal(line.partitions, 2);
  assert.equal(line.rows, entries[0].rows + entries[1].rows);
  assert.equal(line.bytes, entries[0].bytes + entries[1].bytes);
  assert.equal(line.bytesPerRow, line.bytes / line.rows);
  assert.ok(line.compressionRatio > 1, `${line.compressionRatio}`);
  assert.deepEqual(byDataset.map((l) => l.dataset), [
    "equity_minute",
    "index_minute",
    "option_contracts",
    "option_minute",
    "news",
  ]);
  const bySymbol = await lakeSpace(root, { by: "symbol" });
  assert.deepEqual(bySymbol.map((l) => `${l.dataset}:${l.value}`), [
    "equity_minute:SPY",
    "index_minute:I:VIX",
    "option_contracts:SPY",
    "option_minute:SPY",
    "news:SPY",
  ]);
  const byMonth = await lakeSpace(root, { by: "month", datasets: ["equity_minute"] });
  assert.deepEqual(byMonth.map((l) => [l.month, l.partitions, l.rows]), [["2025-03", 2, 780]]);
  const table = formatSpace(byDataset);
  assert.match(table[0], /^dataset\s+group\s+partitions\s+rows\s+MB\s+bytes\/row\s+ratio$/);
  assert.match(table.at(-1)!, /^total\s+10\s+\d+/);
});

Deno.test("purge is a dry run by default; applied, it forgets and deletes the old raw partitions and the lake stays sound", async () => {
  const before = await verifyLake(root);
  const dry = await purge(dir, { categories: ["raw"], before: TO });
  assert.equal(dry.applied, false);
  assert.equal(dry.items.length, 5); // FROM's partition of each raw dataset
  assert.ok(dry.items.every((i) => i.path.includes(`date=${FROM}`) && i.category === "raw"));
  const sizes = dry.items.reduce((n, i) => n + i.bytes, 0);
  assert.equal(dry.bytes, sizes);
  // the folders hold the Parquet files the manifests list (and quarantine files, if any)
  let listed = 0;
  for (const l of await lakeSpace(root, { by: "month" })) listed += l.bytes;
  assert.equal(listed, before.bytes);
  assert.ok(dry.bytes < before.bytes && dry.bytes > 0);
  assert.deepEqual((await verifyLake(root)).checked, 10); // nothing deleted
  const done = await purge(dir, { categories: ["raw"], before: TO, apply: true });
  assert.equal(done.bytes, dry.bytes);
  for (const it of done.items) await assert.rejects(() => Deno.stat(it.path), Deno.errors.NotFound);
  const after = await verifyLake(root);
  assert.equal(after.checked, 5);
  assert.deepEqual(after.bad, []);
  assert.deepEqual(after.unrecorded, []);
  assert.deepEqual((await Manifest.open(root, "equity_minute")).keys(), [`symbol=SPY/date=${TO}`]);
});

Deno.test("purge of runs goes by modification time and leaves newer records", async () => {
  const runs = `${dir}/runs`;
  const [first] = [...Deno.readDirSync(runs)].map((e) => e.name).sort();
  const old = new Date("2020-01-01T00:00:00Z");
  Deno.utimeSync(`${runs}/${first}`, old, old);
  await Deno.mkdir(`${runs}/new-run`);
  await Deno.writeTextFile(`${runs}/new-run/manifest.json`, "{}");
  const r = await purge(dir, { categories: ["runs"], before: "2021-01-01", apply: true });
  assert.deepEqual(r.items.map((i) => i.path), [`${runs}/${first}`]);
  assert.ok(r.bytes > 0);
  assert.deepEqual([...Deno.readDirSync(runs)].map((e) => e.name), ["new-run"]);
});

Deno.test("purge without an age is refused", async () => {
  await assert.rejects(() => purge(dir, { categories: ["raw"] }), RangeError);
});

Deno.test("cleanup", async () => {
  await Deno.remove(dir, { recursive: true });
});
