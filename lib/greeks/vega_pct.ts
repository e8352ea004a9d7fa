/**
 * Vega in trader units.
 *
 * @module
 */

/**
 * Vega per vol point from vega per 1.0 of vol: the change in value when volatility rises
 * by one percentage point (0.20 → 0.21), i.e. ∂V/∂σ / 100.
 *
 * @param vega ∂V/∂σ with σ as a decimal, one value or a column.
 * @returns Vega per vol point, of the same shape (a new array for a column).
 *
 * @example
 * ```ts
 * import { vegaPct } from "./vega_pct.ts";
 * import assert from "node:assert/strict";
 * assert.equal(vegaPct(12.1), 0.121);
 * ```
 */
export function vegaPct(vega: number): number;
export function vegaPct(vega: Float64Array): Float64Array;
export function vegaPct(vega: number | Float64Array): number | Float64Array {
  if (typeof vega === "number") return vega / 100;
  return vega.map((v) => v / 100);
}
