// Shared argument check for nextTradingDay / previousTradingDay.

/** RangeError unless n is an integer >= 1. */
export function checkSteps(doing: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Cannot ${doing}: n must be an integer >= 1, got ${n}`);
  }
}
