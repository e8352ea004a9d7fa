// Chain-scale consolidation of index options (issue 13): I:SPX options (SPX AM monthlies and
// SPXW PM dailies) selected by moneyness over DTE 0-7, backfilled by the real jobs with the
// index from index_minute, consolidated day by day by the lake runner; the partitions equal
// the in-memory consolidate() table, and t_years ends at 09:30 for SPX, 16:00 for SPXW.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { ConfigSchema } from "../../lib/config/mod.ts";
import { consolidate, consolidateLake } from "../../lib/consolidate/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { scan, scanLake } from "../../lib/lake/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

const FROM = "2024-03-13", TO = "2024-03-14";

Deno.test("I:SPX chains consolidate day by day into the in-memory table, with AM and PM settlement", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-index-chain-" });
  const root = `${dir}/lake`;
  try {
    const config = ConfigSchema.parse({
      data: { dir },
      source: { name: "sim" },
      backfill: {
        datasets: ["index", "options", "news"],
        symbols: ["I:SPX"],
        indices: ["I:VIX", "I:SPX"],
        from: FROM,
        to: TO,
      },
      options: { underlyings: ["I:SPX"], select: "moneyness", moneyness: 0.01, dteMax: 7 },
    });
    const done = await backfill(config, {
      source: createSimSource({ seed: 42 }),
      command: ["test"],
      log: createLogger({ level: "error", write: () => {} }),
    });
    assert.equal(done.status, "ok", JSON.stringify(done.summary.failures));
    const r = await consolidateLake(root, { underlying: "I:SPX", from: FROM, to: TO });
    assert.deepEqual(r.dates, [FROM, TO]);
    const read = async (dataset: Parameters<typeof scanLake>[1], value: string) =>
      await (await scanLake(root, dataset, { values: [value] })).collect();
    const table = consolidate({
      underlying: await read("index_minute", "I:SPX"),
      options: await read("option_minute", "I:SPX"),
      contracts: await read("option_contracts", "I:SPX"),
      vix: await read("index_minute", "I:VIX"),
      news: await read("news", "I:SPX").catch(() => null),
    }, { underlying: "I:SPX" });
    const lake = await (await scan("consolidated", { underlying: "I:SPX", root })).collect();
    assert.equal(lake.height, r.stats.rows);
    assert.ok(lake.height > 5_000, `${lake.height} rows`);
    const same = table.select(...lake.columns);
    assert.deepEqual(lake.schema, same.schema);
    for (const c of lake.columns) {
      assert.equal(lake.getColumn(c).seriesEqual(same.getColumn(c), true, true), true, c);
    }
    // The same minute, strike and expiry (2024-03-15) on both roots: SPX has 6.5 hours less.
    const at = (root: string) =>
      lake.filter(
        pl.col("ticker").str.startsWith(`O:${root}240315`).and(
          pl.col("date").eq(pl.lit(new Date(Date.UTC(2024, 2, 14)))),
        ),
      ).select("ts", "strike", "right", "t_years");
    const both = at("SPX").join(at("SPXW"), { on: ["ts", "strike", "right"], suffix: "_w" });
    assert.ok(both.height > 10, `${both.height} minutes where SPX and SPXW both traded`);
    const gap = both.select(pl.col("t_years_w").sub(pl.col("t_years")).mul(8760).alias("h"))
      .getColumn("h").toArray() as number[];
    assert.ok(gap.every((h) => Math.abs(h - 6.5) < 1e-9), `hours between settlements: ${gap[0]}`);
    // SPX's spot is the index: about ten times SPY, from index_minute
    const spot = lake.getColumn("spot").toArray() as number[];
    assert.ok(spot.every((s) => s > 3000 && s < 9000), `spot ${spot[0]}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
