/**
 * Dividends as data: discrete cash dividends by ex-date, turned into the continuous yield
 * the pricers take.
 *
 * @module
 */
import { parseIsoDate } from "../calendar/mod.ts";

/** One cash dividend per share of `symbol`, paid to holders before `exDate`. */
export interface Dividend {
  symbol: string;
  exDate: string;
  amount: number;
}

/** Dividends by symbol, each list in ex-date order. */
export interface DividendSchedule {
  bySymbol: Map<string, { exDates: string[]; amounts: Float64Array }>;
  source: string;
}

/**
 * Builds a schedule from cash dividends (any order).
 *
 * @param dividends The dividends.
 * @param source A label for their origin. @default "dividends"
 * @returns The schedule.
 * @throws {RangeError} On an invalid date, an amount that is not finite and >= 0, or two
 * dividends of one symbol on one ex-date.
 *
 * @example
 * ```ts
 * import { dividendSchedule, dividendYieldFor } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const s = dividendSchedule([{ symbol: "SPY", exDate: "2024-03-15", amount: 1.6 }]);
 * // One $1.60 dividend before a 60-day expiry, spot 500, no rate: q = −ln(1 − 1.6/500)/T.
 * const q = dividendYieldFor(s, { symbol: "SPY", date: "2024-02-01", expiry: "2024-04-01", spot: 500, tYears: 60 / 365 });
 * assert.equal(q.toFixed(6), (-Math.log(1 - 1.6 / 500) / (60 / 365)).toFixed(6));
 * ```
 */
export function dividendSchedule(
  dividends: readonly Dividend[],
  source = "dividends",
): DividendSchedule {
  const rows = new Map<string, Map<string, number>>();
  dividends.forEach((d, i) => {
    try {
      parseIsoDate(d.exDate);
    } catch {
      throw new RangeError(
        `Cannot build a dividend schedule: row ${
          i + 1
        } (${d.symbol}) has ex-date "${d.exDate}", not YYYY-MM-DD`,
      );
    }
    if (!(d.amount >= 0 && d.amount < Infinity)) {
      throw new RangeError(
        `Cannot build a dividend schedule: row ${
          i + 1
        } (${d.symbol} ${d.exDate}) has amount ${d.amount}`,
      );
    }
    const m = rows.get(d.symbol) ?? new Map<string, number>();
    if (m.has(d.exDate)) {
      throw new RangeError(
        `Cannot build a dividend schedule: two dividends of ${d.symbol} on ${d.exDate}`,
      );
    }
    m.set(d.exDate, d.amount);
    rows.set(d.symbol, m);
  });
  const bySymbol = new Map<string, { exDates: string[]; amounts: Float64Array }>();
  for (const [symbol, m] of rows) {
    const e = [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    bySymbol.set(symbol, {
      exDates: e.map(([d]) => d),
      amounts: Float64Array.from(e, ([, a]) => a),
    });
  }
  return { bySymbol, source };
}

/** The option and market a dividend yield is wanted for. */
export interface DividendYieldQuery {
  symbol: string;
  /** The trading date, YYYY-MM-DD. */
  date: string;
  /** The option's expiry date, YYYY-MM-DD. */
  expiry: string;
  spot: number;
  /** Time to expiry in years (> 0). */
  tYears: number;
  /** Continuous rate for discounting the dividends to today (linear in time). @default 0 */
  rate?: number;
}

const MS_PER_YEAR = 365 * 86_400_000;
const dayMs = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

/**
 * The continuous dividend yield q equivalent to the cash dividends whose ex-date falls
 * after `date` and on or before `expiry`: with D their present value (each discounted at
 * `rate` from its ex-date), S·e^{−qT} = S − D, so q = −ln(1 − D/S)/T. Escrowed-dividend
 * model: the forward is right, the vol slightly overstated for long expiries. 0 when the
 * symbol has no dividend in the window.
 *
 * @param schedule The dividend schedule.
 * @param query The option and market.
 * @returns q per year, a decimal.
 * @throws {RangeError} If the dividends' present value is not below spot, or T <= 0.
 */
export function dividendYieldFor(schedule: DividendSchedule, query: DividendYieldQuery): number {
  const { symbol, date, expiry, spot, tYears, rate = 0 } = query;
  if (!(tYears > 0)) {
    throw new RangeError(`Cannot compute a dividend yield: tYears must be > 0, got ${tYears}`);
  }
  const s = schedule.bySymbol.get(symbol);
  if (!s) return 0;
  const t0 = dayMs(date);
  let pv = 0;
  for (let i = 0; i < s.exDates.length; i++) {
    const d = s.exDates[i];
    if (d <= date || d > expiry) continue;
    pv += s.amounts[i] * Math.exp(-rate * (dayMs(d) - t0) / MS_PER_YEAR);
  }
  if (pv === 0) return 0;
  if (!(pv < spot)) {
    throw new RangeError(
      `Cannot compute a dividend yield for ${symbol} on ${date}: dividends worth ${pv} before ${expiry} exceed spot ${spot}`,
    );
  }
  return -Math.log1p(-pv / spot) / tYears;
}
