import { formatDays } from "./_civil.ts";
import { calendarDateToDays, FIRST_DAY } from "./_checks.ts";
import { getTable } from "./_table.ts";

/**
 * Start instants (UTC epoch ms) of every regular-session minute of a trading day.
 *
 * 390 values from the 09:30 open to 15:59 (210, to 12:59, on early closes; 270 before 1993), 60 000 ms
 * apart: `grid[0] === openMs` and `grid[last] === closeMs - 60_000`. These are the `ts`
 * values of a complete day of minute bars.
 *
 * @param date `YYYY-MM-DD`, a trading day within the supported years.
 * @returns A new Float64Array the caller may modify.
 * @throws {RangeError} For a malformed date, one outside the supported years, or a day
 *   the exchange is closed (weekend or holiday) — check with `isTradingDay` first.
 *
 * @example
 * ```ts
 * import { minuteGrid } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * const grid = minuteGrid("2025-11-28"); // day after Thanksgiving, 13:00 close
 * assert.equal(grid.length, 210);
 * assert.equal(grid[209], Date.UTC(2025, 10, 28, 17, 59));
 * ```
 */
export function minuteGrid(date: string): Float64Array {
  const days = calendarDateToDays("build minute grid", date);
  const t = getTable();
  const i = days - FIRST_DAY;
  const openMs = t.openMs[i];
  if (Number.isNaN(openMs)) {
    const rule = t.rules.get(days);
    const why = rule ? rule.name : "weekend";
    throw new RangeError(
      `Cannot build minute grid: the exchange is closed on ${formatDays(days)} (${why})`,
    );
  }
  const n = (t.closeMs[i] - openMs) / 60_000;
  const grid = new Float64Array(n);
  for (let k = 0; k < n; k++) grid[k] = openMs + k * 60_000;
  return grid;
}
