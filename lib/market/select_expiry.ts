import { addDays, isTradingDay, nextTradingDay, parseIsoDate } from "../calendar/mod.ts";
import { onOrBeforeTradingDay, weekdayOf } from "./_dates.ts";

/** The expiry conventions {@link selectExpiry} knows, for config schemas (`z.enum`). */
export const EXPIRY_CONVENTIONS = [
  "same_day",
  "next_trading_day",
  "next_friday",
  "fixed",
  "nearest_listed",
] as const;

/** How to pick the expiry of the contracts traded on a date. */
export type ExpiryConvention = typeof EXPIRY_CONVENTIONS[number];

/** Options of {@link selectExpiry}. */
export interface SelectExpiryOptions {
  /** The trading date `YYYY-MM-DD` the contracts are chosen on. */
  date: string;
  /** Which expiry to take; see {@link selectExpiry}. */
  convention: ExpiryConvention;
  /** The expiry date `YYYY-MM-DD`; required by and only read for `fixed`. */
  fixed?: string;
  /** Expiries discovered for the underlying (any order); required by and only read for `nearest_listed`. */
  listed?: readonly string[];
}

/**
 * The option expiry date to trade on a date under an expiry convention.
 *
 * - `same_day`: the date itself (0DTE).
 * - `next_trading_day`: the first trading day strictly after the date (1DTE).
 * - `next_friday`: the first Friday on or after the date — on a Friday that is the day
 *   itself, as a trader means "this Friday's weekly".
 * - `fixed`: the `fixed` date.
 * - `nearest_listed`: the earliest date in `listed` on or after the date. Listed dates
 *   are real exchange expiries and are taken as they are.
 *
 * An expiry from `next_friday` or `fixed` that falls on a holiday or weekend moves to
 * the trading day before it, as exchange-listed expiries do (the weekly of Good Friday
 * 2025-04-18 expires Thursday 2025-04-17).
 *
 * @param options `{ date, convention, fixed, listed }`.
 * @returns The expiry date `YYYY-MM-DD`, on or after `date`, a trading day.
 * @throws {TypeError} When `fixed` or `listed` is missing for the convention that needs it.
 * @throws {RangeError} When `date` is not a trading day within the calendar's years, the
 *   convention is unknown, a date is malformed, the fixed expiry is before `date`, or no
 *   listed expiry is on or after `date`.
 *
 * @example
 * ```ts
 * import { selectExpiry } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(selectExpiry({ date: "2025-04-14", convention: "next_friday" }), "2025-04-17");
 * assert.equal(selectExpiry({ date: "2025-03-07", convention: "next_trading_day" }), "2025-03-10");
 * ```
 */
export function selectExpiry(options: SelectExpiryOptions): string {
  const { date, convention, fixed, listed } = options;
  const fail = (why: string) => new RangeError(`Cannot select expiry: ${why}`);
  if (!isTradingDay(date)) throw fail(`${date} is not a trading day`);
  switch (convention) {
    case "same_day":
      return date;
    case "next_trading_day":
      return nextTradingDay(date);
    case "next_friday":
      return onOrBeforeTradingDay(addDays(date, (5 - weekdayOf(date) + 7) % 7));
    case "fixed": {
      if (fixed === undefined) {
        throw new TypeError(`Cannot select expiry: convention "fixed" needs fixed`);
      }
      const expiry = onOrBeforeTradingDay(parseIsoDate(fixed));
      if (expiry < date) throw fail(`fixed expiry ${fixed} is before ${date}`);
      return expiry;
    }
    case "nearest_listed": {
      if (listed === undefined) {
        throw new TypeError(`Cannot select expiry: convention "nearest_listed" needs listed`);
      }
      let best: string | undefined;
      for (const d of listed) {
        parseIsoDate(d);
        if (d >= date && (best === undefined || d < best)) best = d;
      }
      if (best === undefined) {
        throw fail(`no listed expiry on or after ${date} among ${listed.length} listed`);
      }
      return best;
    }
    default:
      throw fail(
        `convention must be one of ${EXPIRY_CONVENTIONS.join(", ")}, got ${
          JSON.stringify(convention)
        }`,
      );
  }
}
