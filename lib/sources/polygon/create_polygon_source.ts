import type { Source } from "../source.ts";
import type { Deps, PolygonLogger } from "./_deps.ts";
import { fetchMinuteBars } from "./_minute_bars.ts";
import { fetchNews } from "./_news.ts";
import { fetchOptionContracts } from "./_option_contracts.ts";
import { mulberry32 } from "../../random/mod.ts";
import { createTokenBucket, type Sleep } from "./_token_bucket.ts";
import { createReach } from "./_reach.ts";

/** Options for {@linkcode createPolygonSource}. */
export interface PolygonSourceOptions {
  /** The Polygon API key (`POLYGON_API_KEY`). Never printed. */
  apiKey: string;
  /** REST base URL: the real API or the fake server. @default "https://api.polygon.io" */
  baseUrl?: string;
  /** Requests per minute across all concurrent calls (free tier: 5). @default 5 */
  rateLimitPerMinute?: number;
  /** Requests that may start back to back after a quiet spell (token bucket size). @default 1 */
  rateLimitBurst?: number;
  /** Retries per page after the first attempt, for 429/5xx/timeouts/network/invalid JSON. @default 6 */
  maxRetries?: number;
  /** Deadline of one attempt including its body, ms (the read timeout). @default 30000 */
  timeoutMs?: number;
  /** Deadline of the TCP connect that checks the host before the first request, ms. @default 5000 */
  connectTimeoutMs?: number;
  /** Longest `Retry-After` honoured, ms; longer asks wait this long. @default 300000 */
  maxRetryAfterMs?: number;
  /** Rows per page: aggregates cap 50000, contracts and news cap 1000. @default 50000 */
  pageLimit?: number;
  /** First backoff cap; doubles per retry (full jitter). @default 1000 */
  baseDelayMs?: number;
  /** Largest backoff cap. @default 60000 */
  maxDelayMs?: number;
  /** Receives retry warnings and per-request debug lines (keys redacted). @default silent */
  logger?: PolygonLogger;
  /** Seed of the backoff jitter. @default 1 */
  seed?: number;
  /** Jitter draws in [0, 1) (tests). @default mulberry32(seed) */
  random?: () => number;
  /** Current time in ms for the rate limiter and `Retry-After` dates (tests). @default Date.now */
  clock?: () => number;
  /** Waits for the limiter and backoff (tests). @default a setTimeout that honours the signal */
  sleep?: Sleep;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function check(ok: boolean, what: string, got: unknown): void {
  if (!ok) throw new RangeError(`Cannot create Polygon source: ${what}, got ${got}`);
}

/**
 * Creates the Polygon {@linkcode Source} on the platform `fetch`: first-page URLs built from
 * Polygon's OpenAPI parameter names, then
 * `next_url` pagination (later pages), with a token-bucket rate limit shared by all
 * concurrent calls, retries with full-jitter backoff or `Retry-After`, and no retry on
 * 401/403. Safe to call concurrently.
 *
 * @throws {TypeError} For an empty API key or a base URL that is not an absolute URL.
 * @throws {RangeError} For a non-positive rate, timeout or page limit, or negative retries.
 */
export function createPolygonSource(options: PolygonSourceOptions): Source {
  const {
    apiKey,
    baseUrl = "https://api.polygon.io",
    rateLimitPerMinute = 5,
    rateLimitBurst = 1,
    maxRetries = 6,
    timeoutMs = 30_000,
    connectTimeoutMs = 5_000,
    maxRetryAfterMs = 300_000,
    pageLimit = 50_000,
    baseDelayMs = 1000,
    maxDelayMs = 60_000,
    logger = {},
    seed = 1,
    random = mulberry32(seed),
    clock = Date.now,
    sleep = realSleep,
  } = options;
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new TypeError("Cannot create Polygon source: apiKey is empty (set POLYGON_API_KEY)");
  }
  if (!URL.canParse(baseUrl)) {
    throw new TypeError(
      `Cannot create Polygon source: baseUrl must be an absolute URL, got "${baseUrl}"`,
    );
  }
  check(rateLimitPerMinute > 0, "rateLimitPerMinute must be > 0", rateLimitPerMinute);
  check(rateLimitBurst >= 1, "rateLimitBurst must be >= 1", rateLimitBurst);
  check(
    Number.isInteger(maxRetries) && maxRetries >= 0,
    "maxRetries must be an integer >= 0",
    maxRetries,
  );
  check(timeoutMs > 0, "timeoutMs must be > 0", timeoutMs);
  check(connectTimeoutMs > 0, "connectTimeoutMs must be > 0", connectTimeoutMs);
  check(maxRetryAfterMs >= 0, "maxRetryAfterMs must be >= 0", maxRetryAfterMs);
  check(
    Number.isInteger(pageLimit) && pageLimit >= 1,
    "pageLimit must be an integer >= 1",
    pageLimit,
  );
  check(
    baseDelayMs >= 0 && maxDelayMs >= baseDelayMs,
    "need 0 <= baseDelayMs <= maxDelayMs",
    `${baseDelayMs}, ${maxDelayMs}`,
  );
  const base = baseUrl.replace(/\/+$/, "");
  const bucket = createTokenBucket({
    perMinute: rateLimitPerMinute,
    burst: rateLimitBurst,
    clock,
    sleep,
  });
  const deps: Deps = {
    apiKey,
    base,
    origin: new URL(base).origin,
    bucket,
    maxRetries,
    timeoutMs,
    maxRetryAfterMs,
    reach: createReach(base, connectTimeoutMs),
    baseDelayMs,
    maxDelayMs,
    random,
    clock,
    sleep,
    logger,
  };
  return {
    name: "polygon",
    minuteBars: (ticker, date, o = {}) => fetchMinuteBars(deps, pageLimit, ticker, date, o),
    optionContracts: (underlying, date, o = {}) =>
      fetchOptionContracts(deps, pageLimit, underlying, date, o),
    news: (ticker, date, o = {}) => fetchNews(deps, pageLimit, ticker, date, o),
  };
}
