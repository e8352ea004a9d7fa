// `deno task backfill --datasets equity,index,options,news` through the fake Polygon server
// with faults: killed with SIGKILL in the middle of a day's option bars and resumed, it ends
// with the lake an uninterrupted run writes, without fetching the staged contracts again.
import assert from "node:assert/strict";
import { loadConfig } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import {
  createPolygonSource,
  type FakeFaults,
  startFakePolygon,
} from "../../lib/sources/polygon/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import type { Source } from "../../lib/sources/source.ts";
import { filesUnder, runTask, taskCommand } from "./_run.ts";

const sim = createSimSource({ seed: 42 });
const FROM = "2025-03-05", TO = "2025-03-07";
const FAULTS: FakeFaults = {
  rateLimit: { rate: 0.3, retryAfterS: 0 },
  serverError: { rate: 0.05, burst: 1 },
  truncated: { rate: 0.05 },
  maxPerRequest: 2,
};
const CONFIG_YAML = "source:\n  polygon:\n    pageLimit: 100\n"; // several pages a day of bars

const args = (baseUrl: string, config: string) => [
  "--from",
  FROM,
  "--to",
  TO,
  "--datasets",
  "equity,index,options,news",
  "--source",
  "polygon",
  "--base-url",
  baseUrl,
  "--rate-limit",
  "6000",
  "--config",
  config,
];

/** The simulator as the fake's provider, calling `onOption(ticker, date)` on each option served. */
function watched(onOption: (ticker: string, date: string) => void): Source {
  return {
    name: "sim",
    minuteBars(ticker, date, o) {
      if (ticker.startsWith("O:")) onOption(ticker, date);
      return sim.minuteBars(ticker, date, o);
    },
    optionContracts: (u, d, o) => sim.optionContracts(u, d, o),
    news: (t, d, o) => sim.news(t, d, o),
  };
}

/** The uninterrupted run, in process, against its own fake (same faults), sleeping never. */
async function referenceLake(dir: string): Promise<void> {
  const fake = startFakePolygon({ provider: sim, faults: FAULTS, seed: 9 });
  try {
    const config = loadConfig({
      yamlText: CONFIG_YAML,
      env: { STRIKELAB_DATA_DIR: dir, POLYGON_API_KEY: "fake-key" },
      overrides: {
        source: { name: "polygon", polygon: { baseUrl: fake.url, rateLimitPerMinute: 6000 } },
        backfill: { from: FROM, to: TO, datasets: ["equity", "index", "options", "news"] },
      },
    });
    const source = createPolygonSource({
      apiKey: "fake-key",
      baseUrl: fake.url,
      rateLimitPerMinute: 6000,
      pageLimit: config.source.polygon.pageLimit,
      sleep: () => Promise.resolve(),
    });
    const log = createLogger({ write: () => {} });
    const result = await backfill(config, { source, command: ["reference"], log });
    assert.equal(result.status, "ok");
    assert.ok(fake.stats.faults.rateLimit > 0);
  } finally {
    await fake.close();
  }
}

Deno.test("options backfill through faults, killed with SIGKILL mid-day and resumed, equals an uninterrupted run", async () => {
  const reference = await Deno.makeTempDir({ prefix: "strikelab-options-ref-" });
  const killed = await Deno.makeTempDir({ prefix: "strikelab-options-kill-" });
  const config = `${killed}.yaml`;
  await Deno.writeTextFile(config, CONFIG_YAML);
  let child: Deno.ChildProcess | null = null;
  let killedAt: string | null = null;
  const perDay = new Map<string, Set<string>>();
  const fake = startFakePolygon({
    provider: watched((ticker, date) => {
      const seen = perDay.get(date) ?? new Set<string>();
      perDay.set(date, seen.add(ticker));
      // A day asks for its contracts one after another, staging each: when one asks for its
      // third, its first two are staged and the day is not written. Kill the backfill there.
      if (seen.size === 3 && child && killedAt === null) {
        killedAt = date;
        child.kill("SIGKILL");
      }
    }),
    faults: FAULTS,
    seed: 9,
  });
  try {
    await referenceLake(reference);

    child = taskCommand("backfill", args(fake.url, config), {
      env: { STRIKELAB_DATA_DIR: killed, POLYGON_API_KEY: "fake-key" },
      stdout: "null",
    }).spawn();
    const drained = child.stderr.pipeTo(new WritableStream());
    const status = await child.status;
    await drained;
    assert.equal(status.signal, "SIGKILL", "the run ended before a day's third contract");
    assert.ok(killedAt);

    // The staged contracts, and the day cut short among them with two.
    const stagedFiles = (await filesUnder(`${killed}/lake/_staging`))
      .filter((f) => f.endsWith(".parquet"));
    const staged = stagedFiles.map((f) => decodeURIComponent(f.split("/").at(-1)!.slice(0, -8)));
    const cut = stagedFiles.filter((f) => f.includes(`date=${killedAt}/`));
    assert.ok(cut.length >= 2, `staged: ${stagedFiles}`);
    const manifest = await Deno.readTextFile(`${killed}/lake/option_minute/_manifest.json`)
      .catch(() => "");
    assert.ok(!manifest.includes(`date=${killedAt}`), "the cut day is not in the manifest");

    const mark = fake.stats.log.length;
    const resumed = await runTask("backfill", args(fake.url, config), {
      env: { STRIKELAB_DATA_DIR: killed, POLYGON_API_KEY: "fake-key" },
    });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /partitions: 15 planned, \d+ written, [1-9]\d* skipped, 0 failed/);
    const later = fake.stats.log.slice(mark).map((r) => r.path);
    for (const ticker of staged) {
      const path = `/v2/aggs/ticker/${encodeURIComponent(ticker)}/`;
      assert.ok(!later.some((p) => p.startsWith(path)), `${ticker} was staged yet fetched again`);
    }
    assert.ok(later.some((p) => p.startsWith("/v2/aggs/ticker/O%3A")), "the rest was fetched");

    // The same files, byte for byte: partitions and manifests; no staging, temp file or lock.
    const files = await filesUnder(`${reference}/lake`);
    assert.equal(files.filter((f) => f.endsWith(".parquet")).length, 15);
    assert.deepEqual(await filesUnder(`${killed}/lake`), files);
    for (const f of files) {
      assert.deepEqual(
        await Deno.readFile(`${killed}/lake/${f}`),
        await Deno.readFile(`${reference}/lake/${f}`),
        f,
      );
    }
  } finally {
    await fake.close();
    for (const path of [reference, killed, config]) await Deno.remove(path, { recursive: true });
  }
});

Deno.test("deno task backfill of options without the underlying's bars exits 1 and names the fix", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-options-task-" });
  const r = await runTask("backfill", [
    "--from",
    "2025-03-07",
    "--to",
    "2025-03-07",
    "--datasets",
    "options",
    "--source",
    "sim",
    "--underlyings",
    "QQQ",
  ], { env: { STRIKELAB_DATA_DIR: dir } });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split("\n").filter((l) => l.startsWith("  failed")), [
    "  failed option_contracts/underlying=QQQ/date=2025-03-07: No equity_minute partition for QQQ on 2025-03-07: backfill the underlying first (--datasets equity,options --symbols QQQ)",
    "  failed option_minute/underlying=QQQ/date=2025-03-07: No option_contracts partition for QQQ on 2025-03-07: run the contract selection first",
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task backfill prints contracts that are not listed as warnings and exits 0", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-options-task-" });
  const r = await runTask("backfill", [
    "--from",
    "2025-03-06",
    "--to",
    "2025-03-07",
    "--datasets",
    "equity,options",
    "--source",
    "sim",
    "--strike-increment",
    "0.5",
  ], { env: { STRIKELAB_DATA_DIR: dir } });
  assert.equal(r.code, 0, r.stderr);
  const warnings = r.stdout.split("\n").filter((l) => l.startsWith("  warning"));
  assert.equal(warnings.length, 4);
  for (const [i, date] of ["2025-03-06", "2025-03-06", "2025-03-07", "2025-03-07"].entries()) {
    assert.match(
      warnings[i],
      new RegExp(
        `^  warning option_contracts/underlying=SPY/date=${date}: selected O:SPY${
          date.slice(2).replaceAll("-", "")
        }[CP]00\\d{3}500 \\(open \\d+\\.\\d+\\) is not listed$`,
      ),
    );
  }
  assert.match(r.stdout, /partitions: 6 planned, 6 written, 0 skipped, 0 failed/);
  await Deno.remove(dir, { recursive: true });
});
