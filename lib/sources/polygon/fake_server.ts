/**
 * A local fake of Polygon's REST API for the three endpoints the source reads, serving any
 * {@linkcode Source}'s records in Polygon's JSON shapes, with `limit`/`next_url` paging and
 * switchable, seeded faults.
 *
 * @module
 */
import type { Source } from "../source.ts";
import { decideFault, type FaultState, fnv1a } from "./_fake_decide.ts";
import { AGGS_PATH, serveAggs } from "./_fake_aggs.ts";
import { serveContracts } from "./_fake_contracts.ts";
import { serveNews } from "./_fake_news.ts";
import type { RouteContext } from "./_fake_query.ts";
import { errorResponse, faultResponse, jsonResponse, pause } from "./_fake_respond.ts";
import { BadRequest } from "./_fake_wire.ts";
import type { FakeFaults } from "./fake_faults.ts";
import { redactUrl } from "./redact_url.ts";

/** Options for {@linkcode startFakePolygon}. */
export interface FakePolygonOptions {
  /** Where the data comes from (the simulator in `deno task fake-polygon`). */
  provider: Source;
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** The only key accepted (`apiKey=` or `Authorization: Bearer`). @default "fake-key" */
  apiKey?: string;
  /** Faults switched on at start. @default none */
  faults?: FakeFaults;
  /** Seed of the fault draws and request ids. @default 1 */
  seed?: number;
  /** Ask the provider for pre/post-market minutes too (the simulator has none). @default false */
  extendedHours?: boolean;
}

/** Counters since start. */
export interface FakePolygonStats {
  requests: number;
  byStatus: Record<number, number>;
  faults: {
    rateLimit: number;
    serverError: number;
    slow: number;
    truncated: number;
    unauthorized: number;
  };
  /** The latest 10000 requests: path and query with the key redacted, status, fault. */
  log: { path: string; status: number; fault: string | null }[];
}

/** A running fake server. */
export interface FakePolygon {
  /** `http://127.0.0.1:<port>`: the source's `baseUrl`. */
  url: string;
  port: number;
  /** Replaces the faults (for requests arriving from now on). */
  setFaults(faults: FakeFaults): void;
  /** Live counters. */
  readonly stats: FakePolygonStats;
  /** Stops listening; slow answers in flight end at once. */
  close(): Promise<void>;
}

/**
 * Starts the fake Polygon server on 127.0.0.1.
 *
 * @example
 * ```ts ignore
 * const fake = startFakePolygon({ provider: createSimSource({ seed: 1 }), faults: { rateLimit: {} } });
 * const polygon = createPolygonSource({ apiKey: "fake-key", baseUrl: fake.url });
 * await polygon.minuteBars("SPY", "2025-03-03");
 * await fake.close();
 * ```
 */
export function startFakePolygon(options: FakePolygonOptions): FakePolygon {
  const { provider, port = 0, apiKey = "fake-key", seed = 1, extendedHours = false } = options;
  let faults: FakeFaults = options.faults ?? {};
  const closing = new AbortController();
  const states = new Map<string, FaultState>();
  const cache = new Map<string, Promise<unknown>>();
  const stats: FakePolygonStats = {
    requests: 0,
    byStatus: {},
    faults: { rateLimit: 0, serverError: 0, slow: 0, truncated: 0, unauthorized: 0 },
    log: [],
  };
  const ctx: RouteContext = {
    provider,
    origin: "",
    extendedHours,
    overlap: 0,
    cached<T>(key: string, make: () => Promise<T>): Promise<T> {
      let hit = cache.get(key) as Promise<T> | undefined;
      if (!hit) {
        hit = make();
        cache.set(key, hit);
        hit.catch(() => cache.delete(key));
        if (cache.size > 256) cache.delete(cache.keys().next().value!);
      }
      return hit;
    },
  };

  async function route(url: URL): Promise<Record<string, unknown> | null> {
    const aggs = url.pathname.match(AGGS_PATH);
    if (aggs) return await serveAggs(ctx, url, aggs);
    if (url.pathname === "/v3/reference/options/contracts") return await serveContracts(ctx, url);
    if (url.pathname === "/v2/reference/news") return await serveNews(ctx, url);
    return null;
  }

  async function handle(req: Request): Promise<[Response, string | null]> {
    const url = new URL(req.url);
    const query = new URLSearchParams(url.search);
    const given = query.get("apiKey") ??
      req.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? null;
    query.delete("apiKey");
    const key = `${url.pathname}?${query}`;
    const state = states.get(key) ?? { attempts: 0, faults: 0, burstLeft: 0 };
    states.set(key, state);
    const requestId = fnv1a(`${seed}|${key}|${state.attempts}`).toString(16).padStart(8, "0");
    if (faults.unauthorized || given !== apiKey) {
      state.attempts++;
      if (faults.unauthorized) stats.faults.unauthorized++;
      const said = given ? "Unknown API Key" : "API Key was not provided";
      return [errorResponse(401, requestId, said), faults.unauthorized ? "unauthorized" : null];
    }
    ctx.overlap = faults.overlap ?? 0;
    const fault = req.method === "GET" ? decideFault(faults, seed, key, state) : null;
    if (fault) stats.faults[fault.kind]++;
    const early = fault && faultResponse(fault, requestId);
    if (early) return [early, fault.kind];
    // Not req.signal: Deno aborts it on every response. A slow answer the client gave up
    // on just finishes late, or at once when the server closes.
    if (fault?.kind === "slow") await pause(fault.delayMs, closing.signal);
    try {
      const body = await route(url);
      if (!body) return [errorResponse(404, requestId, `Not found: ${url.pathname}`), null];
      return [jsonResponse({ ...body, request_id: requestId }, fault), fault?.kind ?? null];
    } catch (e) {
      const bad = e instanceof BadRequest || e instanceof RangeError || e instanceof TypeError;
      return [errorResponse(bad ? 400 : 500, requestId, (e as Error).message), fault?.kind ?? null];
    }
  }

  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen() {} }, async (req) => {
    stats.requests++;
    const [res, fault] = await handle(req);
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
    const { pathname, search } = new URL(req.url);
    stats.log.push({ path: redactUrl(pathname + search), status: res.status, fault });
    if (stats.log.length > 10_000) stats.log.shift();
    return res;
  });
  const url = `http://127.0.0.1:${server.addr.port}`;
  ctx.origin = url;
  return {
    url,
    port: server.addr.port,
    setFaults(next) {
      faults = next;
    },
    get stats() {
      return stats;
    },
    async close() {
      closing.abort();
      await server.shutdown();
    },
  };
}
