// Real minute bars (SPY and VIX, 2019-02-11..15; Alpha Vantage format, ISC licence, see
// ../shared/data/alphavantage-2019/SOURCES.md) through the replay source, validation, the
// lake and back, and read by DuckDB without our code.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import pl from "nodejs-polars";
import { planBackfill, runJobs } from "@lib/ingest/mod.ts";
import { scanLake } from "@lib/lake/mod.ts";
import { createReplaySource } from "@lib/sources/mod.ts";

const DATA = new URL("../../../../shared/data/alphavantage-2019/", import.meta.url);
const SPY_CSV = fileURLToPath(new URL("SPY_1min.csv", DATA));
const VIX_CSV = fileURLToPath(new URL("VIX_1min.csv", DATA));
const DATES = ["2019-02-11", "2019-02-12", "2019-02-13", "2019-02-14", "2019-02-15"];
const LAKE_DOC = new URL("../../../docs/lake.md", import.meta.url);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The first code block of a language in docs/lake.md ("Lake and data layout"). */
async function readmeSnippet(lang: string): Promise<string> {
  const section = await Deno.readTextFile(LAKE_DOC);
  assert.ok(section.startsWith("# Lake and data layout"), "docs/lake.md lost its title");
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(section);
  assert.ok(m, `no ${lang} block in docs/lake.md`);
  return m[1];
}

interface Row {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * The CSV read independently of lib: February 2019 is EST (UTC-5) and a bar stamped
 * 09:31 covers 09:30-09:31, so its start is the stamp + 5 h - 1 min. Ascending.
 */
async function expected(path: string): Promise<Row[]> {
  const lines = (await Deno.readTextFile(path)).trim().split("\n").slice(1);
  return lines.map((line) => {
    const [t, o, h, l, c, v] = line.split(",");
    const [y, mo, d, hh, mm] = t.split(/[- :]/).map(Number);
    return {
      ts: Date.UTC(y, mo - 1, d, hh + 5, mm) - 60_000,
      open: Number(o),
      high: Number(h),
      low: Number(l),
      close: Number(c),
      volume: Number(v),
    };
  }).reverse();
}

/** Replays the files into `<temp>/data/lake` (docs/lake.md's snippets read `data/lake`). */
async function replayIntoLake(): Promise<string> {
  const root = `${await Deno.makeTempDir({ prefix: "strikelab-replay-lake-" })}/data/lake`;
  const source = createReplaySource({
    files: { SPY: SPY_CSV, "I:VIX": VIX_CSV },
    stamp: "end",
    order: "descending",
  });
  const jobs = planBackfill(source, {
    datasets: ["equity", "index"],
    symbols: ["SPY"],
    indices: ["I:VIX"],
    from: DATES[0],
    to: DATES[4],
  });
  const summary = await runJobs(jobs, { root });
  assert.deepEqual(
    [summary.written, summary.failed, summary.quarantined, summary.rows],
    [10, 0, 0, 1950 + 1923],
  );
  return root;
}

Deno.test("replayed SPY and VIX minutes read back from the lake equal the CSV values exactly", async () => {
  const root = await replayIntoLake();
  const spy = (await scanLake(root, "equity_minute", { values: ["SPY"] })).collectSync();
  const want = await expected(SPY_CSV);
  assert.equal(spy.height, 1950);
  assert.deepEqual(spy.getColumn("ts").cast(pl.Int64).toArray().map(Number), want.map((r) => r.ts));
  for (const col of ["open", "high", "low", "close", "volume"] as const) {
    assert.deepEqual(spy.getColumn(col).toArray(), want.map((r) => r[col]), col);
  }
  assert.deepEqual(spy.getColumn("vwap").nullCount(), 1950);
  assert.deepEqual(spy.getColumn("source").unique().toArray(), ["replay"]);
  // 390 bars a day, 09:30 to 15:59 New York (14:30 to 20:59 UTC)
  const perDay = spy.groupBy("date").agg(
    pl.col("ts").count().alias("n"),
    pl.col("ts").min().alias("first"),
  )
    .sort("date");
  assert.deepEqual(perDay.getColumn("n").toArray().map(Number), [390, 390, 390, 390, 390]);
  assert.deepEqual(
    perDay.getColumn("first").cast(pl.Int64).toArray().map(Number),
    DATES.map((d) => Date.parse(`${d}T14:30:00Z`)),
  );
  await Deno.remove(root.slice(0, -"/data/lake".length), { recursive: true });
});

Deno.test("replayed VIX keeps its missing minutes missing and has no volume", async () => {
  const root = await replayIntoLake();
  const vix = (await scanLake(root, "index_minute")).collectSync();
  const want = await expected(VIX_CSV);
  assert.deepEqual(vix.getColumn("symbol").unique().toArray(), ["I:VIX"]);
  assert.deepEqual(vix.getColumn("ts").cast(pl.Int64).toArray().map(Number), want.map((r) => r.ts));
  assert.deepEqual(vix.getColumn("close").toArray(), want.map((r) => r.close));
  assert.equal(vix.getColumn("volume").nullCount(), 1923);
  assert.equal(vix.getColumn("trades").nullCount(), 1923);
  const perDay = vix.groupBy("date").agg(pl.col("ts").count().alias("n")).sort("date");
  assert.deepEqual(perDay.getColumn("n").toArray().map(Number), [387, 383, 386, 381, 386]);
  // the first VIX bar of 2019-02-12 is stamped 09:33, so it starts 09:32: nothing is invented
  const first12 = vix.filter(pl.col("date").cast(pl.Utf8).eq(pl.lit("2019-02-12"))).getColumn("ts")
    .cast(pl.Int64).min();
  assert.equal(Number(first12), Date.UTC(2019, 1, 12, 14, 32));
  await Deno.remove(root.slice(0, -"/data/lake".length), { recursive: true });
});

Deno.test("docs/lake.md's DuckDB query reads the replayed lake: I:VIX decoded, dates, prices", async () => {
  const root = await replayIntoLake();
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const sql = (await readmeSnippet("sql")).replaceAll("data/lake", root);
    const rows = (await con.runAndReadAll(sql)).getRowObjectsJS() as {
      symbol: string;
      date: Date;
      ts: Date;
      close: number;
      volume: number | null;
    }[];
    assert.equal(rows.length, 1950 + 1923);
    const vix = rows.filter((r) => r.symbol === "I:VIX");
    const spy = rows.filter((r) => r.symbol === "SPY");
    assert.deepEqual([vix.length, spy.length], [1923, 1950]);
    const [wantVix, wantSpy] = [await expected(VIX_CSV), await expected(SPY_CSV)];
    assert.deepEqual(vix.map((r) => r.ts.getTime()), wantVix.map((r) => r.ts));
    assert.deepEqual(vix.map((r) => r.close), wantVix.map((r) => r.close));
    assert.ok(vix.every((r) => r.volume === null));
    assert.deepEqual(spy.map((r) => r.close), wantSpy.map((r) => r.close));
    assert.deepEqual(spy.map((r) => r.volume), wantSpy.map((r) => r.volume));
    const days = [...new Set(spy.map((r) => r.date.toISOString().slice(0, 10)))];
    assert.deepEqual(days, DATES);
  } finally {
    con.closeSync();
    db.closeSync();
  }
  await Deno.remove(root.slice(0, -"/data/lake".length), { recursive: true });
});

Deno.test("docs/lake.md's Polars snippet reads the replayed VIX with its symbol and date", async () => {
  const root = await replayIntoLake();
  const cwd = root.slice(0, -"/data/lake".length);
  const code = `${await readmeSnippet("ts")}
console.log(JSON.stringify({
  height: vix.height,
  symbols: vix.getColumn("symbol").unique().toArray(),
  date: String(vix.getColumn("date").dtype),
  first: vix.sort("ts").getColumn("close").get(0),
}));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--config", `${ROOT}deno.json`, code],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.deepEqual(JSON.parse(new TextDecoder().decode(out.stdout)), {
    height: 1923,
    symbols: ["I:VIX"],
    date: "DataType(Date)",
    first: (await expected(VIX_CSV))[0].close,
  });
  await Deno.remove(cwd, { recursive: true });
});
