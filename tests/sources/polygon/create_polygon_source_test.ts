import { deepEqual, equal, ok, rejects, throws } from "node:assert/strict";
import { nyToUtcMs, session } from "../../../lib/calendar/mod.ts";
import { createPolygonSource, startFakePolygon } from "../../../lib/sources/polygon/mod.ts";
import { createTestProvider } from "./_provider.ts";
import { testSource } from "./_harness.ts";

const provider = createTestProvider();
const DATE = "2024-03-04";
const EARLY = "2024-11-29"; // day after Thanksgiving: 13:00 close

Deno.test("minuteBars() with a small page limit delivers every regular-session bar once, in order", async () => {
  const fake = startFakePolygon({ provider, extendedHours: true });
  try {
    const { source, time } = testSource(fake.url, { pageLimit: 50 });
    const bars = await source.minuteBars("SPY", DATE);
    const all = await provider.minuteBars("SPY", DATE, { extendedHours: true });
    const s = session(DATE)!;
    deepEqual(bars, all.filter((b) => b.ts >= s.openMs && b.ts < s.closeMs));
    equal(bars.length, 390);
    // 390 bars in pages of 50: 8 requests, paced 12 s apart at 5/minute.
    equal(fake.stats.requests, 8);
    equal(time.clock(), 7 * 12_000);
    ok(fake.stats.log.slice(1).every((r) => r.path.includes("cursor=")));
  } finally {
    await fake.close();
  }
});

Deno.test("minuteBars() with extendedHours returns 04:00-20:00 New York", async () => {
  const fake = startFakePolygon({ provider, extendedHours: true });
  try {
    const { source } = testSource(fake.url, { rateLimitPerMinute: 6000 });
    const bars = await source.minuteBars("SPY", DATE, { extendedHours: true });
    equal(bars.length, 16 * 60);
    equal(bars[0].ts, nyToUtcMs(DATE, 4));
    equal(bars.at(-1)!.ts, nyToUtcMs(DATE, 19, 59));
  } finally {
    await fake.close();
  }
});

Deno.test("minuteBars() stops at 13:00 on an early close", async () => {
  const fake = startFakePolygon({ provider, extendedHours: true });
  try {
    const { source } = testSource(fake.url, { rateLimitPerMinute: 6000 });
    const bars = await source.minuteBars("SPY", EARLY);
    equal(bars.length, 210);
    equal(bars.at(-1)!.ts, nyToUtcMs(EARLY, 12, 59));
  } finally {
    await fake.close();
  }
});

Deno.test("minuteBars() of I:VIX has null volume, vwap and trades; options keep vw outside [l, h]", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source } = testSource(fake.url, { rateLimitPerMinute: 6000 });
    const vix = await source.minuteBars("I:VIX", DATE);
    equal(vix.length, 390);
    ok(vix.every((b) => b.volume === null && b.vwap === null && b.trades === null));
    ok(fake.stats.log[0].path.startsWith("/v2/aggs/ticker/I%3AVIX/range/1/minute/"));
    ok(!fake.stats.log[0].path.includes("adjusted"));
    const opt = await source.minuteBars("O:SPY240304C00100000", DATE);
    deepEqual(opt, await provider.minuteBars("O:SPY240304C00100000", DATE));
    equal(opt[0].trades, 1);
    const stock = await source.minuteBars("SPY", DATE);
    ok(stock[5].vwap! > stock[5].high);
  } finally {
    await fake.close();
  }
});

Deno.test("minuteBars() rejects a date when the exchange is closed, without a request", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source } = testSource(fake.url);
    await rejects(
      source.minuteBars("SPY", "2024-12-25"),
      new RangeError("Cannot fetch SPY minute bars for 2024-12-25: the exchange is closed"),
    );
    equal(fake.stats.requests, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("optionContracts() pages through the chain and maps multiplier and style", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source } = testSource(fake.url, { pageLimit: 7, rateLimitPerMinute: 6000 });
    const got = await source.optionContracts("SPY", DATE, { strikeMin: 99, strikeMax: 101 });
    const want = (await provider.optionContracts("SPY", DATE, { strikeMin: 99, strikeMax: 101 }))
      .sort((a, b) => a.ticker < b.ticker ? -1 : 1);
    deepEqual(got, want);
    equal(got.length, 18);
    equal(fake.stats.requests, 3);
    const q = new URL(fake.stats.log[0].path, fake.url).searchParams;
    deepEqual(
      [
        q.get("as_of"),
        q.get("expired"),
        q.get("expiration_date.gte"),
        q.get("limit"),
        q.get("sort"),
      ],
      [DATE, "false", DATE, "7", "ticker"],
    );
  } finally {
    await fake.close();
  }
});

Deno.test("optionContracts() passes the expiry window", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source } = testSource(fake.url, { rateLimitPerMinute: 6000 });
    const got = await source.optionContracts("SPY", DATE, {
      expiryFrom: "2024-03-05",
      expiryTo: "2024-03-08",
    });
    deepEqual([...new Set(got.map((c) => c.expiry))], ["2024-03-06"]);
    ok(got.every((c) => c.multiplier === 100 && c.style === "american"));
  } finally {
    await fake.close();
  }
});

Deno.test("news() de-duplicates articles repeated across overlapping pages", async () => {
  const fake = startFakePolygon({ provider, faults: { overlap: 2 } });
  try {
    const { source } = testSource(fake.url, { pageLimit: 3, rateLimitPerMinute: 6000 });
    const got = await source.news("SPY", DATE);
    deepEqual(got, await provider.news("SPY", DATE));
    // 7 articles, 3 a page, each later page repeating 2: pages start at 0, 1, 2, 3, 4.
    equal(fake.stats.requests, 5);
    equal(got.filter((a) => a.sentiment === null).length, 1);
    deepEqual(got.slice(0, 3).map((a) => [a.sentiment, a.sentimentLabel]), [[1, "positive"], [
      0,
      "neutral",
    ], [-1, "negative"]]);
  } finally {
    await fake.close();
  }
});

Deno.test("news() of a Monday asks for the window from Saturday 00:00 New York", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source } = testSource(fake.url);
    await source.news("SPY", DATE);
    const q = new URL(fake.stats.log[0].path, fake.url).searchParams;
    equal(q.get("published_utc.gte"), "2024-03-02T05:00:00.000Z");
    equal(q.get("published_utc.lt"), "2024-03-05T05:00:00.000Z");
    deepEqual([q.get("order"), q.get("sort"), q.get("limit")], ["asc", "published_utc", "1000"]);
  } finally {
    await fake.close();
  }
});

Deno.test("concurrent calls share one limiter and all complete", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const { source, time } = testSource(fake.url);
    const results = await Promise.all([
      source.minuteBars("SPY", DATE),
      source.minuteBars("I:VIX", DATE),
      source.news("SPY", DATE),
      source.optionContracts("SPY", DATE),
      source.minuteBars("QQQ", DATE),
      source.minuteBars("SPY", "2024-03-05"),
    ]);
    deepEqual(results.map((r) => r.length), [390, 390, 7, 66, 390, 390]);
    equal(fake.stats.requests, 6);
    equal(time.clock(), 5 * 12_000);
  } finally {
    await fake.close();
  }
});

Deno.test("createPolygonSource() rejects bad options with clear messages", () => {
  throws(
    () => createPolygonSource({ apiKey: "" }),
    new TypeError("Cannot create Polygon source: apiKey is empty (set POLYGON_API_KEY)"),
  );
  throws(
    () => createPolygonSource({ apiKey: "k", rateLimitPerMinute: 0 }),
    new RangeError("Cannot create Polygon source: rateLimitPerMinute must be > 0, got 0"),
  );
  throws(
    () => createPolygonSource({ apiKey: "k", pageLimit: 0.5 }),
    new RangeError("Cannot create Polygon source: pageLimit must be an integer >= 1, got 0.5"),
  );
  throws(
    () => createPolygonSource({ apiKey: "k", baseUrl: "api.polygon.io" }),
    new TypeError(
      'Cannot create Polygon source: baseUrl must be an absolute URL, got "api.polygon.io"',
    ),
  );
});
