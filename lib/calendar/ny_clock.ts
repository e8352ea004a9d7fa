import { DAY_MS, formatDays, weekdayOfDays } from "./_civil.ts";
import { checkedWallMs } from "./_instant.ts";

/** New York wall-clock reading of an instant, as returned by {@link nyClock}. */
export interface NyClock {
  /** New York calendar date `YYYY-MM-DD`. */
  date: string;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59 (seconds are dropped, not rounded). */
  minute: number;
  /** hour × 60 + minute, 0–1439; the regular session is 570 ≤ m < 960. */
  minuteOfDay: number;
  /** Day of the week, 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/**
 * America/New_York wall-clock date, hour, minute and weekday of a UTC instant.
 *
 * Seconds and milliseconds are truncated toward the start of the minute, so a bar's
 * `ts` (start of its minute) maps to that minute. Arithmetic, no `Intl`.
 *
 * @param tsMs UTC epoch milliseconds, within New York years 1970–2099.
 * @returns The wall-clock reading.
 * @throws {RangeError} For NaN, infinities or instants outside 1970–2099.
 *
 * @example
 * ```ts
 * import { nyClock } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nyClock(Date.UTC(2025, 6, 3, 13, 30)), {
 *   date: "2025-07-03", hour: 9, minute: 30, minuteOfDay: 570, weekday: 4,
 * });
 * ```
 */
export function nyClock(tsMs: number): NyClock {
  const wallMs = checkedWallMs("compute New York clock", tsMs);
  const days = Math.floor(wallMs / DAY_MS);
  const minuteOfDay = Math.floor((wallMs - days * DAY_MS) / 60_000);
  return {
    date: formatDays(days),
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    minuteOfDay,
    weekday: weekdayOfDays(days),
  };
}
