import { formatDays } from "./_civil.ts";
import { dateToDays } from "./_checks.ts";
import { tradingDays } from "./trading_days.ts";

/** A market calendar: the NYSE's sessions, or every day (crypto trades around the clock). */
export type MarketCalendar = "nyse" | "24/7";

/** The calendars {@link sessionDays} knows, derived from the type. */
export const MARKET_CALENDARS: readonly MarketCalendar[] = ["nyse", "24/7"];

/**
 * The dates a market trades from `from` to `to`, both inclusive, ascending: NYSE trading
 * days for `"nyse"`, every calendar date for `"24/7"` (crypto: a daily bar per UTC date).
 *
 * @param calendar Which calendar.
 * @param from First date `YYYY-MM-DD`.
 * @param to Last date `YYYY-MM-DD`.
 * @returns The dates.
 * @throws {RangeError} For a malformed date, an unknown calendar, or (NYSE) dates outside
 * the supported years.
 *
 * @example
 * ```ts
 * import { sessionDays } from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(sessionDays("24/7", "2024-03-29", "2024-03-31"), ["2024-03-29", "2024-03-30", "2024-03-31"]);
 * assert.deepEqual(sessionDays("nyse", "2024-03-29", "2024-04-01"), ["2024-04-01"]); // Good Friday
 * ```
 */
export function sessionDays(calendar: MarketCalendar, from: string, to: string): string[] {
  if (calendar === "nyse") return tradingDays(from, to);
  if (calendar !== "24/7") {
    throw new RangeError(
      `Cannot list session days: calendar must be one of ${MARKET_CALENDARS.join(", ")}, got ${
        JSON.stringify(calendar)
      }`,
    );
  }
  const a = dateToDays("list session days", from), b = dateToDays("list session days", to);
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(formatDays(d));
  return out;
}
