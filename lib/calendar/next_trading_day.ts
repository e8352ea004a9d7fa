import { formatDays } from "./_civil.ts";
import { calendarDateToDays, FIRST_DAY, outOfRange } from "./_checks.ts";
import { checkSteps } from "./_step.ts";
import { getTable } from "./_table.ts";

/**
 * The n-th NYSE trading day strictly after a date.
 *
 * `date` itself need not be a trading day: from a Saturday, n = 1 gives the next Monday
 * that trades.
 *
 * @param date `YYYY-MM-DD`, within the supported years.
 * @param n How many trading days forward, integer >= 1.
 * @default n 1
 * @returns The trading date `YYYY-MM-DD`.
 * @throws {RangeError} For a malformed date, n < 1, or a result past CALENDAR_LAST_YEAR.
 *
 * @example
 * ```ts
 * import { nextTradingDay } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nextTradingDay("2025-04-17"), "2025-04-21"); // over Good Friday
 * assert.equal(nextTradingDay("2025-04-17", 2), "2025-04-22");
 * ```
 */
export function nextTradingDay(date: string, n = 1): string {
  const doing = "find next trading day";
  const i = calendarDateToDays(doing, date) - FIRST_DAY;
  checkSteps(doing, n);
  const t = getTable();
  const k = t.before[i] + (Number.isNaN(t.openMs[i]) ? 0 : 1) + n - 1;
  if (k >= t.tradingDays.length) throw outOfRange(doing, `${n} trading day(s) after ${date}`);
  return formatDays(t.tradingDays[k]);
}
