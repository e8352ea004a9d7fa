import { mulberry32 } from "../../random/mod.ts";
import type { FakeFaults } from "./fake_faults.ts";

/** A fault chosen for one attempt. */
export type Fault =
  | { kind: "rateLimit"; retryAfterS: number }
  | { kind: "serverError"; status: 500 | 502 | 503 }
  | { kind: "slow"; delayMs: number }
  | { kind: "truncated"; keepFraction: number };

/** Per-request fault bookkeeping (keyed by path + query without the key). */
export interface FaultState {
  attempts: number;
  faults: number;
  burstLeft: number;
}

const SERVER_STATUSES = [500, 502, 503] as const;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A draw in [0, 1) fixed by its parts. */
export function draw(...parts: (string | number)[]): number {
  return mulberry32(fnv1a(parts.join("|")))();
}

/**
 * The fault (or none) for attempt `state.attempts` of a request. A pure function of
 * `(seed, key, attempt number, faults)` and the request's earlier faults, so a run is
 * repeatable whatever order concurrent requests arrive in. Updates `state`.
 */
export function decideFault(
  faults: FakeFaults,
  seed: number,
  key: string,
  state: FaultState,
): Fault | null {
  const n = state.attempts++;
  const max = faults.maxPerRequest ?? 3;
  if (state.burstLeft > 0) {
    state.burstLeft--;
    return { kind: "serverError", status: SERVER_STATUSES[state.faults++ % 3] };
  }
  if (state.faults >= max) return null;
  const hit = (kind: string, rate: number | undefined) => draw(seed, key, n, kind) < (rate ?? 0.3);
  const { rateLimit, serverError, slow, truncated } = faults;
  let fault: Fault | null = null;
  if (rateLimit && hit("rateLimit", rateLimit.rate)) {
    fault = { kind: "rateLimit", retryAfterS: rateLimit.retryAfterS ?? 1 };
  } else if (serverError && hit("serverError", serverError.rate)) {
    state.burstLeft = Math.max(0, Math.min(serverError.burst ?? 2, max - state.faults) - 1);
    fault = { kind: "serverError", status: SERVER_STATUSES[state.faults % 3] };
  } else if (slow && hit("slow", slow.rate)) {
    fault = { kind: "slow", delayMs: slow.delayMs ?? 5000 };
  } else if (truncated && hit("truncated", truncated.rate)) {
    fault = { kind: "truncated", keepFraction: 0.2 + 0.6 * draw(seed, key, n, "cut") };
  }
  if (fault) state.faults++;
  return fault;
}
