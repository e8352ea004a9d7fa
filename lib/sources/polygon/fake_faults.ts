/**
 * Faults the fake Polygon server can inject, and the CLI spelling of them.
 *
 * @module
 */

/** Which faults are on. Each fault hits a request attempt with probability `rate`. */
export interface FakeFaults {
  /** 429 Too Many Requests with a `Retry-After` header. */
  rateLimit?: { rate?: number; retryAfterS?: number };
  /** A burst of 500, 502, 503 answers to consecutive attempts of one request. */
  serverError?: { rate?: number; burst?: number };
  /** Answers only after `delayMs` (meant to exceed the client's timeout). */
  slow?: { rate?: number; delayMs?: number };
  /** A 200 whose JSON body is cut short (Content-Length matches the cut body). */
  truncated?: { rate?: number };
  /** 401 to every request, as for a revoked key. */
  unauthorized?: boolean;
  /** Rows of the previous page repeated at the start of each later news/contracts page. */
  overlap?: number;
  /**
   * Most faults one request (path + query without the key) receives before it is served
   * cleanly, so a client with enough retries always gets every page. @default 3
   */
  maxPerRequest?: number;
}

/** The names the CLI and {@linkcode parseFaults} accept. */
export const FAULT_NAMES = ["429", "5xx", "slow", "truncated", "401", "overlap"] as const;

/** Options for {@linkcode parseFaults}. */
export interface ParseFaultsOptions {
  /** Probability of each switched-on fault per attempt. @default 0.3 */
  rate?: number;
  /** `Retry-After` seconds of 429s. @default 1 */
  retryAfterS?: number;
  /** Delay of slow answers, ms. @default 5000 */
  slowMs?: number;
}

/**
 * Reads a comma-separated fault list such as `429,5xx,slow,truncated,401,overlap`.
 *
 * @throws {RangeError} For an unknown fault name or a rate outside [0, 1].
 *
 * @example
 * ```ts
 * import { parseFaults } from "./fake_faults.ts";
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(parseFaults("429,slow", { rate: 0.5 }), {
 *   rateLimit: { rate: 0.5, retryAfterS: 1 },
 *   slow: { rate: 0.5, delayMs: 5000 },
 * });
 * ```
 */
export function parseFaults(list: string, options: ParseFaultsOptions = {}): FakeFaults {
  const { rate = 0.3, retryAfterS = 1, slowMs = 5000 } = options;
  if (!(rate >= 0 && rate <= 1)) {
    throw new RangeError(`Cannot parse faults: rate must be in [0, 1], got ${rate}`);
  }
  const faults: FakeFaults = {};
  for (const name of list.split(",").map((s) => s.trim()).filter((s) => s.length > 0)) {
    if (name === "429") faults.rateLimit = { rate, retryAfterS };
    else if (name === "5xx") faults.serverError = { rate, burst: 2 };
    else if (name === "slow") faults.slow = { rate, delayMs: slowMs };
    else if (name === "truncated") faults.truncated = { rate };
    else if (name === "401") faults.unauthorized = true;
    else if (name === "overlap") faults.overlap = 2;
    else {
      throw new RangeError(
        `Cannot parse faults: unknown fault "${name}", expected one of ${FAULT_NAMES.join(", ")}`,
      );
    }
  }
  return faults;
}
