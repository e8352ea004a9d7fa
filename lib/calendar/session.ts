import { calendarDateToDays, FIRST_DAY } from "./_checks.ts";
import { EARLY, getTable } from "./_table.ts";

/** One NYSE regular trading session. */
export interface Session {
  /** New York calendar date `YYYY-MM-DD`. */
  date: string;
  /** Opening instant (09:30 New York), UTC epoch ms. */
  openMs: number;
  /** Closing instant (16:00, or 13:00 on early closes — 14:00 before 1993 — New York), UTC epoch ms. */
  closeMs: number;
  /** True on an early close. */
  earlyClose: boolean;
  /** Session length in minutes: 390, or 210 on early closes (270 before 1993). */
  minutes: number;
}

/**
 * The NYSE regular session (09:30–16:00 New York; 13:00 close on early-close days) of a date.
 *
 * @param date `YYYY-MM-DD`, within CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR.
 * @returns The session, or `null` when the exchange is closed (weekend or holiday).
 * @throws {RangeError} For a malformed date or one outside the supported years.
 *
 * @example
 * ```ts
 * import { session } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(session("2025-12-24"), {
 *   date: "2025-12-24",
 *   openMs: Date.UTC(2025, 11, 24, 14, 30),
 *   closeMs: Date.UTC(2025, 11, 24, 18, 0),
 *   earlyClose: true,
 *   minutes: 210,
 * });
 * assert.equal(session("2025-12-25"), null);
 * ```
 */
export function session(date: string): Session | null {
  const i = calendarDateToDays("get session", date) - FIRST_DAY;
  const t = getTable();
  const openMs = t.openMs[i];
  if (Number.isNaN(openMs)) return null;
  const closeMs = t.closeMs[i];
  return {
    date,
    openMs,
    closeMs,
    earlyClose: t.status[i] === EARLY,
    minutes: (closeMs - openMs) / 60_000,
  };
}
