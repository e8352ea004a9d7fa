/**
 * The Polygon.io source and a local fake of Polygon's REST API.
 *
 * {@linkcode createPolygonSource} implements `Source` on the platform `fetch` (first
 * pages built from the OpenAPI names, then `next_url`): minute aggregates of equities, indices (`I:VIX`) and
 * options (`O:SPY…`), option contracts as of a date, and ticker news with sentiment. All
 * calls of one source share a token-bucket rate limit (free tier: 5 requests a minute);
 * 429, 5xx, timeouts, network errors and truncated JSON are retried with full-jitter backoff
 * or after `Retry-After` (capped); 401 fails at once with {@linkcode PolygonAuthError}, 403 with
 * {@linkcode PolygonEntitlementError}, an unreachable host with {@linkcode PolygonConnectError}. Every
 * response is parsed with one zod schema per endpoint. The API key never appears in an
 * error, stack or log line ({@linkcode redactUrl}).
 *
 * {@linkcode startFakePolygon} serves any `Source` (the simulator by default in
 * `deno task fake-polygon`) in Polygon's JSON shapes on 127.0.0.1, with `limit`/`next_url`
 * paging and seeded faults: 429 with `Retry-After`, 5xx bursts, slow answers, truncated
 * JSON, 401, overlapping pages.
 *
 * @example
 * ```ts
 * import { createPolygonSource, startFakePolygon } from "./mod.ts";
 * import type { Source } from "../source.ts";
 * import { equal } from "node:assert/strict";
 *
 * // A provider with one bar: 2025-03-03 09:30 New York.
 * const ts = Date.UTC(2025, 2, 3, 14, 30);
 * const bar = { ts, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10, vwap: 1.2, trades: 3 };
 * const provider: Source = {
 *   name: "sim",
 *   minuteBars: () => Promise.resolve([bar]),
 *   optionContracts: () => Promise.resolve([]),
 *   news: () => Promise.resolve([]),
 * };
 * const faults = { rateLimit: { rate: 1, retryAfterS: 0 }, maxPerRequest: 1 };
 * const fake = startFakePolygon({ provider, faults });
 * try {
 *   const polygon = createPolygonSource({ apiKey: "fake-key", baseUrl: fake.url, rateLimitPerMinute: 600 });
 *   const bars = await polygon.minuteBars("SPY", "2025-03-03");
 *   equal(bars.length, 1);
 *   equal(fake.stats.byStatus[429], 1); // the 429 was retried
 * } finally {
 *   await fake.close();
 * }
 * ```
 *
 * @module
 */
export { createPolygonSource, type PolygonSourceOptions } from "./create_polygon_source.ts";
export type { PolygonLogger } from "./_deps.ts";
export {
  PolygonAuthError,
  PolygonConnectError,
  PolygonEntitlementError,
  type PolygonRequestContext,
  PolygonRequestError,
  PolygonResponseError,
} from "./errors.ts";
export { REDACTED, redactUrl } from "./redact_url.ts";
export {
  AggBarWireSchema,
  AggsResponseSchema,
  NewsArticleWireSchema,
  NewsResponseSchema,
  OptionContractsResponseSchema,
  OptionContractWireSchema,
} from "./schemas.ts";
export {
  type FakePolygon,
  type FakePolygonOptions,
  type FakePolygonStats,
  startFakePolygon,
} from "./fake_server.ts";
export {
  type FakeFaults,
  FAULT_NAMES,
  parseFaults,
  type ParseFaultsOptions,
} from "./fake_faults.ts";
export {
  type FakePolygonWs,
  type FakePolygonWsOptions,
  type FakePolygonWsStats,
  startFakePolygonWs,
} from "./fake_ws_server.ts";
export { type FakeWsFaults, parseWsFaults, WS_FAULT_NAMES } from "./fake_ws_faults.ts";
export {
  type BarEvent,
  barToWire,
  type Cluster,
  clusterOf,
  CLUSTERS,
  type ParsedFrame,
  parseFrame,
  type StatusEvent,
  type WireAgg,
  WireAggSchema,
  wireToBar,
} from "./ws_wire.ts";
