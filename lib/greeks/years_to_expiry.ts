/**
 * Time to expiry as a year fraction, for one bar or a column of bars.
 *
 * @module
 */
import { checkTs, expiryCloseMs } from "./_expiry.ts";

/** Milliseconds in the 365-day year of the time-to-expiry convention. */
export const YEAR_MS = 365 * 86_400_000;
/** One minute in years: the floor of {@link yearsToExpiry}. */
export const ONE_MINUTE_YEARS = 60_000 / YEAR_MS;

/** Options of {@link yearsToExpiry} (and `yearsToExpiryColumn`). */
export interface YearsToExpiryOptions {
  /** Smallest value returned, in years. @default one minute (1/525,600) */
  minYears?: number;
  /**
   * `pm`: time runs to the 16:00 close of the expiry date (equity options, SPXW); `am`: to
   * the 09:30 open, whose opening print settles AM contracts (SPX, NDX and RUT monthlies).
   * @default "pm"
   */
  settlement?: "am" | "pm";
}

/**
 * Years from a bar timestamp to 16:00 New York time on the expiry date (the close of the
 * last trading session of a standard equity option; daylight saving handled by the
 * calendar), or to 09:30 for AM-settled index options (`settlement: "am"`: SPX monthlies
 * settle on the expiry date's opening print), on a 365-day year:
 * (close − tsMs)/(365·86,400,000). Floored at one minute, so
 * bars in the last minute, or after the 16:00 close on expiry day (index options trade to
 * 16:15), never give zero or negative time; drop expired rows upstream if they matter.
 *
 * @param tsMs Bar timestamp, UTC epoch milliseconds (a bar's `ts`, the start of its minute).
 * @param expiry Expiry date `YYYY-MM-DD` (New York calendar date).
 * @param options Floor.
 * @returns Years to expiry, >= minYears.
 * @throws {RangeError} If tsMs is not finite or expiry is not a valid date in 1970–2099.
 *
 * @example
 * ```ts
 * import { yearsToExpiry } from "./years_to_expiry.ts";
 * import assert from "node:assert/strict";
 * // 2025-03-07 09:30 New York (EST) to 2025-03-14 16:00 (EDT): 7 days + 6.5 h − 1 h (DST).
 * const t = yearsToExpiry(Date.UTC(2025, 2, 7, 14, 30), "2025-03-14");
 * assert.equal(t, (7 * 24 + 5.5) / (365 * 24));
 * // AM settlement (SPX): the same bar has 6.5 hours less to run.
 * const am = yearsToExpiry(Date.UTC(2025, 2, 7, 14, 30), "2025-03-14", { settlement: "am" });
 * assert.equal(am, (7 * 24 - 1) / (365 * 24));
 * ```
 */
export function yearsToExpiry(
  tsMs: number,
  expiry: string,
  options: YearsToExpiryOptions = {},
): number {
  const { minYears = ONE_MINUTE_YEARS, settlement = "pm" } = options;
  checkTs(tsMs);
  const t = (expiryCloseMs(expiry, settlement) - tsMs) / YEAR_MS;
  return t > minYears ? t : minYears;
}
