import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { nyToUtcMs } from "../../../lib/calendar/mod.ts";
import {
  AggsResponseSchema,
  NewsResponseSchema,
  OptionContractsResponseSchema,
  parseFaults,
  startFakePolygon,
} from "../../../lib/sources/polygon/mod.ts";
import { createTestProvider } from "./_provider.ts";

const provider = createTestProvider();
const DATE = "2024-03-04";

async function get(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

Deno.test("fake aggs: Polygon's envelope, next_url on the server's origin without the key", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const from = nyToUtcMs(DATE, 9, 30);
    const r = await get(
      `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/${from}/${
        from + 119_999
      }?adjusted=true&sort=asc&limit=1&apiKey=fake-key`,
    );
    equal(r.status, 200);
    equal(r.headers.get("content-type"), "application/json");
    const body = JSON.parse(r.text);
    deepEqual(Object.keys(body), [
      "ticker",
      "queryCount",
      "resultsCount",
      "adjusted",
      "results",
      "status",
      "count",
      "next_url",
      "request_id",
    ]);
    deepEqual(body.results, [{
      v: 100,
      vw: 500.01,
      o: 500,
      c: 500.02,
      h: 500.05,
      l: 499.95,
      t: from,
      n: 1,
    }]);
    const next = new URL(body.next_url);
    equal(next.origin, fake.url);
    equal(next.searchParams.get("apiKey"), null);
    ok(next.searchParams.has("cursor"));
    const page2 = JSON.parse((await get(`${body.next_url}&apiKey=fake-key`)).text);
    equal(page2.results[0].t, from + 60_000);
    equal(page2.next_url, undefined);
    ok(AggsResponseSchema.safeParse(r.text).success);
  } finally {
    await fake.close();
  }
});

Deno.test("fake aggs of an index: no adjusted field and bars of t, o, h, l, c only", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const r = await get(
      `${fake.url}/v2/aggs/ticker/I%3AVIX/range/1/minute/${DATE}/${DATE}?limit=2&apiKey=fake-key`,
    );
    const body = JSON.parse(r.text);
    equal(body.ticker, "I:VIX");
    equal("adjusted" in body, false);
    deepEqual(Object.keys(body.results[0]), ["o", "c", "h", "l", "t"]);
  } finally {
    await fake.close();
  }
});

Deno.test("fake aggs: an empty range has no results key, like Polygon", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const body = JSON.parse(
      (await get(
        `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/2024-03-02/2024-03-03?apiKey=fake-key`,
      )).text,
    );
    equal(body.resultsCount, 0);
    equal("results" in body, false);
  } finally {
    await fake.close();
  }
});

Deno.test("fake contracts and news parse with the source's schemas", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const c = await get(
      `${fake.url}/v3/reference/options/contracts?underlying_ticker=SPY&as_of=${DATE}&limit=2&apiKey=fake-key`,
    );
    const contracts = OptionContractsResponseSchema.parse(c.text);
    deepEqual(contracts.results[0], {
      cfi: "OCASPS",
      contract_type: "call",
      exercise_style: "american",
      expiration_date: DATE,
      primary_exchange: "BATO",
      shares_per_contract: 100,
      strike_price: 95,
      ticker: "O:SPY240304C00095000",
      underlying_ticker: "SPY",
    });
    ok(contracts.next_url);
    const n = await get(
      `${fake.url}/v2/reference/news?ticker=SPY&published_utc.gte=2024-03-02T05:00:00Z&published_utc.lt=2024-03-05T05:00:00Z&order=asc&limit=1000&apiKey=fake-key`,
    );
    const news = NewsResponseSchema.parse(n.text);
    equal(news.results.length, 7);
    deepEqual(news.results[0].insights, [{
      ticker: "SPY",
      sentiment: "positive",
      sentiment_reasoning: "Story 0 reads positive",
    }]);
    ok(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(JSON.parse(n.text).results[0].published_utc));
  } finally {
    await fake.close();
  }
});

Deno.test("fake server: 401 for a missing or wrong key, Bearer accepted, 404 and 400 in Polygon's shape", async () => {
  const fake = startFakePolygon({ provider, apiKey: "right" });
  try {
    const path = `/v2/aggs/ticker/SPY/range/1/minute/${DATE}/${DATE}`;
    const missing = await get(`${fake.url}${path}`);
    equal(missing.status, 401);
    deepEqual(Object.keys(JSON.parse(missing.text)), ["status", "request_id", "error"]);
    equal(JSON.parse(missing.text).error, "API Key was not provided");
    equal(JSON.parse((await get(`${fake.url}${path}?apiKey=wrong`)).text).error, "Unknown API Key");
    equal(
      (await get(`${fake.url}${path}`, { headers: { authorization: "Bearer right" } })).status,
      200,
    );
    const nf = await get(`${fake.url}/v9/nothing?apiKey=right`);
    equal(nf.status, 404);
    equal(JSON.parse(nf.text).status, "NOT_FOUND");
    const bad = await get(`${fake.url}${path}?limit=50001&apiKey=right`);
    equal(bad.status, 400);
    equal(JSON.parse(bad.text).error, 'limit must be an integer from 1 to 50000, got "50001"');
    const closed = await get(
      `${fake.url}/v2/reference/news?ticker=SPY&published_utc.gte=2024-03-02&apiKey=right`,
    );
    equal(closed.status, 400);
  } finally {
    await fake.close();
  }
});

Deno.test("fake server: setFaults switches faults at runtime; 429 carries Retry-After", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const url = `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/${DATE}/${DATE}?apiKey=fake-key`;
    equal((await get(url)).status, 200);
    fake.setFaults({ rateLimit: { rate: 1, retryAfterS: 7 }, maxPerRequest: 1 });
    const limited = await get(url);
    equal(limited.status, 429);
    equal(limited.headers.get("retry-after"), "7");
    ok(
      JSON.parse(limited.text).error.startsWith("You've exceeded the maximum requests per minute"),
    );
    equal((await get(url)).status, 200); // maxPerRequest reached
    fake.setFaults({ serverError: { rate: 1, burst: 3 }, maxPerRequest: 3 });
    const other = `${url}&limit=7`;
    deepEqual([
      (await get(other)).status,
      (await get(other)).status,
      (await get(other)).status,
      (await get(other)).status,
    ], [500, 502, 503, 200]);
    deepEqual(fake.stats.faults, {
      rateLimit: 1,
      serverError: 3,
      slow: 0,
      truncated: 0,
      unauthorized: 0,
    });
    deepEqual(fake.stats.log.map((r) => r.status), [200, 429, 200, 500, 502, 503, 200]);
    ok(fake.stats.log.every((r) => r.path.includes("apiKey=REDACTED")));
  } finally {
    await fake.close();
  }
});

Deno.test("fake server: truncated bodies are shorter, invalid JSON with a matching Content-Length", async () => {
  const fake = startFakePolygon({ provider, faults: { truncated: { rate: 1 }, maxPerRequest: 1 } });
  try {
    const url = `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/${DATE}/${DATE}?apiKey=fake-key`;
    const cut = await get(url);
    const full = await get(url);
    equal(cut.status, 200);
    ok(cut.text.length < full.text.length && full.text.startsWith(cut.text));
    throws(() => JSON.parse(cut.text), SyntaxError);
  } finally {
    await fake.close();
  }
});

Deno.test("parseFaults() reads the CLI list and rejects unknown names", () => {
  deepEqual(
    parseFaults("429,5xx,slow,truncated,401,overlap", { rate: 0.2, retryAfterS: 2, slowMs: 100 }),
    {
      rateLimit: { rate: 0.2, retryAfterS: 2 },
      serverError: { rate: 0.2, burst: 2 },
      slow: { rate: 0.2, delayMs: 100 },
      truncated: { rate: 0.2 },
      unauthorized: true,
      overlap: 2,
    },
  );
  deepEqual(parseFaults(""), {});
  throws(
    () => parseFaults("429,boom"),
    new RangeError(
      'Cannot parse faults: unknown fault "boom", expected one of 429, 5xx, slow, truncated, 401, overlap',
    ),
  );
  throws(
    () => parseFaults("429", { rate: 2 }),
    new RangeError("Cannot parse faults: rate must be in [0, 1], got 2"),
  );
});
