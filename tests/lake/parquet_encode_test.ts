import assert from "node:assert/strict";
import zlib from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import { encodeParquet, frameColumns, partitionFile, writePartition } from "@lib/lake/mod.ts";
import {
  PAGE_ROWS,
  reusedZstd,
  ROW_GROUP_ROWS,
  zstdFresh,
} from "../../lib/lake/_parquet_encode.ts";
import { tempLake } from "./_helpers.ts";

/** A frame with every kind the encoder writes, nulls in each, NaN, signed zeros and UTF-8. */
function everyKind(): pl.DataFrame {
  return pl.DataFrame({
    f64: [1.5, null, -2, NaN, -0],
    s: ["z", "é€😀", null, "", "a"],
    b: [true, false, null, true, true],
    i: [1, 2, null, 4, -5],
  }).withColumns(
    pl.col("i").cast(pl.Int8).alias("i8"),
    pl.col("i").cast(pl.Int16).alias("i16"),
    pl.col("i").cast(pl.Int32).alias("i32"),
    pl.col("i").cast(pl.Int64).alias("i64"),
    pl.col("i").abs().cast(pl.UInt8).alias("u8"),
    pl.col("i").abs().cast(pl.UInt16).alias("u16"),
    pl.col("i").abs().cast(pl.UInt32).alias("u32"),
    pl.col("f64").cast(pl.Float32).alias("f32"),
    pl.col("i").cast(pl.Date).alias("d"),
    pl.col("i").mul(1_741_000_000_000).cast(pl.Int64).cast(pl.Datetime("ms")).alias("ts_ms"),
    pl.col("i").cast(pl.Int64).cast(pl.Datetime("us")).alias("ts_us"),
    pl.col("i").cast(pl.Int64).cast(pl.Datetime("ns")).alias("ts_ns"),
  );
}

async function roundTrip(df: pl.DataFrame): Promise<{ back: pl.DataFrame; path: string }> {
  const path = `${await tempLake()}/t.parquet`;
  await Deno.writeFile(path, encodeParquet(frameColumns(df)!, df.height));
  return { back: pl.readParquet(path), path };
}

async function duck<T>(run: (q: (sql: string) => Promise<Record<string, unknown>[]>) => T) {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    return await run(async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS());
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

Deno.test("encodeParquet() round-trips every kind through Polars: values, nulls, NaN, -0, UTF-8 and dtypes", async () => {
  const df = everyKind();
  const { back, path } = await roundTrip(df);
  assert.deepEqual(back.schema, df.schema);
  assert.equal(back.frameEqual(df, true), true);
  assert.ok(Object.is(back.getColumn("f64").get(4), -0));
  assert.ok(Number.isNaN(back.getColumn("f64").get(3)));
  assert.deepEqual(back.getColumn("s").toArray(), ["z", "é€😀", null, "", "a"]);
  await Deno.remove(path);
});

Deno.test("encodeParquet() writes min/max (NaN skipped, strings by UTF-8 bytes) and null counts that DuckDB reads", async () => {
  const { path } = await roundTrip(everyKind());
  const stats = await duck((q) =>
    q(`SELECT path_in_schema AS c, stats_min_value AS lo, stats_max_value AS hi,
         stats_null_count::INTEGER AS nulls, compression FROM parquet_metadata('${path}')`)
  );
  const by = Object.fromEntries(stats.map((r) => [r.c, [r.lo, r.hi, r.nulls, r.compression]]));
  assert.deepEqual(by.f64, ["-2.0", "1.5", 1, "ZSTD"]);
  // "é€😀" starts with byte 0xC3, above "z" (0x7A): unsigned byte order, not UTF-16 order
  assert.deepEqual(by.s, ["", "é€😀", 1, "ZSTD"]);
  assert.deepEqual(by.b, ["false", "true", 1, "ZSTD"]);
  assert.deepEqual(by.i8, ["-5", "4", 1, "ZSTD"]);
  assert.deepEqual(by.u32, ["1", "5", 1, "ZSTD"]);
  assert.deepEqual(by.d, ["1969-12-27", "1970-01-05", 1, "ZSTD"]);
  const rows = await duck((q) => q(`SELECT s, i64::INTEGER AS i, d::VARCHAR AS d FROM '${path}'`));
  assert.deepEqual(rows, [
    { s: "z", i: 1, d: "1970-01-02" },
    { s: "é€😀", i: 2, d: "1970-01-03" },
    { s: null, i: null, d: null },
    { s: "", i: 4, d: "1970-01-05" },
    { s: "a", i: -5, d: "1969-12-27" },
  ]);
  await Deno.remove(path);
}); // deno-fmt-ignore

Deno.test("encodeParquet() splits large tables into row groups and pages that readers reassemble", async () => {
  const n = ROW_GROUP_ROWS + PAGE_ROWS + 7;
  const df = pl.DataFrame({ k: Array.from({ length: n }, (_, i) => i) }).withColumns(
    pl.when(pl.col("k").modulo(7).eq(0)).then(pl.lit(null)).otherwise(pl.col("k"))
      .cast(pl.Int64).alias("k"),
    pl.col("k").modulo(3).cast(pl.Utf8).alias("s"),
  );
  const { back, path } = await roundTrip(df);
  assert.equal(back.frameEqual(df, true), true);
  const groups = await duck((q) =>
    q(`SELECT row_group_id::INTEGER AS g, row_group_num_rows::INTEGER AS n,
         stats_min_value AS lo, stats_max_value AS hi, stats_null_count::INTEGER AS nulls
       FROM parquet_metadata('${path}') WHERE path_in_schema = 'k' ORDER BY g`)
  );
  // every 7th row is null: 0 and 65534 = 7 × 9362 are, 65535, 65536 and 98310 are not
  assert.equal(ROW_GROUP_ROWS, 65_536);
  assert.deepEqual(groups, [
    { g: 0, n: ROW_GROUP_ROWS, lo: "1", hi: "65535", nulls: 9363 },
    { g: 1, n: n - ROW_GROUP_ROWS, lo: "65536", hi: "98310", nulls: 4682 },
  ]);
  const sum = await duck((q) => q(`SELECT sum(k)::DOUBLE AS t, count(k)::INTEGER AS c FROM '${path}'`));
  const kept = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0);
  assert.deepEqual(sum, [{ t: kept.reduce((a, b) => a + b, 0), c: kept.length }]);
  await Deno.remove(path);
}); // deno-fmt-ignore

Deno.test("encodeParquet() of no rows keeps the schema, and the same columns always give the same bytes", async () => {
  const empty = everyKind().clear();
  const { back, path } = await roundTrip(empty);
  assert.equal(back.height, 0);
  assert.deepEqual(back.schema, empty.schema);
  const df = everyKind();
  assert.deepEqual(
    encodeParquet(frameColumns(df)!, df.height),
    encodeParquet(frameColumns(df)!, df.height),
  );
  await Deno.remove(path);
});

Deno.test("reusedZstd() gives the bytes of a fresh zstdCompressSync frame, call after call", () => {
  const z = reusedZstd();
  let seed = 7;
  for (const size of [0, 1, 100, 12_480, 300_000]) {
    const data = new Uint8Array(size).map(() =>
      (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 97
    );
    const frame = z(data);
    assert.deepEqual(frame, new Uint8Array(zstdFresh(data)));
    assert.deepEqual(new Uint8Array(zlib.zstdDecompressSync(frame)), data);
  }
});

Deno.test("encodeParquet() rejects columns it cannot write, naming them", () => {
  const v = new Float64Array([1, 2]);
  assert.throws(() => encodeParquet([{ name: "x", kind: "Float64", values: v, valid: null }], 3), {
    name: "RangeError",
    message: "Cannot write column x as Parquet: 2 values for 3 rows",
  });
  const twice = [{ name: "x", kind: "Float64" as const, values: v, valid: null }];
  assert.throws(() => encodeParquet([...twice, ...twice], 2), {
    message: "Cannot write Parquet: column x appears twice",
  });
  // deno-lint-ignore no-explicit-any
  const odd = [{ name: "y", kind: "Decimal" as any, values: v, valid: null }];
  assert.throws(() => encodeParquet(odd, 2), {
    name: "TypeError",
    message: "Cannot write column y as Parquet: unsupported kind Decimal",
  });
});

Deno.test("writePartition() encodes every partition itself and refuses list columns, naming them", async () => {
  const root = await tempLake();
  const id = { dataset: "news" as const, value: "SPY", date: "2025-03-03" };
  const lists = pl.DataFrame({ id: ["a", "b"], tickers: [["SPY"], ["SPY", "QQQ"]] });
  assert.equal(frameColumns(lists), null);
  await assert.rejects(writePartition(root, id, lists), {
    name: "TypeError",
    message: "Cannot write news/ticker=SPY/date=2025-03-03/part-0.parquet: the lake writes flat " +
      "columns only, not tickers (List); store lists as joined text (as news does with tickers)",
  });
  await assert.rejects(Deno.stat(`${root}/${partitionFile(id)}`), Deno.errors.NotFound);
  const flat = pl.DataFrame({ id: ["a"], n: [1] });
  await writePartition(root, id, flat);
  const mine = await duck((q) =>
    q(`SELECT created_by FROM parquet_file_metadata('${root}/${partitionFile(id)}')`)
  );
  assert.deepEqual(mine, [{ created_by: "strikelab parquet encoder 1" }]);
  await Deno.remove(root, { recursive: true });
}); // deno-fmt-ignore
