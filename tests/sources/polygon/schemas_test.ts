import { deepEqual, equal, ok } from "node:assert/strict";
import { z } from "zod";
import {
  AggsResponseSchema,
  NewsResponseSchema,
  OptionContractsResponseSchema,
} from "../../../lib/sources/polygon/mod.ts";
import { isInvalidJson } from "../../../lib/sources/polygon/schemas.ts";

const fixture = (name: string) =>
  Deno.readTextFileSync(new URL(`../../fixtures/polygon/${name}`, import.meta.url));

/** Parses a fixture, failing with zod's own explanation. */
function parse<T>(schema: z.ZodType<T, string>, name: string): T {
  const r = schema.safeParse(fixture(name));
  if (!r.success) throw new Error(`${name}: ${z.prettifyError(r.error)}`);
  return r.data;
}

Deno.test("AggsResponseSchema parses the spec's stock example with its next_url", () => {
  const body = parse(AggsResponseSchema, "example_aggs_stocks.json");
  equal(body.ticker, "AAPL");
  equal(body.next_url?.startsWith("https://api.polygon.io/v2/aggs/ticker/AAPL/"), true);
  deepEqual(body.results[0], {
    c: 75.0875,
    h: 75.15,
    l: 73.7975,
    n: 1,
    o: 74.06,
    t: 1577941200000,
    v: 135647456,
    vw: 74.6099,
  });
});

Deno.test("AggsResponseSchema parses index bars that carry only t, o, h, l, c", () => {
  const body = parse(AggsResponseSchema, "example_aggs_indices.json");
  equal(body.ticker, "I:NDX");
  equal(body.results.length, 2);
  equal(body.results[0].v, undefined);
  equal(body.results[0].vw, undefined);
  equal(body.results[0].n, undefined);
  equal(body.adjusted, undefined);
});

Deno.test("AggsResponseSchema parses the option example and the client-python AAPL mock", () => {
  equal(parse(AggsResponseSchema, "example_aggs_options.json").results[1].c, 28.3);
  const mock = parse(AggsResponseSchema, "mock_aggs_AAPL_day.json");
  deepEqual(mock.results.map((b) => b.n), [82132, 65543]);
  // The mock's vw 1.469 lies inside [l, h]; the schema does not check it either way.
  equal(mock.results[0].vw, 1.469);
});

Deno.test("AggsResponseSchema gives an empty results list when Polygon omits the key", () => {
  const r = AggsResponseSchema.parse(
    '{"ticker":"SPY","queryCount":0,"resultsCount":0,"adjusted":true,"status":"OK","request_id":"x"}',
  );
  deepEqual(r.results, []);
});

Deno.test("OptionContractsResponseSchema parses the spec example and both mock pages", () => {
  const ex = parse(OptionContractsResponseSchema, "example_options_contracts.json");
  equal(ex.results[1].additional_underlyings?.length, 2);
  const p1 = parse(OptionContractsResponseSchema, "mock_options_contracts_page1.json");
  const p2 = parse(OptionContractsResponseSchema, "mock_options_contracts_page2.json");
  equal(
    p1.next_url,
    "https://api.polygon.io/v3/reference/options/contracts?cursor=YXA9JTdCJTIySUQlMjIlM0ElMjIy",
  );
  equal(p2.next_url, undefined);
  deepEqual([...p1.results, ...p2.results].map((c) => c.strike_price), [
    65,
    70,
    75,
    80,
    85,
    90,
    95,
    100,
    105,
    110,
    115,
    120,
    125,
    130,
    135,
    140,
    145,
    150,
    155,
    160,
  ]);
});

Deno.test("NewsResponseSchema parses the spec example with insights and converts published_utc to ms", () => {
  const body = parse(NewsResponseSchema, "example_news.json");
  const a = body.results[0];
  equal(a.published_utc, Date.UTC(2024, 5, 24, 18, 33, 53));
  deepEqual(a.insights?.map((i) => [i.ticker, i.sentiment]), [["UBS", "positive"]]);
  equal(a.publisher.name, "Investing.com");
  ok(body.next_url?.startsWith("https://api.polygon.io:443/v2/reference/news?cursor="));
});

Deno.test("NewsResponseSchema parses the client-python NFLX mock that has no insights", () => {
  const a = parse(NewsResponseSchema, "mock_news_NFLX.json").results[0];
  equal(a.id, "JeJEhAVoKaqJ2zF9nzQYMg07UlEeWlis6Dsop33TPQY");
  equal(a.insights, undefined);
  deepEqual(a.tickers, ["MSFT", "TSN", "NFLX", "AMZN"]);
});

Deno.test("a truncated body fails as invalid JSON, a wrong shape does not", () => {
  const text = fixture("example_aggs_stocks.json");
  const cut = AggsResponseSchema.safeParse(text.slice(0, 200));
  equal(cut.success, false);
  ok(!cut.success && isInvalidJson(cut.error));
  ok(!cut.success && z.prettifyError(cut.error).startsWith("✖ Invalid JSON (200 bytes)"));
  const wrong = AggsResponseSchema.safeParse('{"status":"OK","results":[{"t":"x"}]}');
  ok(!wrong.success && !isInvalidJson(wrong.error));
  ok(!wrong.success && z.prettifyError(wrong.error).includes("→ at results[0].t"));
});

Deno.test("a 200 whose status is ERROR is rejected", () => {
  const r = NewsResponseSchema.safeParse('{"status":"ERROR","request_id":"x","error":"nope"}');
  ok(!r.success && z.prettifyError(r.error).includes("status is ERROR"));
});
