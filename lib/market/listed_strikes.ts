import { checkCount, checkPrice, incrementThousandths, nearestIndex, strikeAt } from "./_grid.ts";

/** Options of {@link listedStrikes}. */
export interface ListedStrikesOptions {
  /**
   * Strike spacing, dollars (a multiple of 0.001).
   * @default 1
   */
  increment?: number;
  /**
   * Number of strikes listed on each side of the at-the-money strike (a count, not
   * dollars; with the default increment of 1 the two agree).
   * @default 30
   */
  width?: number;
}

/**
 * The strikes a SPY-like chain lists around a spot price, ascending.
 *
 * The at-the-money strike is the grid strike nearest `spot` (a spot exactly halfway
 * rounds up); the chain lists it and `width` strikes on each side, `increment` apart.
 * Strikes that would be <= 0 are not listed, so a low spot gives fewer than
 * `2 * width + 1` strikes. Used by the simulator to build a day's option chain.
 *
 * @param spot Underlying price, dollars, > 0.
 * @param options `{ increment, width }`.
 * @returns Strikes in dollars, ascending, exact to the thousandth.
 * @throws {RangeError} When spot is not > 0, increment is not a positive multiple of
 *   0.001, or width is not an integer >= 0.
 *
 * @example
 * ```ts
 * import { listedStrikes } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(listedStrikes(593.88, { width: 2 }), [592, 593, 594, 595, 596]);
 * ```
 */
export function listedStrikes(spot: number, options: ListedStrikesOptions = {}): number[] {
  const doing = "list strikes";
  const { increment = 1, width = 30 } = options;
  checkPrice(doing, "spot", spot);
  const incTh = incrementThousandths(doing, increment);
  checkCount(doing, "width", width);
  const atm = nearestIndex(spot, incTh);
  const out: number[] = [];
  for (let k = Math.max(1, atm - width); k <= atm + width; k++) out.push(strikeAt(k, incTh));
  return out;
}
