/**
 * Contract-days as a small frame, and their display order (date, underlying, ticker).
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Prepared } from "./_prepare.ts";

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Position of each contract-day when sorted by date, underlying, ticker. */
export function contractDayRank({ days }: Prepared): Int32Array {
  const g = days.ticker.map((_, i) => i).sort((a, b) =>
    cmp(days.date[a], days.date[b]) || cmp(days.underlying[a], days.underlying[b]) ||
    cmp(days.ticker[a], days.ticker[b])
  );
  const rank = new Int32Array(g.length);
  g.forEach((c, i) => rank[c] = i);
  return rank;
}

/**
 * One row per contract-day, in the prepared (kernel) order: date, underlying, ticker,
 * right, strike, expiry, dte, minute_bars.
 */
export function contractDaysFrame({ days, index }: Prepared): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("date", index.day, pl.Int32).cast(pl.Date),
    pl.Series("underlying", days.underlying, pl.Utf8),
    pl.Series("ticker", days.ticker, pl.Utf8),
    pl.Series("right", days.right, pl.Utf8),
    pl.Series("strike", Float64Array.from(days.strike), pl.Float64),
    pl.Series("expiry", days.expiry, pl.Utf8),
    pl.Series("dte", Int32Array.from(days.dte), pl.Int32),
    pl.Series("minute_bars", Int32Array.from(days.bars), pl.Int32),
  ]);
}
