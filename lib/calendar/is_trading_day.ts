import { calendarDateToDays, FIRST_DAY } from "./_checks.ts";
import { EARLY, getTable, REGULAR } from "./_table.ts";

/**
 * Whether NYSE holds a regular or early-close session on a New York calendar date.
 *
 * False on weekends, exchange holidays and special closures (e.g. 2025-01-09).
 *
 * @param date `YYYY-MM-DD`, within CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR.
 * @returns True when the exchange opens that day.
 * @throws {RangeError} For a malformed date or one outside the supported years.
 *
 * @example
 * ```ts
 * import { isTradingDay } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isTradingDay("2025-04-18"), false); // Good Friday
 * assert.equal(isTradingDay("2021-12-31"), true); // New Year 2022 fell on a Saturday
 * ```
 */
export function isTradingDay(date: string): boolean {
  const s = getTable().status[calendarDateToDays("check trading day", date) - FIRST_DAY];
  return s === REGULAR || s === EARLY;
}
