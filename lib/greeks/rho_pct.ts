/**
 * Rho in trader units.
 *
 * @module
 */

/**
 * Rho per rate point from rho per 1.0 of rate: the change in value when the rate rises
 * by one percentage point (5% → 6%), i.e. ∂V/∂r / 100. Applies to dividend rho as well.
 *
 * @param rho ∂V/∂r with r as a decimal, one value or a column.
 * @returns Rho per rate point, of the same shape (a new array for a column).
 *
 * @example
 * ```ts
 * import { rhoPct } from "./rho_pct.ts";
 * import assert from "node:assert/strict";
 * assert.equal(rhoPct(8.91), 0.0891);
 * ```
 */
export function rhoPct(rho: number): number;
export function rhoPct(rho: Float64Array): Float64Array;
export function rhoPct(rho: number | Float64Array): number | Float64Array {
  if (typeof rho === "number") return rho / 100;
  return rho.map((v) => v / 100);
}
