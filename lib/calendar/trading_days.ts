import { formatDays } from "./_civil.ts";
import { calendarDateToDays, FIRST_DAY } from "./_checks.ts";
import { getTable } from "./_table.ts";

/**
 * All NYSE trading days from `from` to `to`, both inclusive, ascending.
 *
 * Either end may be a non-trading day. When `from` is after `to` the result is empty,
 * as with `pandas.bdate_range`.
 *
 * @param from First date `YYYY-MM-DD`, within the supported years.
 * @param to Last date `YYYY-MM-DD`, within the supported years.
 * @returns Trading dates `YYYY-MM-DD`.
 * @throws {RangeError} For a malformed date or one outside the supported years.
 *
 * @example
 * ```ts
 * import { tradingDays } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(tradingDays("2025-04-16", "2025-04-21"), [
 *   "2025-04-16", "2025-04-17", "2025-04-21", // Good Friday and the weekend skipped
 * ]);
 * ```
 */
export function tradingDays(from: string, to: string): string[] {
  const a = calendarDateToDays("list trading days", from) - FIRST_DAY;
  const b = calendarDateToDays("list trading days", to) - FIRST_DAY;
  if (a > b) return [];
  const t = getTable();
  const last = t.before[b] + (Number.isNaN(t.openMs[b]) ? 0 : 1);
  const out: string[] = [];
  for (let k = t.before[a]; k < last; k++) out.push(formatDays(t.tradingDays[k]));
  return out;
}
