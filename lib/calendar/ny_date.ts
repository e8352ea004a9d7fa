import { DAY_MS, formatDays } from "./_civil.ts";
import { checkedWallMs } from "./_instant.ts";

let lastDays = NaN;
let lastDate = "";

/**
 * America/New_York calendar date `YYYY-MM-DD` of a UTC instant.
 *
 * Arithmetic (no `Intl`), and it remembers the last date it formatted, so calling it
 * once per row of a time-sorted table costs little more than a division. Use it to
 * derive the `date` partition key from a bar's `ts`.
 *
 * @param tsMs UTC epoch milliseconds, within New York years 1970–2099.
 * @returns The New York calendar date.
 * @throws {RangeError} For NaN, infinities or instants outside 1970–2099.
 *
 * @example
 * ```ts
 * import { nyDate } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * // 02:30 UTC on 2025-03-04 is still the evening of 2025-03-03 in New York.
 * assert.equal(nyDate(Date.UTC(2025, 2, 4, 2, 30)), "2025-03-03");
 * ```
 */
export function nyDate(tsMs: number): string {
  const days = Math.floor(checkedWallMs("compute New York date", tsMs) / DAY_MS);
  if (days !== lastDays) {
    lastDays = days;
    lastDate = formatDays(days);
  }
  return lastDate;
}
