import { parseIsoDate } from "./parse_iso_date.ts";

/**
 * The calendar date `n` days after `date` (`n` may be negative), `YYYY-MM-DD`.
 *
 * @throws {RangeError} for a malformed date.
 *
 * @example
 * ```ts
 * import { addDays } from "./add_days.ts";
 * import { equal } from "node:assert/strict";
 * equal(addDays("2025-02-28", 1), "2025-03-01");
 * equal(addDays("2025-03-01", -1), "2025-02-28");
 * ```
 */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parseIsoDate(date).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
