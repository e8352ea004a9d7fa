/**
 * Risk-free rate curves by date, as data: parsing and interpolation.
 *
 * @module
 */
import { parseIsoDate } from "../calendar/mod.ts";

/** How the curve's quoted rates compound; `rateFor` always returns continuous rates. */
export type Compounding = "continuous" | "simple" | "annual";

/** One quote: on `date`, the rate for `tenorDays` calendar days (a decimal, 0.05 = 5%). */
export interface RateQuote {
  date: string;
  tenorDays: number;
  rate: number;
}

/** A rate curve: quotes grouped by date (ascending), each date's tenors ascending. */
export interface RateCurve {
  dates: string[];
  tenorsYears: Float64Array[];
  /** Continuously compounded rates, one per tenor. */
  rates: Float64Array[];
  /** Where the quotes came from (a file name, "config"), for run records. */
  source: string;
}

/** Options of {@link rateCurve}. */
export interface RateCurveOptions {
  /** How the quotes compound. @default "continuous" */
  compounding?: Compounding;
  /** A label for the curve's origin. @default "quotes" */
  source?: string;
}

function toContinuous(rate: number, tYears: number, c: Compounding): number {
  if (c === "continuous") return rate;
  if (c === "annual") return Math.log1p(rate);
  return Math.log1p(rate * tYears) / tYears;
}

/**
 * Builds a curve from quotes (any order; duplicates of a date and tenor are refused).
 *
 * @param quotes The quotes.
 * @param options Compounding of the quotes and a source label.
 * @returns The curve, with continuously compounded rates.
 * @throws {RangeError} On an invalid date, a tenor that is not a whole number of days
 * >= 1, a non-finite rate, a duplicate, or no quotes at all.
 *
 * @example
 * ```ts
 * import { rateCurve, rateFor } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const curve = rateCurve([
 *   { date: "2024-01-02", tenorDays: 30, rate: 0.053 },
 *   { date: "2024-01-02", tenorDays: 90, rate: 0.052 },
 * ]);
 * assert.equal(rateFor(curve, "2024-01-05", 60 / 365).toFixed(4), "0.0525");
 * ```
 */
export function rateCurve(quotes: readonly RateQuote[], options: RateCurveOptions = {}): RateCurve {
  const { compounding = "continuous", source = "quotes" } = options;
  if (quotes.length === 0) throw new RangeError("Cannot build a rate curve: no quotes");
  const byDate = new Map<string, Map<number, number>>();
  quotes.forEach((q, i) => {
    try {
      parseIsoDate(q.date);
    } catch {
      throw new RangeError(
        `Cannot build a rate curve: quote ${i + 1} has date "${q.date}", not YYYY-MM-DD`,
      );
    }
    if (!Number.isInteger(q.tenorDays) || q.tenorDays < 1) {
      throw new RangeError(
        `Cannot build a rate curve: quote ${
          i + 1
        } (${q.date}) has tenor ${q.tenorDays} days; use whole days >= 1`,
      );
    }
    if (!Number.isFinite(q.rate)) {
      throw new RangeError(
        `Cannot build a rate curve: quote ${i + 1} (${q.date}) has rate ${q.rate}`,
      );
    }
    const tenors = byDate.get(q.date) ?? new Map<number, number>();
    if (tenors.has(q.tenorDays)) {
      throw new RangeError(
        `Cannot build a rate curve: two quotes for ${q.date} at ${q.tenorDays} days`,
      );
    }
    tenors.set(q.tenorDays, q.rate);
    byDate.set(q.date, tenors);
  });
  const dates = [...byDate.keys()].sort();
  const tenorsYears: Float64Array[] = [], rates: Float64Array[] = [];
  for (const d of dates) {
    const entries = [...byDate.get(d)!].sort((a, b) => a[0] - b[0]);
    const t = Float64Array.from(entries, ([days]) => days / 365);
    tenorsYears.push(t);
    rates.push(Float64Array.from(entries, ([, r], j) => toContinuous(r, t[j], compounding)));
  }
  return { dates, tenorsYears, rates, source };
}

/** Index of the last curve date on or before `date`, or −1. */
function asOf(dates: string[], date: string): number {
  let lo = 0, hi = dates.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) found = mid, lo = mid + 1;
    else hi = mid - 1;
  }
  return found;
}

/**
 * The continuously compounded rate for `tYears` on `date`: the curve of the last date on
 * or before `date` (rates are known when published, never before), linear in the tenor
 * between quotes and flat beyond the first and last tenors.
 *
 * @param curve The curve.
 * @param date A trading date, YYYY-MM-DD.
 * @param tYears Time to expiry in years (>= 0).
 * @returns The rate, a decimal.
 * @throws {RangeError} If `date` is before the curve's first date.
 */
export function rateFor(curve: RateCurve, date: string, tYears: number): number {
  const i = asOf(curve.dates, date);
  if (i < 0) {
    throw new RangeError(
      `Cannot find a rate for ${date}: the curve (${curve.source}) starts on ${curve.dates[0]}`,
    );
  }
  const t = curve.tenorsYears[i], r = curve.rates[i];
  if (tYears <= t[0]) return r[0];
  if (tYears >= t[t.length - 1]) return r[r.length - 1];
  let j = 1;
  while (t[j] < tYears) j++;
  const w = (tYears - t[j - 1]) / (t[j] - t[j - 1]);
  return r[j - 1] + w * (r[j] - r[j - 1]);
}
