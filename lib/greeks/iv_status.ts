/**
 * Status codes of {@link impliedVol}, one per row.
 *
 * @module
 */

/**
 * Names of the implied-volatility status codes, indexed by code:
 *
 * - 0 `ok`: the volatility was found.
 * - 1 `below_intrinsic`: the price is at or below the option's lower bound, the
 *   discounted forward intrinsic value max(±(S·e^{−qT} − K·e^{−rT}), 0), or above it by
 *   no more than floating-point rounding of that bound; no positive volatility gives it.
 *   A negative price lands here too.
 * - 2 `above_max`: the price is at or above the upper bound (S·e^{−qT} for a call,
 *   K·e^{−rT} for a put), reached only as volatility → ∞.
 * - 3 `zero_time`: tYears <= 0.
 * - 4 `bad_input`: a non-finite input, spot or strike <= 0, or a right that is neither
 *   call nor put.
 */
export const IV_STATUS = ["ok", "below_intrinsic", "above_max", "zero_time", "bad_input"] as const;

/** The name of an implied-volatility status code. */
export type IvStatusName = (typeof IV_STATUS)[number];

/** Status code: the volatility was found. */
export const IV_OK = 0;
/** Status code: price at or below the lower bound. */
export const IV_BELOW_INTRINSIC = 1;
/** Status code: price at or above the upper bound. */
export const IV_ABOVE_MAX = 2;
/** Status code: no time left to expiry. */
export const IV_ZERO_TIME = 3;
/** Status code: invalid input. */
export const IV_BAD_INPUT = 4;

/**
 * Turns status codes into their names (see {@link IV_STATUS}).
 *
 * @param codes A status column as returned by `impliedVol`, or one code.
 * @returns The names, one per code.
 * @throws {RangeError} If a code is not one of 0–4.
 *
 * @example
 * ```ts
 * import { ivStatusNames } from "./iv_status.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(ivStatusNames(new Uint8Array([0, 1, 4])), ["ok", "below_intrinsic", "bad_input"]);
 * ```
 */
export function ivStatusNames(codes: ArrayLike<number>): IvStatusName[] {
  const names: IvStatusName[] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const name = IV_STATUS[codes[i]];
    if (name === undefined) {
      throw new RangeError(
        `Cannot name implied-volatility status: code must be 0 to 4, got ${codes[i]} at row ${i}`,
      );
    }
    names[i] = name;
  }
  return names;
}
