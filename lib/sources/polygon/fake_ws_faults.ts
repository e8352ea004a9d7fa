/**
 * Faults the fake Polygon WebSocket server can inject, and their CLI spelling.
 *
 * Minute faults name the replayed minutes (0 = the first minute of the replay) at which they
 * fire, once each, on every connection open at that moment.
 *
 * @module
 */

/** Which WebSocket faults are on. */
export interface FakeWsFaults {
  /** Close every connection (code 1006-like, no status frame) after publishing these minutes. */
  drop?: number[];
  /** Answer every auth with `auth_failed` and close, as for a revoked key. */
  refuseAuth?: boolean;
  /** Send every n-th minute's frames twice (a reconnect replay). */
  duplicateEvery?: number;
  /** Hold every n-th minute's frames back and send them after the next minute's. */
  outOfOrderEvery?: number;
  /** At these minutes every connection goes silent (stays open, sends nothing more). */
  stall?: number[];
  /** At these minutes the server says its buffer for the client is full and closes. */
  slowConsumer?: number[];
}

/** The names {@linkcode parseWsFaults} accepts. */
export const WS_FAULT_NAMES = ["drop", "auth", "dup", "ooo", "stall", "slow"] as const;

/**
 * Parses `drop@30+200,auth,dup/3,ooo/5,stall@60,slow@90`: minute lists after `@` (joined
 * by `+`), a period after `/` (default 4).
 *
 * @example
 * ```ts
 * import { parseWsFaults } from "./fake_ws_faults.ts";
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(parseWsFaults("drop@30+60,dup/3"), { drop: [30, 60], duplicateEvery: 3 });
 * ```
 * @throws {RangeError} naming the part that is not a fault.
 */
export function parseWsFaults(text: string): FakeWsFaults {
  const out: FakeWsFaults = {};
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = part.match(/^([a-z]+)(?:@([\d+]+)|\/(\d+))?$/);
    const name = m?.[1];
    const minutes = m?.[2]?.split("+").map(Number) ?? [0];
    const every = Number(m?.[3] ?? 4);
    if (name === "drop") out.drop = minutes;
    else if (name === "stall") out.stall = minutes;
    else if (name === "slow") out.slowConsumer = minutes;
    else if (name === "auth") out.refuseAuth = true;
    else if (name === "dup" && every >= 1) out.duplicateEvery = every;
    else if (name === "ooo" && every >= 2) out.outOfOrderEvery = every;
    else {
      throw new RangeError(
        `Cannot parse WebSocket fault "${part}": use ${
          WS_FAULT_NAMES.join(", ")
        } (drop@30+60, dup/3, ooo/5)`,
      );
    }
  }
  return out;
}
