import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import {
  barsFrame,
  partitionFile,
  partitionIntact,
  removeTempFiles,
  writeFileAtomic,
  writePartition,
} from "@lib/lake/mod.ts";
import { bars, filesUnder, tempLake } from "./_helpers.ts";

const SPY = { dataset: "equity_minute" as const, value: "SPY", date: "2025-03-03" };
const OPEN_MS = Date.UTC(2025, 2, 3, 14, 30);

Deno.test("writeFileAtomic() writes the whole file, replaces an old one and leaves no temp file", async () => {
  const root = await tempLake();
  const path = `${root}/a/b/manifest.json`;
  await writeFileAtomic(path, "old\n");
  await writeFileAtomic(path, new TextEncoder().encode("new\n"));
  assert.equal(await Deno.readTextFile(path), "new\n");
  assert.deepEqual(await filesUnder(root), ["a/b/manifest.json"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("writeFileAtomic() removes its temp file when the rename fails", async () => {
  const root = await tempLake();
  await Deno.mkdir(`${root}/target/inside`, { recursive: true });
  // renaming a file over a non-empty folder fails after the temp file was written
  await assert.rejects(writeFileAtomic(`${root}/target`, "x"));
  assert.deepEqual(await filesUnder(root), []);
  await Deno.remove(root, { recursive: true });
});

Deno.test("removeTempFiles() removes an interrupted writer's temp files and nothing else", async () => {
  const root = await tempLake();
  const dir = `${root}/equity_minute/symbol=SPY/date=2025-03-03`;
  await Deno.mkdir(dir, { recursive: true });
  // what a writer killed between write and rename leaves: .<name>.<random>.tmp
  await Deno.writeTextFile(`${dir}/.part-0.parquet.1234567890.tmp`, "half a parquet");
  await Deno.writeTextFile(`${root}/equity_minute/._manifest.json.42.tmp`, "{");
  await Deno.writeTextFile(`${dir}/part-0.parquet`, "a finished file");
  await Deno.writeTextFile(`${dir}/keep.tmp`, "not ours: no leading dot");
  await Deno.writeTextFile(`${root}/.lock`, "1\n");
  assert.equal(await removeTempFiles(root), 2);
  assert.deepEqual(await filesUnder(root), [
    ".lock",
    "equity_minute/symbol=SPY/date=2025-03-03/keep.tmp",
    "equity_minute/symbol=SPY/date=2025-03-03/part-0.parquet",
  ]);
  assert.equal(await removeTempFiles(`${root}/missing`), 0);
  await Deno.remove(root, { recursive: true });
});

Deno.test("writePartition() returns rows, bytes and the SHA-256 of the file it wrote", async () => {
  const root = await tempLake();
  const entry = await writePartition(root, SPY, barsFrame(bars(OPEN_MS, 390), "sim"));
  const bytes = await Deno.readFile(`${root}/${partitionFile(SPY)}`);
  assert.deepEqual(entry, {
    rows: 390,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    quarantined: 0,
  });
  assert.deepEqual(await filesUnder(root), [partitionFile(SPY)]);
  const back = pl.readParquet(`${root}/${partitionFile(SPY)}`);
  assert.deepEqual(back.getColumn("close").toArray(), bars(OPEN_MS, 390).map((b) => b.close));
  await Deno.remove(root, { recursive: true });
});

Deno.test("writePartition() writes the same bytes for the same frame, alone or with others in flight", async () => {
  const a = await tempLake(), b = await tempLake();
  const frame = barsFrame(bars(OPEN_MS, 390), "sim");
  const alone = await writePartition(a, SPY, frame);
  const days = ["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"];
  const [together] = await Promise.all([
    writePartition(b, SPY, frame),
    ...days.map((date, i) =>
      writePartition(
        b,
        { ...SPY, date },
        barsFrame(bars(OPEN_MS + (i + 1) * 86_400_000, 390), "sim"),
      )
    ),
  ]);
  assert.deepEqual(together, alone);
  assert.deepEqual(
    await Deno.readFile(`${b}/${partitionFile(SPY)}`),
    await Deno.readFile(`${a}/${partitionFile(SPY)}`),
  );
  await Deno.remove(a, { recursive: true });
  await Deno.remove(b, { recursive: true });
});

Deno.test("writePartition() writes zstd Parquet that another reader (DuckDB) reads back", async () => {
  const root = await tempLake();
  await writePartition(root, SPY, barsFrame(bars(OPEN_MS, 390), "sim"));
  const file = `${root}/${partitionFile(SPY)}`;
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const codecs = (await con.runAndReadAll(
      `SELECT DISTINCT compression FROM parquet_metadata('${file}')`,
    )).getRowObjectsJS();
    assert.deepEqual(codecs, [{ compression: "ZSTD" }]);
    const back = (await con.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, round(sum(close), 2) AS s FROM '${file}'`,
    )).getRowObjectsJS();
    const sum = bars(OPEN_MS, 390).reduce((t, b) => t + b.close, 0);
    assert.deepEqual(back, [{ n: 390, s: Math.round(sum * 100) / 100 }]);
  } finally {
    con.closeSync();
    db.closeSync();
  }
  await Deno.remove(root, { recursive: true });
});

Deno.test("writePartition() writes the quarantine beside the file and removes it when clean", async () => {
  const root = await tempLake();
  const qPath = `${root}/equity_minute/symbol=SPY/date=2025-03-03/_quarantine.jsonl`;
  const rows = [{ reason: "low 3 > min(open, close) 1", row: { ts: 0 } }, {
    reason: "conflicting duplicate of ts 0",
    row: { ts: 0, open: 2 },
  }];
  const entry = await writePartition(root, SPY, barsFrame(bars(OPEN_MS, 3), "sim"), rows);
  assert.equal(entry.quarantined, 2);
  assert.deepEqual(
    (await Deno.readTextFile(qPath)).trimEnd().split("\n").map((l) => JSON.parse(l)),
    rows,
  );
  await writePartition(root, SPY, barsFrame(bars(OPEN_MS, 3), "sim"));
  assert.deepEqual(await filesUnder(root), [partitionFile(SPY)]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("partitionIntact() is true for the file as written, false when truncated or missing", async () => {
  const root = await tempLake();
  const entry = await writePartition(root, SPY, barsFrame(bars(OPEN_MS, 390), "sim"));
  assert.equal(await partitionIntact(root, SPY, entry), true);
  await Deno.truncate(`${root}/${partitionFile(SPY)}`, entry.bytes - 10);
  assert.equal(await partitionIntact(root, SPY, entry), false);
  await Deno.remove(`${root}/${partitionFile(SPY)}`);
  assert.equal(await partitionIntact(root, SPY, entry), false);
  await Deno.remove(root, { recursive: true });
});
