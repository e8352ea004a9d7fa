import { formatDays } from "./_civil.ts";
import { outOfRange } from "./_checks.ts";
import { getTable } from "./_table.ts";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from "./constants.ts";

/** One NYSE holiday closure or early close (13:00 since 1993, 14:00 before). */
export interface Holiday {
  /** New York calendar date `YYYY-MM-DD` (the observed date, always a weekday). */
  date: string;
  /** The exchange's name for it, e.g. "Good Friday", "Early close after Thanksgiving Day". */
  name: string;
  /** `closed` for a full-day closure, `early_close` for an early close (13:00; 14:00 before 1993). */
  kind: "closed" | "early_close";
}

/**
 * NYSE full-day closures and early closes of a year, ascending by date.
 *
 * Holidays are listed on their observed weekday (Independence Day 2026 on Friday
 * 2026-07-03). A holiday falling on a Saturday with no observed day (New Year's Day 2022)
 * is not listed, since the exchange does not close for it. Includes special closures
 * (2018-12-05, 2025-01-09).
 *
 * @param year Calendar year within CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR.
 * @returns A new array of holidays.
 * @throws {RangeError} For a non-integer year or one outside the supported years.
 *
 * @example
 * ```ts
 * import { holidays } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * const early = holidays(2025).filter((h) => h.kind === "early_close").map((h) => h.date);
 * assert.deepEqual(early, ["2025-07-03", "2025-11-28", "2025-12-24"]);
 * ```
 */
export function holidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw outOfRange("list holidays", `year ${year}`);
  }
  const rules = getTable().byYear.get(year) ?? [];
  return rules.map((r) => ({ date: formatDays(r.days), name: r.name, kind: r.kind }));
}
