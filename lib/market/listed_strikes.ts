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
  /**
   * When set, list by distance instead of count: every strike within `band` × spot of spot
   * (0.15 = ±15%), `increment` apart within `nearBand` × spot and `farIncrement` apart beyond
   * (as SPX lists $5 strikes near the money and $25 far out). `width` is then ignored.
   */
  band?: number;
  /** Fraction of spot within which strikes are `increment` apart (with `band`). @default band */
  nearBand?: number;
  /** Strike spacing beyond `nearBand` (with `band`), a multiple of `increment`. @default increment */
  farIncrement?: number;
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
 * assert.deepEqual(
 *   listedStrikes(5000, { increment: 5, band: 0.01, nearBand: 0.002, farIncrement: 25 }),
 *   [4950, 4975, 4990, 4995, 5000, 5005, 5010, 5025, 5050],
 * );
 * ```
 */
export function listedStrikes(spot: number, options: ListedStrikesOptions = {}): number[] {
  const doing = "list strikes";
  const { increment = 1, width = 30 } = options;
  checkPrice(doing, "spot", spot);
  const incTh = incrementThousandths(doing, increment);
  checkCount(doing, "width", width);
  if (options.band !== undefined) return bandStrikes(spot, incTh, options);
  const atm = nearestIndex(spot, incTh);
  const out: number[] = [];
  for (let k = Math.max(1, atm - width); k <= atm + width; k++) out.push(strikeAt(k, incTh));
  return out;
}

function bandStrikes(spot: number, incTh: number, options: ListedStrikesOptions): number[] {
  const doing = "list strikes";
  const { band = 0, nearBand = band, farIncrement = incTh / 1000 } = options;
  for (const [name, v] of [["band", band], ["nearBand", nearBand]] as const) {
    if (!(v >= 0 && v < 1)) {
      throw new RangeError(`Cannot ${doing}: ${name} must be in [0, 1), got ${v}`);
    }
  }
  const farTh = incrementThousandths(doing, farIncrement);
  if (farTh % incTh !== 0) {
    throw new RangeError(
      `Cannot ${doing}: farIncrement ${farIncrement} must be a multiple of the increment ${
        incTh / 1000
      }`,
    );
  }
  // Integer thousandths throughout, so the bounds are exact and strikes print cleanly.
  const spotTh = spot * 1000;
  const lo = spotTh * (1 - band), hi = spotTh * (1 + band);
  const nearLo = spotTh * (1 - nearBand), nearHi = spotTh * (1 + nearBand);
  const out: number[] = [];
  for (let k = Math.max(incTh, Math.ceil(lo / incTh) * incTh); k <= hi; k += incTh) {
    if ((k >= nearLo && k <= nearHi) || k % farTh === 0) out.push(k / 1000);
  }
  return out;
}
