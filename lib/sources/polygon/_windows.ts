import { isTradingDay, nyToUtcMs, session, tradingDateWindow } from "../../calendar/mod.ts";
import { OPTION_LATE_CLOSE_MIN } from "../../market/mod.ts";

/** A half-open UTC interval `[startMs, endMs)`. */
export interface Window {
  startMs: number;
  endMs: number;
}

/**
 * The minutes a trading date's bars may start in: the regular session (09:30–16:00 New York,
 * 13:00 on early closes; options until 15 minutes later, when their trades still print), or
 * 04:00–20:00 New York with `extendedHours`.
 *
 * @throws {RangeError} When the exchange is closed on `date`, or for a malformed date.
 */
export function barWindow(ticker: string, date: string, extendedHours: boolean): Window {
  const s = session(date);
  if (!s) {
    throw new RangeError(`Cannot fetch ${ticker} minute bars for ${date}: the exchange is closed`);
  }
  if (!extendedHours) {
    const late = ticker.startsWith("O:") ? OPTION_LATE_CLOSE_MIN * 60_000 : 0;
    return { startMs: s.openMs, endMs: s.closeMs + late };
  }
  return { startMs: nyToUtcMs(date, 4), endMs: nyToUtcMs(date, 20) };
}

/**
 * The publication window of a trading date's news: from the New York midnight that ends
 * the previous trading date to the one that ends `date` (weekend news belongs to Monday).
 *
 * @throws {RangeError} When `date` is not a trading date, or for a malformed date.
 */
export function newsWindow(ticker: string, date: string): Window {
  if (!isTradingDay(date)) {
    throw new RangeError(`Cannot fetch ${ticker} news for ${date}: the exchange is closed`);
  }
  return tradingDateWindow(date);
}
