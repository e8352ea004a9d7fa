import { formatDays } from "./_civil.ts";
import { calendarDateToDays, FIRST_DAY, outOfRange } from "./_checks.ts";
import { checkSteps } from "./_step.ts";
import { getTable } from "./_table.ts";

/**
 * The n-th NYSE trading day strictly before a date.
 *
 * `date` itself need not be a trading day: from a Sunday, n = 1 gives the Friday before
 * (or the Thursday, when that Friday is a holiday).
 *
 * @param date `YYYY-MM-DD`, within the supported years.
 * @param n How many trading days back, integer >= 1.
 * @default n 1
 * @returns The trading date `YYYY-MM-DD`.
 * @throws {RangeError} For a malformed date, n < 1, or a result before CALENDAR_FIRST_YEAR.
 *
 * @example
 * ```ts
 * import { previousTradingDay } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(previousTradingDay("2025-04-20"), "2025-04-17"); // Easter Sunday
 * assert.equal(previousTradingDay("2025-04-21", 3), "2025-04-15");
 * ```
 */
export function previousTradingDay(date: string, n = 1): string {
  const doing = "find previous trading day";
  const i = calendarDateToDays(doing, date) - FIRST_DAY;
  checkSteps(doing, n);
  const t = getTable();
  const k = t.before[i] - n;
  if (k < 0) throw outOfRange(doing, `${n} trading day(s) before ${date}`);
  return formatDays(t.tradingDays[k]);
}
