import { dateToDays } from "./_checks.ts";

/**
 * Validate a `YYYY-MM-DD` calendar date string and return it unchanged.
 *
 * The string must have exactly four year digits, two month digits and two day digits,
 * and name a real day of the proleptic Gregorian calendar (so `2024-02-29` passes and
 * `2025-02-29` does not). No time part, no surrounding whitespace.
 *
 * @param s The candidate date.
 * @returns `s`, unchanged.
 * @throws {RangeError} When `s` is not a string of that form naming a real date.
 *
 * @example
 * ```ts
 * import { parseIsoDate } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseIsoDate("2024-02-29"), "2024-02-29");
 * assert.throws(() => parseIsoDate("2025-02-30"), RangeError);
 * ```
 */
export function parseIsoDate(s: string): string {
  dateToDays("parse date", s);
  return s;
}
