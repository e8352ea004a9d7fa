/**
 * Errors thrown by the Polygon source. Messages and stacks never contain the API key:
 * URLs in them are passed through {@linkcode redactUrl} and causes are rebuilt from
 * redacted text rather than kept as raw transport errors.
 *
 * @module
 */

/** What a failed request was doing: the endpoint, ticker and trading date. */
export interface PolygonRequestContext {
  /** e.g. `minute aggregates`, `option contracts`, `news`. */
  what: string;
  ticker: string;
  date: string;
  /** The request URL with the key redacted. */
  url: string;
}

function describe(c: PolygonRequestContext): string {
  return `${c.what} of ${c.ticker} for ${c.date} (GET ${c.url})`;
}

/**
 * Polygon answered 403: the key is good but the plan does not include this data (an
 * entitlement, e.g. indices on a stocks-only plan). Never retried; the backfill fails this
 * dataset's partitions and goes on with the others.
 *
 * @example
 * ```ts
 * import { PolygonEntitlementError } from "./errors.ts";
 * import { match } from "node:assert/strict";
 * const err = new PolygonEntitlementError({ what: "minute aggregates", ticker: "I:VIX", date: "2024-03-04", url: "/v2/aggs?apiKey=REDACTED" }, "You are not entitled to this data.");
 * match(err.message, /^Polygon's plan for this API key does not include minute aggregates of I:VIX \(403, not entitled\)/);
 * ```
 */
export class PolygonEntitlementError extends Error {
  override readonly name = "PolygonEntitlementError";
  readonly status = 403;
  readonly context: PolygonRequestContext;
  constructor(context: PolygonRequestContext, serverMessage?: string) {
    const said = serverMessage ? `; Polygon said: ${serverMessage}` : "";
    super(
      `Polygon's plan for this API key does not include ${context.what} of ${context.ticker} (403, not entitled): upgrade the plan's entitlement for this asset class or leave the dataset out of the backfill; while fetching ${
        describe(context)
      }${said}`,
    );
    this.context = context;
  }
}

/**
 * The configured host could not be reached (refused, unknown or silent past the connect
 * timeout) on the source's first request: every request would fail the same way, so the run
 * stops at once instead of retrying partition after partition.
 */
export class PolygonConnectError extends Error {
  override readonly name = "PolygonConnectError";
  constructor(origin: string, why: string) {
    super(
      `Cannot reach Polygon at ${origin}: ${why}; check source.polygon.baseUrl (--base-url) and the network`,
    );
  }
}

/**
 * Polygon answered 401 (or a 403 read as an auth failure): the key is missing or wrong. Never retried.
 *
 * @example
 * ```ts
 * import { PolygonAuthError } from "./errors.ts";
 * import { match } from "node:assert/strict";
 * const err = new PolygonAuthError(401, { what: "news", ticker: "SPY", date: "2024-03-04", url: "/v2/reference/news?apiKey=REDACTED" });
 * match(err.message, /^Polygon rejected the API key \(401\): check POLYGON_API_KEY/);
 * ```
 */
export class PolygonAuthError extends Error {
  override readonly name = "PolygonAuthError";
  /** HTTP status: 401 or 403. */
  readonly status: number;
  readonly context: PolygonRequestContext;
  constructor(status: number, context: PolygonRequestContext, serverMessage?: string) {
    const hint = status === 403
      ? "check POLYGON_API_KEY and that your plan includes this data"
      : "check POLYGON_API_KEY";
    const said = serverMessage ? `; Polygon said: ${serverMessage}` : "";
    super(
      `Polygon rejected the API key (${status}): ${hint}; while fetching ${
        describe(context)
      }${said}`,
    );
    this.status = status;
    this.context = context;
  }
}

/**
 * A request failed for good: retries exhausted on 429/5xx/timeouts/network errors, or a
 * status that retrying cannot fix (400, 404…). `status` is null when no HTTP answer came.
 */
export class PolygonRequestError extends Error {
  override readonly name = "PolygonRequestError";
  readonly status: number | null;
  readonly attempts: number;
  readonly context: PolygonRequestContext;
  constructor(
    reason: string,
    init: {
      status: number | null;
      attempts: number;
      context: PolygonRequestContext;
      cause?: Error;
    },
  ) {
    const tries = init.attempts === 1 ? "1 attempt" : `${init.attempts} attempts`;
    super(`Polygon request failed after ${tries} (${reason}): ${describe(init.context)}`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.attempts = init.attempts;
    this.context = init.context;
  }
}

/**
 * A response body was not what the endpoint's schema allows: truncated or invalid JSON (after
 * retries) or a wrong shape (at once). The message carries `z.prettifyError`; `cause` is the
 * `ZodError`.
 */
export class PolygonResponseError extends Error {
  override readonly name = "PolygonResponseError";
  readonly context: PolygonRequestContext;
  constructor(problems: string, init: { context: PolygonRequestContext; cause: Error }) {
    super(`Cannot parse Polygon ${describe(init.context)}:\n${problems}`, { cause: init.cause });
    this.context = init.context;
  }
}
