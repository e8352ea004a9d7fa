/**
 * Theta in trader units.
 *
 * @module
 */

/** Calendar days per year of the time-to-expiry convention (Act/365). */
export const DAYS_PER_YEAR = 365;

/**
 * Theta per calendar day from theta per year (∂V/∂t as calendar time passes):
 * θ_day = θ_year / 365, the change in value over one calendar day, all else fixed.
 *
 * @param thetaYear Theta per year, one value or a column.
 * @returns Theta per calendar day, of the same shape (a new array for a column).
 *
 * @example
 * ```ts
 * import { thetaDay } from "./theta_day.ts";
 * import assert from "node:assert/strict";
 * assert.equal(thetaDay(-3.65), -0.01);
 * assert.deepEqual(thetaDay(new Float64Array([-365, 0])), new Float64Array([-1, 0]));
 * ```
 */
export function thetaDay(thetaYear: number): number;
export function thetaDay(thetaYear: Float64Array): Float64Array;
export function thetaDay(thetaYear: number | Float64Array): number | Float64Array {
  if (typeof thetaYear === "number") return thetaYear / DAYS_PER_YEAR;
  return thetaYear.map((v) => v / DAYS_PER_YEAR);
}
