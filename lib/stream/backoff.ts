/**
 * Reconnect delays: exponential backoff with "equal jitter" (half fixed, half random), so
 * that many clients cut off together do not come back together.
 *
 * @module
 */

/** Options for {@linkcode backoffDelayMs}. */
export interface BackoffOptions {
  /** Delay of the first retry before jitter, ms. @default 500 */
  baseMs?: number;
  /** Longest delay before jitter, ms. @default 30000 */
  maxMs?: number;
  /** A uniform draw in [0, 1): pass a seeded one in tests. */
  random: () => number;
}

/**
 * The wait before reconnect attempt `attempt` (0-based): `d = min(maxMs, baseMs * 2^attempt)`,
 * then `d / 2 + random() * d / 2`.
 *
 * @example
 * ```ts
 * import { backoffDelayMs } from "./backoff.ts";
 * import { equal } from "node:assert/strict";
 * equal(backoffDelayMs(3, { baseMs: 100, maxMs: 10_000, random: () => 0.5 }), 600);
 * ```
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const { baseMs = 500, maxMs = 30_000, random } = options;
  const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return d / 2 + random() * d / 2;
}
