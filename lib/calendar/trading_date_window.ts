import { addDays } from "./add_days.ts";
import { isTradingDay } from "./is_trading_day.ts";
import { nyToUtcMs } from "./ny_to_utc_ms.ts";
import { previousTradingDay } from "./previous_trading_day.ts";

/**
 * The UTC interval `[startMs, endMs)` that belongs to a trading date: from the New York midnight
 * that ends the previous trading date to the one that ends `date`, so weekend and holiday
 * hours belong to the next trading date. News is assigned to trading dates this way.
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
    startMs: nyToUtcMs(addDays(previousTradingDay(date), 1), 0),
    endMs: nyToUtcMs(addDays(date, 1), 0),
  };
}
