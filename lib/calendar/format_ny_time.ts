import { nyClock } from "./ny_clock.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A UTC instant as New York wall-clock text, `YYYY-MM-DD HH:MM` (24-hour, seconds
 * dropped like {@link nyClock}), for tables and labels.
 *
 * @param tsMs UTC epoch milliseconds, within New York years 1970–2099.
 * @returns The New York date and time, e.g. `2025-03-03 09:30`.
 * @throws {RangeError} For NaN, infinities or instants outside 1970–2099.
 *
 * @example
 * ```ts
 * import { formatNyTime } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(formatNyTime(Date.UTC(2025, 2, 3, 14, 30, 59)), "2025-03-03 09:30");
 * assert.equal(formatNyTime(Date.UTC(2025, 6, 4, 3, 5)), "2025-07-03 23:05");
 * ```
 */
export function formatNyTime(tsMs: number): string {
  const c = nyClock(tsMs);
  return `${c.date} ${pad(c.hour)}:${pad(c.minute)}`;
}
