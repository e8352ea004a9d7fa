import { addDays } from "./add_days.ts";
import { isTradingDay } from "./is_trading_day.ts";
import { nyToUtcMs } from "./ny_to_utc_ms.ts";
import { previousTradingDay } from "./previous_trading_day.ts";
import { CALENDAR_FIRST_YEAR } from "./constants.ts";

/** The day after the previous trading date; for the calendar's first one, its New Year's Day
 * (1 January is always a holiday, and 31 December 2014 was a full session). */
function dayAfterPrevious(date: string): string {
  try {
    return addDays(previousTradingDay(date), 1);
  } catch (e) {
    if (date.startsWith(`${CALENDAR_FIRST_YEAR}-01-`)) return `${CALENDAR_FIRST_YEAR}-01-01`;
    throw e;
  }
}

/**
 * The UTC interval `[startMs, endMs)` that belongs to a trading date: from the New York midnight
 * that ends the previous trading date to the one that ends `date`, so weekend and holiday
 * hours belong to the next trading date. News is assigned to trading dates this way. The
 * calendar's first trading date (2015-01-02) starts at New Year's midnight, the end of the
 * 31 December 2014 session's date, which lies before the calendar.
 *
 * @throws {RangeError} when `date` is not a trading date, or is malformed.
 *
 * @example
 * ```ts
 * import { tradingDateWindow } from "./trading_date_window.ts";
 * import { equal } from "node:assert/strict";
 * const w = tradingDateWindow("2025-03-03"); // a Monday: Saturday 00:00 to Tuesday 00:00
 * equal(w.startMs, Date.UTC(2025, 2, 1, 5));
 * equal(w.endMs, Date.UTC(2025, 2, 4, 5));
 * ```
 */
export function tradingDateWindow(date: string): { startMs: number; endMs: number } {
  if (!isTradingDay(date)) {
    throw new RangeError(`Cannot take the window of ${date}: it is not a trading date`);
  }
  return {
    startMs: nyToUtcMs(dayAfterPrevious(date), 0),
    endMs: nyToUtcMs(addDays(date, 1), 0),
  };
}
