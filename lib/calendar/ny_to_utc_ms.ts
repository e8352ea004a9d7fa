import { DAY_MS, yearOfDays } from "./_civil.ts";
import { dateToDays } from "./_checks.ts";
import { TZ_FIRST_YEAR, TZ_LAST_YEAR, wallToUtcMs } from "./_tz.ts";

// The last date parsed: rows of one day call this with the same date many times.
let lastDate = "";
let lastDays = 0;
let lastYear = 0;

/**
 * UTC epoch ms of a New York (America/New_York) wall-clock time on a date.
 *
 * Daylight saving follows the US rules of each year (since 2007: second Sunday of March
 * 02:00 to first Sunday of November 02:00), computed arithmetically without `Intl`, so it
 * is cheap per row. Works for dates 1970-01-01..2099-12-31. A time skipped by the
 * spring-forward jump (02:00–02:59) is read as standard time, i.e. one hour later on the
 * clock; a time repeated at fall-back (01:00–01:59) takes the first, daylight, occurrence —
 * Temporal's `disambiguation: "compatible"`.
 *
 * @param date New York calendar date `YYYY-MM-DD`.
 * @param hour Hour of the day, integer 0–23.
 * @param minute Minute of the hour, integer 0–59.
 * @default minute 0
 * @returns UTC epoch milliseconds.
 * @throws {RangeError} For a malformed date, a year outside 1970–2099, or an hour or
 *   minute that is not an integer in range.
 *
 * @example
 * ```ts
 * import { nyToUtcMs } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nyToUtcMs("2025-03-10", 9, 30), Date.UTC(2025, 2, 10, 13, 30)); // EDT
 * assert.equal(nyToUtcMs("2025-03-07", 9, 30), Date.UTC(2025, 2, 7, 14, 30)); // EST
 * ```
 */
export function nyToUtcMs(date: string, hour: number, minute = 0): number {
  if (date !== lastDate) {
    const days = dateToDays("convert New York time to UTC", date);
    const year = yearOfDays(days);
    if (year < TZ_FIRST_YEAR || year > TZ_LAST_YEAR) {
      throw new RangeError(
        `Cannot convert New York time to UTC: ${date} is outside the supported range ` +
          `${TZ_FIRST_YEAR}-01-01..${TZ_LAST_YEAR}-12-31`,
      );
    }
    lastDate = date;
    lastDays = days;
    lastYear = year;
  }
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(
      `Cannot convert New York time to UTC: hour must be an integer 0-23, got ${hour}`,
    );
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(
      `Cannot convert New York time to UTC: minute must be an integer 0-59, got ${minute}`,
    );
  }
  return wallToUtcMs(lastDays * DAY_MS + hour * 3_600_000 + minute * 60_000, lastYear);
}
