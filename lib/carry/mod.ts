/**
 * Carry inputs of option pricing as data: risk-free rate curves by date (interpolated to
 * each expiry) and dividends per underlying (cash dividends by ex-date, turned into the
 * equivalent continuous yield). Used where an implied forward is not available; the
 * simulator's constants price simulated data only.
 *
 * @example
 * ```ts
 * import * as carry from "./mod.ts";
 * import assert from "node:assert/strict";
 * const curve = carry.parseRateCsv("DATE,PCREDIT8\n2023-07-27,5.5\n", { source: "lean" });
 * assert.equal(carry.rateFor(curve, "2024-01-04", 0.5), Math.log1p(0.055));
 * ```
 *
 * @module
 */
export {
  type Compounding,
  type RateCurve,
  rateCurve,
  type RateCurveOptions,
  rateFor,
  type RateQuote,
} from "./rate_curve.ts";
export {
  type Dividend,
  type DividendSchedule,
  dividendSchedule,
  dividendYieldFor,
  type DividendYieldQuery,
} from "./dividends.ts";
export { parseDividendCsv, parseRateCsv, type ParseRateCsvOptions } from "./parse_csv.ts";
