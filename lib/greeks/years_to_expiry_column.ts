/**
 * Time to expiry as a year fraction for a column of bars.
 *
 * @module
 */
import { checkTs, expiryCloseMs } from "./_expiry.ts";
import { ONE_MINUTE_YEARS, YEAR_MS, type YearsToExpiryOptions } from "./years_to_expiry.ts";

/**
 * {@link yearsToExpiry} for a column of timestamps, with one expiry for all rows or one per
 * row (each distinct expiry is converted once), all of one settlement (`pm` by default).
 *
 * @param tsMs Bar timestamps, UTC epoch milliseconds.
 * @param expiry One expiry date `YYYY-MM-DD`, or one per row.
 * @param options Floor.
 * @returns Years to expiry per row.
 * @throws {RangeError} If the columns differ in length, a timestamp is not finite or an
 * expiry is not a valid date.
 *
 * @example
 * ```ts
 * import { yearsToExpiryColumn } from "./years_to_expiry_column.ts";
 * import assert from "node:assert/strict";
 * const close = Date.UTC(2025, 0, 17, 21); // 16:00 EST
 * const t = yearsToExpiryColumn([close - 86_400_000, close], "2025-01-17");
 * assert.deepEqual(Array.from(t), [1 / 365, 1 / 525_600]);
 * ```
 */
export function yearsToExpiryColumn(
  tsMs: ArrayLike<number>,
  expiry: string | ArrayLike<string>,
  options: YearsToExpiryOptions = {},
): Float64Array {
  const { minYears = ONE_MINUTE_YEARS, settlement = "pm" } = options;
  const n = tsMs.length;
  if (typeof expiry !== "string" && expiry.length !== n) {
    throw new RangeError(
      `Cannot compute years to expiry: expiry has ${expiry.length} rows but tsMs has ${n}`,
    );
  }
  const closes = new Map<string, number>();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const date = typeof expiry === "string" ? expiry : expiry[i];
    let close = closes.get(date);
    if (close === undefined) {
      close = expiryCloseMs(date, settlement);
      closes.set(date, close);
    }
    checkTs(tsMs[i], i);
    const t = (close - tsMs[i]) / YEAR_MS;
    out[i] = t > minYears ? t : minYears;
  }
  return out;
}
