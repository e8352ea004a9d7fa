// A month of SPY options from the simulator: SPY and I:VIX minute bars, SPY news, then
// 2 calls + 2 puts a day (0DTE) selected and their minute bars fetched, 21 trading days
// (21 x 5 = 105 partitions, 84 contract-days), through backfill() into a new lake. Then
// the options phases alone, and the same month through the fake Polygon server. Each
// end-to-end iteration uses a new seed so that the simulator's caches never help.
import assert from "node:assert/strict";
import { type Config, loadConfig } from "@lib/config/mod.ts";
import { backfill } from "@lib/ingest/mod.ts";
import { writePiece } from "@lib/ingest/_staging.ts";
import { barsFrame } from "@lib/lake/mod.ts";
import { tradingDays } from "@lib/calendar/mod.ts";
import { createLogger } from "@lib/run/mod.ts";
import { createPolygonSource, startFakePolygon } from "@lib/sources/polygon/mod.ts";
import { createSimSource, type Source } from "@lib/sources/mod.ts";

const FROM = "2025-03-03", TO = "2025-03-31"; // 21 trading days
const ALL = ["equity", "index", "options", "news"] as const;
const log = createLogger({ write: () => {} });

function configFor(dir: string, seed: number, datasets: readonly string[], force = false) {
  return loadConfig({
    env: { STRIKELAB_DATA_DIR: dir },
    overrides: {
      source: { name: "sim", sim: { seed } },
      backfill: { from: FROM, to: TO, datasets, force },
      options: { calls: 2, puts: 2, expiry: "same_day" },
    },
  });
}

async function run(config: Config, source: Source) {
  const r = await backfill(config, { source, command: ["bench"], log });
  assert.equal(r.status, "ok");
  return r.summary;
}

// Once, outside the timings: what a run writes.
const dir0 = await Deno.makeTempDir({ prefix: "strikelab-bench-options-" });
const first = await run(configFor(dir0, 1, ALL), createSimSource({ seed: 1 }));
assert.equal(first.written, 105);
const optionRows = first.outputs.filter((o) => o.partition.startsWith("option_minute/"))
  .reduce((n, o) => n + o.rows, 0);
console.log(
  `a month from sim: ${first.written} partitions, ${first.rows} rows ` +
    `(${optionRows} option bars of 84 contract-days)`,
);
let seed = 100;

Deno.bench({
  name:
    `options backfill: a month of SPY + 4 contracts a day + I:VIX + news from sim (~${first.rows} rows)`,
  group: "options",
  baseline: true,
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-options-" });
    const s = seed++;
    b.start();
    await run(configFor(dir, s, ALL), createSimSource({ seed: s }));
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.bench({
  name: "options phases alone (contracts + option bars, 42 partitions, rewritten with --force)",
  group: "options",
  n: 5,
  warmup: 1,
  async fn(b) {
    const config = configFor(dir0, 1, ["options"], true);
    b.start();
    await run(config, createSimSource({ seed: 1 }));
    b.end();
  },
});

Deno.bench({
  name: "the same month through the fake Polygon server (no faults, no rate limit)",
  group: "options",
  n: 3,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-options-" });
    const s = seed++;
    const fake = startFakePolygon({ provider: createSimSource({ seed: s }) });
    const source = createPolygonSource({
      apiKey: "fake-key",
      baseUrl: fake.url,
      rateLimitPerMinute: 1_000_000,
    });
    b.start();
    await run(configFor(dir, s, ALL), source);
    b.end();
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  },
});

// The 84 contract-days' bars as frames, for the staging phase.
const sim1 = createSimSource({ seed: 1 });
const PIECES: [string, ReturnType<typeof barsFrame>][] = [];
for (const date of tradingDays(FROM, TO)) {
  const open = (await sim1.minuteBars("SPY", date))[0].open;
  const k = Math.floor(open);
  const yymmdd = date.slice(2).replaceAll("-", "");
  for (const [right, strike] of [["P", k - 1], ["P", k], ["C", k + 1], ["C", k + 2]] as const) {
    const ticker = `O:SPY${yymmdd}${right}00${strike}000`;
    PIECES.push([ticker, barsFrame(await sim1.minuteBars(ticker, date), "sim", ticker)]);
  }
}

Deno.bench({
  name: "phase: staging the 84 contract-days (zstd Parquet, fsync, rename, folder fsync)",
  group: "options",
  n: 5,
  warmup: 1,
  async fn(b) {
    const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-options-" });
    b.start();
    for (const [ticker, frame] of PIECES) await writePiece(dir, ticker, { frame, quarantine: [] });
    b.end();
    await Deno.remove(dir, { recursive: true });
  },
});

globalThis.addEventListener("unload", () => Deno.removeSync(dir0, { recursive: true }));
