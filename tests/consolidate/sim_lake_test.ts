import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { minuteGrid, tradingDays } from "../../lib/calendar/mod.ts";
import { ConfigSchema } from "../../lib/config/mod.ts";
import {
  consolidate,
  consolidateLake,
  consolidationStats,
  prepareTraining,
  prepareTrainingLake,
} from "../../lib/consolidate/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { Manifest, scan, scanLake } from "../../lib/lake/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

const FROM = "2025-03-03", TO = "2025-03-31";
const dir = await Deno.makeTempDir({ prefix: "strikelab-consolidate-" });
const root = `${dir}/lake`;
const config = ConfigSchema.parse({
  data: { dir },
  source: { name: "sim" },
  backfill: { datasets: ["equity", "index", "options", "news"], from: FROM, to: TO },
});
await backfill(config, {
  source: createSimSource({ seed: 42 }),
  command: ["test"],
  log: createLogger({ level: "error", write: () => {} }),
});
const first = await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO });
const shas = async (dataset: "consolidated" | "training") =>
  (await Manifest.open(root, dataset)).toJSON().partitions;
const firstShas = await shas("consolidated");

Deno.test("a simulated month consolidates to exactly one row per traded option minute in the sessions", async () => {
  const bars = await (await scanLake(root, "option_minute", { values: ["SPY"] })).collect();
  const session = new Set(tradingDays(FROM, TO).flatMap((d) => Array.from(minuteGrid(d))));
  const ms = bars.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toTypedArray() as Float64Array;
  const expected = Array.from(ms).filter((t) => session.has(t)).length;
  assert.ok(expected > 5_000);
  const table = await (await scan("consolidated", { underlying: "SPY", from: FROM, to: TO, root }))
    .collect();
  assert.equal(table.height, expected);
  assert.equal(first.stats.rows, expected);
  assert.equal(table.select(pl.col("ticker"), pl.col("ts")).unique().height, expected);
  assert.deepEqual(first.dates, tradingDays(FROM, TO));
  assert.equal(Object.keys(firstShas).length, first.dates.length);
  assert.equal(first.warnings.length, 0);
  assert.equal(table.getColumn("vix_close").nullCount(), 0);
  assert.ok(table.getColumn("news_count").sum() > 0);
});

Deno.test("the lake runner's partitions hold the in-memory consolidate() table, value for value and null for null", async () => {
  const read = async (dataset: Parameters<typeof scanLake>[1], value: string) =>
    await (await scanLake(root, dataset, { values: [value] })).collect();
  const table = consolidate({
    underlying: await read("equity_minute", "SPY"),
    options: await read("option_minute", "SPY"),
    contracts: await read("option_contracts", "SPY"),
    vix: await read("index_minute", "I:VIX"),
    news: await read("news", "SPY"),
  }, { underlying: "SPY" });
  const lake = await (await scan("consolidated", { underlying: "SPY", root })).collect();
  assert.equal(lake.height, table.height);
  const same = table.select(...lake.columns);
  assert.deepEqual(lake.schema, same.schema);
  for (const c of lake.columns) {
    assert.equal(lake.getColumn(c).seriesEqual(same.getColumn(c), true, true), true, c);
  }
  assert.ok(lake.getColumn("iv").nullCount() > 0 && lake.getColumn("rsi_14").nullCount() > 0);
});

Deno.test("the lake's scan() and scanLake() read the same consolidated frame", async () => {
  const a = await (await scan("consolidated", {
    underlying: "SPY",
    from: "2025-03-10",
    to: "2025-03-12",
    root,
  })).collect();
  const b = await (await scanLake(root, "consolidated", {
    values: ["SPY"],
    from: "2025-03-10",
    to: "2025-03-12",
  })).collect();
  assert.equal(a.frameEqual(b, true), true);
  assert.deepEqual(a.columns.slice(-2), ["underlying", "date"]);
  const many = await (await scan("option_minute", {
    values: ["QQQ", "SPY"],
    from: "2025-03-10",
    to: "2025-03-10",
    root,
  })).collect();
  const one = await (await scanLake(root, "option_minute", {
    values: ["SPY"],
    from: "2025-03-10",
    to: "2025-03-10",
  })).collect();
  assert.equal(many.frameEqual(one, true), true);
  Deno.env.set("STRIKELAB_DATA_DIR", dir);
  try {
    const viaEnv = await (await scan("consolidated", {
      underlying: "SPY",
      from: "2025-03-10",
      to: "2025-03-12",
    })).collect();
    assert.equal(viaEnv.frameEqual(a, true), true);
  } finally {
    Deno.env.delete("STRIKELAB_DATA_DIR");
  }
  await assert.rejects(() => scan("consolidated", { symbol: "SPY", root }), {
    name: "TypeError",
    message: "Cannot scan consolidated: it is keyed by underlying, got symbol",
  });
  await assert.rejects(() => scan("consolidated", { underlying: "QQQ", root }), {
    name: "RangeError",
    message: new RegExp(`^No consolidated partitions in ${root} for QQQ`),
  });
}); // deno-fmt-ignore

Deno.test("re-running a range or a single date rewrites the partitions byte for byte", async () => {
  await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO });
  assert.deepEqual(await shas("consolidated"), firstShas);
  const one = await consolidateLake(root, { underlying: "SPY", from: "2025-03-19", to: "2025-03-19" });
  assert.deepEqual(one.dates, ["2025-03-19"]);
  assert.deepEqual(one.outputs[0].sha256, firstShas["underlying=SPY/date=2025-03-19"].sha256);
  assert.deepEqual(await shas("consolidated"), firstShas);
});

Deno.test("consolidating a few dates at a time writes the same bytes and statistics", async () => {
  const pieces = await consolidateLake(root, {
    underlying: "SPY",
    from: FROM,
    to: TO,
    chunkDates: 4,
  });
  assert.deepEqual(await shas("consolidated"), firstShas);
  assert.deepEqual(pieces.outputs, first.outputs);
  assert.deepEqual(pieces.stats, first.stats);
  const table = await (await scan("consolidated", { underlying: "SPY", root })).collect();
  assert.deepEqual(
    pieces.stats,
    consolidationStats(table, { optionBars: pieces.stats.rows + (pieces.stats.offSession ?? 0) }),
  );
  await assert.rejects(
    () => consolidateLake(root, { underlying: "SPY", from: FROM, to: TO, chunkDates: 0 }),
    {
      name: "RangeError",
      message: "Cannot consolidate: chunkDates must be an integer >= 1, got 0",
    },
  );
}); // deno-fmt-ignore

Deno.test("prepareTrainingLake() writes the training dataset and leaves consolidated untouched", async () => {
  const r = await prepareTrainingLake(root, { underlying: "SPY", from: FROM, to: TO });
  assert.deepEqual(await shas("consolidated"), firstShas);
  const training = await (await scan("training", { underlying: "SPY", root })).collect();
  const table = await (await scan("consolidated", { underlying: "SPY", root })).collect();
  const expected = prepareTraining(table);
  assert.ok(expected.height > 1_000);
  assert.equal(training.select(...expected.columns).frameEqual(expected, true), true);
  assert.equal(r.stats.rowsOut, expected.height);
  assert.ok(r.stats.withTarget <= r.stats.eligible && r.stats.eligible <= r.stats.rowsIn);
  assert.equal(Object.keys(await shas("training")).length, r.dates.length);
});

Deno.test("consolidateLake() says what to run when the range has no option bars", async () => {
  await assert.rejects(
    () => consolidateLake(root, { underlying: "SPY", from: "2025-04-01", to: "2025-04-03" }),
    {
      name: "RangeError",
      message:
        "Cannot consolidate SPY: no option_minute partitions from 2025-04-01 to 2025-04-03; run `deno task backfill --datasets options` first",
    },
  );
}); // deno-fmt-ignore

globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
