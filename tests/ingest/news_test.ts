// The news dataset: de-duplication on article id across overlapping pages and reruns, the
// window of a trading date (weekend news belongs to Monday), quarantine of bad articles.
import { deepEqual, equal, ok } from "node:assert/strict";
import { loadConfig } from "../../lib/config/mod.ts";
import { nyToUtcMs } from "../../lib/calendar/mod.ts";
import { backfill, newsJob, runJobs } from "../../lib/ingest/mod.ts";
import { Manifest } from "../../lib/lake/manifest.ts";
import { newsFrame } from "../../lib/lake/schemas.ts";
import { type NewsArticle, sentimentScore } from "../../lib/market/news.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createPolygonSource, startFakePolygon } from "../../lib/sources/polygon/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import { filesUnder, readPartition, removeLake, tempLake, wrapSource } from "./_options_lake.ts";

const sim = createSimSource({ seed: 42 });
const MONDAY = "2025-03-03";

function article(id: string, publishedMs: number, extra: Partial<NewsArticle> = {}): NewsArticle {
  return {
    id,
    publishedMs,
    title: `story ${id}`,
    publisher: "Desk Notes",
    url: `https://news.example/${id}`,
    tickers: ["SPY"],
    sentiment: sentimentScore("positive"),
    sentimentLabel: "positive",
    sentimentReasoning: null,
    ...extra,
  };
}

const at = (date: string, hour: number, minute = 0) => nyToUtcMs(date, hour, minute);

Deno.test("newsJob() keeps the first copy of each id, sorted by publication time then id", async () => {
  const root = await tempLake();
  const a = article("a", at(MONDAY, 9)), b = article("b", at(MONDAY, 8));
  const c = article("c", at(MONDAY, 8)), a2 = { ...a, title: "a, edited later" };
  const source = wrapSource(sim, { news: () => Promise.resolve([a, c, a2, b, c]) });
  const out = await runJobs([newsJob(source, "SPY", MONDAY)], { root });
  equal(out.rows, 3);
  equal(out.quarantined, 0);
  const df = readPartition(root, { dataset: "news", value: "SPY", date: MONDAY });
  ok(df.frameEqual(newsFrame([b, c, a], "sim")));
  await removeLake(root);
});

Deno.test("newsJob() takes Saturday's and Sunday's articles into Monday and quarantines what lies outside", async () => {
  const root = await tempLake();
  const articles = [
    article("fri-late", at("2025-02-28", 23, 59)), // Friday's window
    article("sat-midnight", at("2025-03-01", 0)), // the first instant of Monday's window
    article("sun", at("2025-03-02", 15)),
    article("mon-late", at(MONDAY, 23, 59)),
    article("tue-midnight", at("2025-03-04", 0)), // the first instant of Tuesday's window
    article("bad-sentiment", at(MONDAY, 10), { sentiment: 2 }),
  ];
  const source = wrapSource(sim, { news: () => Promise.resolve(articles) });
  const out = await runJobs([newsJob(source, "SPY", MONDAY)], { root });
  const df = readPartition(root, { dataset: "news", value: "SPY", date: MONDAY });
  deepEqual(df.getColumn("id").toArray(), ["sat-midnight", "sun", "mon-late"]);
  equal(out.quarantined, 3);
  const q = await Deno.readTextFile(`${root}/news/ticker=SPY/date=${MONDAY}/_quarantine.jsonl`);
  deepEqual(q.trim().split("\n").map((l) => JSON.parse(l).reason), [
    "published 2025-03-01T04:59:00.000Z is outside the news window of 2025-03-03",
    "published 2025-03-04T05:00:00.000Z is outside the news window of 2025-03-03",
    "sentiment: Too big: expected number to be <=1",
  ]);
  await removeLake(root);
});

/** A config for a news backfill of one week from the fake server, 2 articles a page. */
function newsConfig(dir: string, baseUrl: string, force = false) {
  return loadConfig({
    env: { STRIKELAB_DATA_DIR: dir, POLYGON_API_KEY: "fake-key" },
    overrides: {
      source: { name: "polygon", polygon: { baseUrl, rateLimitPerMinute: 60_000, pageLimit: 2 } },
      backfill: { from: MONDAY, to: "2025-03-07", datasets: ["news"], force },
    },
  });
}

async function newsBackfill(dir: string, baseUrl: string, force = false) {
  const config = newsConfig(dir, baseUrl, force);
  const { apiKey, rateLimitPerMinute, pageLimit } = config.source.polygon;
  const source = createPolygonSource({ apiKey: apiKey!, baseUrl, rateLimitPerMinute, pageLimit });
  return await backfill(config, {
    source,
    command: ["deno", "task", "backfill"],
    log: createLogger({ write: () => {} }),
  });
}

Deno.test("news backfilled through overlapping pages is the simulator's, once per id, and a forced rerun writes the same bytes", async () => {
  // Every page after the first repeats the previous page's last 2 articles.
  const fake = startFakePolygon({ provider: sim, faults: { overlap: 2 } });
  const dir = await Deno.makeTempDir({ prefix: "strikelab-news-" });
  const lake = `${dir}/lake`;
  try {
    const first = await newsBackfill(dir, fake.url);
    equal(first.status, "ok");
    equal(first.summary.written, 5);
    const ids: string[] = [];
    for (const date of ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]) {
      const df = readPartition(lake, { dataset: "news", value: "SPY", date });
      const expected = [...await sim.news("SPY", date)]
        .sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : 1));
      ok(df.frameEqual(newsFrame(expected, "polygon")), date);
      ids.push(...df.getColumn("id").toArray() as string[]);
    }
    equal(new Set(ids).size, ids.length, "an article id appears in one date only");
    // Several pages a day, each after the first starting with 2 repeated articles.
    ok(fake.stats.requests >= 5 * 3, `${fake.stats.requests} requests`);

    const manifest = async () => {
      const m = await Manifest.open(lake, "news");
      return m.keys().map((k) => [k, m.get(k)]);
    };
    const files = async () => {
      const out: Record<string, Uint8Array> = {};
      for (const f of await filesUnder(lake)) {
        if (f.endsWith(".parquet")) out[f] = await Deno.readFile(`${lake}/${f}`);
      }
      return out;
    };
    const before = await files(), recorded = await manifest();
    const again = await newsBackfill(dir, fake.url);
    equal(again.summary.skipped, 5);
    equal(again.summary.written, 0);
    const forced = await newsBackfill(dir, fake.url, true);
    equal(forced.summary.written, 5);
    deepEqual(await files(), before);
    deepEqual(await manifest(), recorded);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
