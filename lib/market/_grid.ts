// Strike-grid arithmetic in integer thousandths of a dollar, so that results print
// cleanly (593.5, never 593.5000000001).
import { strikeToThousandths } from "./_occ.ts";

/** Increment in thousandths; RangeError unless a positive multiple of 0.001. */
export function incrementThousandths(doing: string, increment: number): number {
  const th = strikeToThousandths(increment);
  if (Number.isNaN(th)) {
    throw new RangeError(
      `Cannot ${doing}: increment must be a positive multiple of 0.001, got ${increment}`,
    );
  }
  return th;
}

/** RangeError unless price is a finite number > 0. */
export function checkPrice(doing: string, name: string, price: number): void {
  if (typeof price !== "number" || !Number.isFinite(price) || price <= 0) {
    throw new RangeError(`Cannot ${doing}: ${name} must be a finite number > 0, got ${price}`);
  }
}

/** RangeError unless n is an integer >= 0. */
export function checkCount(doing: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Cannot ${doing}: ${name} must be an integer >= 0, got ${n}`);
  }
}

/**
 * Index of the grid strike at or below a price, on a grid of `incTh` thousandths.
 * A price within 1e-6 of an increment of a grid strike counts as on it.
 */
export function floorIndex(price: number, incTh: number): number {
  const ratio = (price * 1000) / incTh;
  const nearest = Math.round(ratio);
  return Math.abs(ratio - nearest) <= 1e-6 ? nearest : Math.floor(ratio);
}

/** Index of the grid strike nearest a price (halves round up). */
export function nearestIndex(price: number, incTh: number): number {
  const ratio = (price * 1000) / incTh;
  const nearest = Math.round(ratio);
  return Math.abs(ratio - nearest) <= 1e-6 ? nearest : Math.floor(ratio + 0.5);
}

/** Strike in dollars of grid index k, exact to the thousandth. */
export function strikeAt(k: number, incTh: number): number {
  return (k * incTh) / 1000;
}
