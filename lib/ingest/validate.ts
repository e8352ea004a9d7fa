/**
 * Validation and de-duplication of minute bars before they enter the lake.
 *
 * @module
 */
import { barViolation, type MinuteBar } from "../market/mod.ts";
import type { QuarantinedRow } from "../lake/mod.ts";

/** Options for {@linkcode cleanBars}. */
export interface CleanBarsOptions {
  /** First allowed minute start, UTC ms (inclusive). */
  startMs: number;
  /** End of the allowed window, UTC ms (exclusive). */
  endMs: number;
}

/** Valid bars (ascending, unique `ts`) and the rows set aside with their reasons. */
export interface CleanBars {
  bars: MinuteBar[];
  quarantine: QuarantinedRow[];
}

/**
 * Keeps valid bars sorted by `ts`, de-duplicated on `ts` (the first occurrence wins; a later
 * copy that differs is quarantined as a conflicting duplicate, an identical one is dropped).
 *
 * @example
 * ```ts
 * import { cleanBars } from "./validate.ts";
 * import { equal } from "node:assert/strict";
 * const bar = { ts: 0, open: 1, high: 2, low: 1, close: 2, volume: 5, vwap: 1.5, trades: 2 };
 * const out = cleanBars([bar, bar, { ...bar, ts: 60_000, low: 3 }], { startMs: 0, endMs: 120_000 });
 * equal(out.bars.length, 1);
 * equal(out.quarantine[0].reason, "low 3 > min(open, close) 1");
 * ```
 */
export function cleanBars(bars: readonly MinuteBar[], options: CleanBarsOptions): CleanBars {
  const quarantine: QuarantinedRow[] = [];
  const byTs = new Map<number, MinuteBar>();
  for (const bar of bars) {
    const reason = barViolation(bar, options);
    if (reason) {
      quarantine.push({ reason, row: bar });
      continue;
    }
    const first = byTs.get(bar.ts);
    if (!first) byTs.set(bar.ts, bar);
    else if (JSON.stringify(first) !== JSON.stringify(bar)) {
      quarantine.push({ reason: `conflicting duplicate of ts ${bar.ts}`, row: bar });
    }
  }
  return { bars: [...byTs.values()].sort((a, b) => a.ts - b.ts), quarantine };
}
