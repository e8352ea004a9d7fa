// Argument checks shared by the calendar functions; each names what was being done.
import { daysFromCivil, tryParseDays } from "./_civil.ts";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from "./constants.ts";

/** Day number of the first and last day the holiday tables cover. */
export const FIRST_DAY = daysFromCivil(CALENDAR_FIRST_YEAR, 1, 1);
export const LAST_DAY = daysFromCivil(CALENDAR_LAST_YEAR, 12, 31);

/** Day number of a `YYYY-MM-DD` string; RangeError naming the value and the form otherwise. */
export function dateToDays(doing: string, s: unknown): number {
  const days = tryParseDays(s);
  if (Number.isNaN(days)) {
    const shown = typeof s === "string" ? JSON.stringify(s) : String(s);
    throw new RangeError(
      `Cannot ${doing}: expected a real calendar date in the form YYYY-MM-DD, got ${shown}`,
    );
  }
  return days;
}

/** As dateToDays, and also inside the years the NYSE tables cover. */
export function calendarDateToDays(doing: string, s: unknown): number {
  const days = dateToDays(doing, s);
  if (days < FIRST_DAY || days > LAST_DAY) throw outOfRange(doing, s as string);
  return days;
}

/** RangeError for a date or year outside CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR. */
export function outOfRange(doing: string, what: string | number): RangeError {
  return new RangeError(
    `Cannot ${doing}: ${what} is outside the supported NYSE calendar range ` +
      `${CALENDAR_FIRST_YEAR}-01-01..${CALENDAR_LAST_YEAR}-12-31`,
  );
}
