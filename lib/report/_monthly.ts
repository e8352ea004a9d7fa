import type { LocalParts } from "./_time.ts";

/** Compounded returns per calendar month, plus each year's total. */
export interface MonthlyReturns {
  /** Years, ascending. */
  years: number[];
  /** `byYear[i][m]` is year i, month m+1 (fraction, 0.01 = 1%), null when no data. */
  byYear: (number | null)[][];
  /** Compounded return of each year (over the months with data). */
  yearTotal: number[];
}

/**
 * Month returns from an equity series: last equity of the month over last equity of the
 * month before, minus 1; the first month is measured from the first equity value.
 */
export function monthlyReturns(parts: (LocalParts | null)[], equity: number[]): MonthlyReturns {
  const monthEnd = new Map<number, number>(); // year*12+month-1 -> last equity
  let first = NaN;
  for (let i = 0; i < equity.length; i++) {
    const p = parts[i];
    if (p === null || !Number.isFinite(equity[i])) continue;
    if (Number.isNaN(first)) first = equity[i];
    monthEnd.set(p.year * 12 + p.month - 1, equity[i]);
  }
  const keys = [...monthEnd.keys()].sort((a, b) => a - b);
  if (keys.length === 0) return { years: [], byYear: [], yearTotal: [] };
  const y0 = Math.floor(keys[0] / 12), y1 = Math.floor(keys[keys.length - 1] / 12);
  const years = Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i);
  const byYear = years.map(() => new Array<number | null>(12).fill(null));
  let prev = first;
  for (const k of keys) {
    const end = monthEnd.get(k)!;
    byYear[Math.floor(k / 12) - y0][k % 12] = end / prev - 1;
    prev = end;
  }
  const yearTotal = byYear.map((row) =>
    row.reduce<number>((acc, r) => (r === null ? acc : acc * (1 + r)), 1) - 1
  );
  return { years, byYear, yearTotal };
}
