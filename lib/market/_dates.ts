// Small date helpers on `YYYY-MM-DD` strings for the expiry rules (not hot paths).
import { isTradingDay, previousTradingDay } from "../calendar/mod.ts";

/** Day of the week of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The third Friday of a month (month 1–12). */
export function thirdFriday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((5 - first + 7) % 7) + 14;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date itself when the exchange trades that day, else the trading day before it. */
export function onOrBeforeTradingDay(date: string): string {
  return isTradingDay(date) ? date : previousTradingDay(date);
}
