import { checkCount, checkPrice, floorIndex, incrementThousandths, strikeAt } from "./_grid.ts";

/** Options of {@link selectStrikes}. */
export interface SelectStrikesOptions {
  /** The underlying's opening price, dollars. */
  open: number;
  /** Distance between listed strikes, dollars (a multiple of 0.001), e.g. 0.5 or 1. */
  increment: number;
  /** How many call strikes, nearest first. */
  nCalls: number;
  /** How many put strikes, nearest first. */
  nPuts: number;
}

/** Strikes chosen by {@link selectStrikes}, each list nearest the open first. */
export interface SelectedStrikes {
  /** Strikes strictly above the open, ascending. */
  calls: number[];
  /** Strikes at or below the open, descending. */
  puts: number[];
}

/**
 * Pick the strikes around the day's open: out-of-the-money calls and at/out-of-the-money puts.
 *
 * Strikes lie on the grid of multiples of `increment`. Calls are the `nCalls` strikes
 * strictly above `open`, ascending; puts are the `nPuts` strikes at or below it,
 * descending. When the open sits exactly on a strike, that strike is the first put and
 * calls start one increment up. Results are exact to the thousandth (593.5, not
 * 593.4999999). An open within a millionth of an increment of a strike counts as on it.
 *
 * @param options `{ open, increment, nCalls, nPuts }`.
 * @returns `{ calls, puts }`, nearest strike first in each.
 * @throws {RangeError} When open is not > 0, increment is not a positive multiple of
 *   0.001, a count is not an integer >= 0, or the puts would need a strike <= 0.
 *
 * @example
 * ```ts
 * import { selectStrikes } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(selectStrikes({ open: 593.88, increment: 0.5, nCalls: 2, nPuts: 2 }), {
 *   calls: [594, 594.5],
 *   puts: [593.5, 593],
 * });
 * ```
 */
export function selectStrikes(options: SelectStrikesOptions): SelectedStrikes {
  const doing = "select strikes";
  const { open, increment, nCalls, nPuts } = options;
  checkPrice(doing, "open", open);
  const incTh = incrementThousandths(doing, increment);
  checkCount(doing, "nCalls", nCalls);
  checkCount(doing, "nPuts", nPuts);
  const atOrBelow = floorIndex(open, incTh);
  if (nPuts > 0 && atOrBelow - nPuts + 1 < 1) {
    throw new RangeError(
      `Cannot select strikes: ${nPuts} put strikes at or below open ${open} on a ` +
        `${increment} grid would reach a strike <= 0`,
    );
  }
  const calls: number[] = [];
  for (let i = 1; i <= nCalls; i++) calls.push(strikeAt(atOrBelow + i, incTh));
  const puts: number[] = [];
  for (let i = 0; i < nPuts; i++) puts.push(strikeAt(atOrBelow - i, incTh));
  return { calls, puts };
}
