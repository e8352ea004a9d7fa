import type { Sleep, TokenBucket } from "./_token_bucket.ts";

/** Where the Polygon source reports what it does. Lines never contain the API key. */
export interface PolygonLogger {
  /** One line per HTTP attempt: method, redacted URL, status, duration. */
  debug?(message: string): void;
  /** Retries (with the reason and the delay) and skipped rows. */
  warn?(message: string): void;
}

/** Everything a request needs, fixed when the source is created. */
export interface Deps {
  apiKey: string;
  /** The configured base URL without a trailing slash (may hold a path prefix). */
  base: string;
  /** Origin of the configured base URL: `next_url`s must stay on it. */
  origin: string;
  bucket: TokenBucket;
  maxRetries: number;
  timeoutMs: number;
  /** Longest wait a `Retry-After` may ask for, ms (longer asks are cut to it). */
  maxRetryAfterMs: number;
  /** Resolves once the host answered a TCP connect; throws `PolygonConnectError` if not. */
  reach: (signal?: AbortSignal) => Promise<void>;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  clock: () => number;
  sleep: Sleep;
  logger: PolygonLogger;
}

/** What a request fetches, for messages: `minute aggregates of SPY for 2024-03-04`. */
export interface Subject {
  what: string;
  ticker: string;
  date: string;
}
