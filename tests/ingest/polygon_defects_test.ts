// Ingest defects found with Polygon: silent drops, 16:00–16:15 option trades, a 403 on one dataset.
import assert from "node:assert/strict";
import { nyToUtcMs } from "../../lib/calendar/mod.ts";
import { ConfigSchema } from "../../lib/config/mod.ts";
import { backfill, barsJob, runJobs } from "../../lib/ingest/mod.ts";
import { Manifest, partitionDir } from "../../lib/lake/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createPolygonSource } from "../../lib/sources/polygon/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import type { Source } from "../../lib/sources/source.ts";
import { fillDay, readPartition, removeLake, tempLake } from "./_options_lake.ts";

const DATE = "2025-03-04";
const at = (h: number, m: number) => nyToUtcMs(DATE, h, m);
const bar = (t: number, o = 10) => ({
  t,
  o,
  h: o + 0.2,
  l: o - 0.1,
  c: o + 0.1,
  v: 100,
  vw: o,
  n: 5,
});

/** Planted bars: 2 good regular minutes, a second different 09:31, one before the open, late prints. */
const PLANTED = [
  bar(at(9, 30)),
  bar(at(9, 31)),
  bar(at(9, 31), 11), // a second, different bar for the same minute
  bar(at(9, 29)), // before the open
  bar(at(16, 0)),
  bar(at(16, 14)),
  bar(at(16, 15)), // after the option close
];

function plantedServer() {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname);
    if (path.includes("/ticker/I:VIX/")) {
      return Response.json({
        status: "NOT_AUTHORIZED",
        request_id: "x",
        message:
          "You are not entitled to this data. Please upgrade your plan at https://polygon.io/pricing",
      }, { status: 403 });
    }
    return Response.json({
      status: "OK",
      ticker: "X",
      resultsCount: PLANTED.length,
      results: PLANTED,
    });
  });
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

const polygon = (url: string) =>
  createPolygonSource({ apiKey: "k", baseUrl: url, rateLimitPerMinute: 100_000, maxRetries: 0 });

Deno.test("Polygon equity bars: a second different bar for a minute and a bar outside the session are quarantined with reasons, not dropped", async () => {
  const server = plantedServer();
  const root = await tempLake();
  try {
    const s = await runJobs([barsJob(polygon(server.url), "equity_minute", "SPY", DATE)], { root });
    assert.equal(s.written, 1);
    assert.equal(s.rows, 2); // 09:30 and 09:31 (the first copy)
    assert.equal(s.quarantined, 5); // the second 09:31, 09:29, 16:00, 16:14, 16:15
    const id = { dataset: "equity_minute" as const, value: "SPY", date: DATE };
    const lines = (await Deno.readTextFile(`${root}/${partitionDir(id)}/_quarantine.jsonl`))
      .trim().split("\n").map((l) => JSON.parse(l).reason as string);
    assert.equal(lines.length, 5);
    assert.match(
      lines.find((r) => r.startsWith("conflicting duplicate"))!,
      /^conflicting duplicate of ts \d+$/,
    );
    assert.equal(
      lines.filter((r) => /outside|window|session|before|after/.test(r)).length,
      4,
      lines.join("; "),
    );
  } finally {
    await server.close();
    await removeLake(root);
  }
});

Deno.test("option bars printed 16:00–16:15 are kept; 16:15 and a duplicate are quarantined and counted", async () => {
  const server = plantedServer();
  const root = await tempLake();
  try {
    const sim = createSimSource({ seed: 42 });
    const pg = polygon(server.url);
    const source: Source = {
      name: "polygon",
      minuteBars: (
        t,
        d,
        o,
      ) => (t.startsWith("O:") ? pg.minuteBars(t, d, o) : sim.minuteBars(t, d, o)),
      optionContracts: (u, d, o) => sim.optionContracts(u, d, o),
      news: (t, d, o) => sim.news(t, d, o),
    };
    const { bars } = await fillDay(source, root, DATE);
    assert.equal(bars.written, 1);
    const df = readPartition(root, { dataset: "option_minute", value: "SPY", date: DATE });
    const contracts = new Set(df.getColumn("ticker").toArray()).size;
    assert.equal(contracts, 4);
    assert.equal(df.height, 4 * 4); // 09:30, 09:31, 16:00, 16:14 for each contract
    const late = df.getColumn("ts").toArray().filter((d) =>
      (d as unknown as Date).getTime() >= at(16, 0)
    );
    assert.equal(late.length, 4 * 2);
    assert.equal(bars.quarantined, 4 * 3); // duplicate 09:31, 09:29, 16:15 for each contract
  } finally {
    await server.close();
    await removeLake(root);
  }
});

Deno.test("a 403 on I:VIX fails only the index partitions, naming the plan's entitlement; SPY is written", async () => {
  const server = plantedServer();
  const dir = await Deno.makeTempDir({ prefix: "strikelab-403-" });
  try {
    const config = ConfigSchema.parse({
      data: { dir },
      backfill: { datasets: ["equity", "index"], from: "2025-03-03", to: DATE, concurrency: 1 },
    });
    const r = await backfill(config, {
      source: polygon(server.url),
      command: ["test"],
      log: createLogger({ level: "error", write: () => {} }),
    });
    assert.equal(r.summary.fatal, null);
    assert.equal(r.status, "failed");
    assert.equal(r.summary.written, 2);
    assert.equal(r.summary.failed, 2);
    assert.deepEqual(r.summary.failures.map((f) => f.partition), [
      "index_minute/symbol=I%3AVIX/date=2025-03-03",
      `index_minute/symbol=I%3AVIX/date=${DATE}`,
    ]);
    for (const f of r.summary.failures) {
      assert.match(
        f.error,
        /plan for this API key does not include minute aggregates of I:VIX \(403, not entitled\)/,
      );
      assert.ok(!f.error.includes("rejected the API key"));
    }
    assert.equal((await Manifest.open(`${dir}/lake`, "equity_minute")).keys().length, 2);
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a day with zero bars (unknown symbol SPYY) is recorded as empty with a warning, skipped on resume, fetched again with retryEmpty", async () => {
  let hits = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    hits++;
    return Response.json({ status: "OK", ticker: "SPYY", resultsCount: 0, results: [] });
  });
  const root = await tempLake();
  try {
    const source = polygon(`http://127.0.0.1:${server.addr.port}`);
    const job = () => [barsJob(source, "equity_minute", "SPYY", DATE)];
    const first = await runJobs(job(), { root });
    assert.equal(first.written, 1);
    assert.equal(first.rows, 0);
    assert.deepEqual(first.warnings, [
      `equity_minute/symbol=SPYY/date=${DATE}: zero bars for SPYY: polygon returned no bars (an unknown symbol, or nothing published yet); recorded as empty, --retry-empty fetches it again`,
    ]);
    assert.equal(
      (await Manifest.open(root, "equity_minute")).get(`symbol=SPYY/date=${DATE}`)?.rows,
      0,
    );
    const resumed = await runJobs(job(), { root });
    assert.equal(resumed.skipped, 1);
    assert.equal(hits, 1);
    const retried = await runJobs(job(), { root, retryEmpty: true });
    assert.equal(retried.written, 1);
    assert.equal(hits, 2);
  } finally {
    await server.shutdown();
    await removeLake(root);
  }
});
