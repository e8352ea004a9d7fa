/**
 * NYSE trading calendar and America/New_York time conversion.
 *
 * Sessions run 09:30–16:00 New York time (13:00 on early closes, 14:00 before 1993). Holidays, early closes
 * and special closures are known for {@link CALENDAR_FIRST_YEAR}–{@link CALENDAR_LAST_YEAR};
 * calendar functions throw a `RangeError` naming that range outside it. `sessionDays` also
 * knows a 24/7 calendar (crypto). Time-zone
 * conversion is arithmetic (US daylight-saving rules, no `Intl`) and works for 1970–2099.
 * Dates are `YYYY-MM-DD` strings; instants are UTC epoch milliseconds.
 *
 * @example
 * ```ts
 * import * as cal from "@lib/calendar/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const s = cal.session("2025-03-10")!; // first Monday of daylight time
 * assert.equal(s.openMs, Date.UTC(2025, 2, 10, 13, 30));
 * assert.equal(cal.minuteGrid(s.date).length, 390);
 * assert.equal(cal.nyDate(s.closeMs), "2025-03-10");
 * assert.equal(cal.nextTradingDay("2025-01-08"), "2025-01-10"); // closed 01-09 (Carter)
 * ```
 *
 * @module
 */
export { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from "./constants.ts";
export { type Holiday, holidays } from "./holidays.ts";
export { isTradingDay } from "./is_trading_day.ts";
export { minuteGrid } from "./minute_grid.ts";
export { nextTradingDay } from "./next_trading_day.ts";
export { type NyClock, nyClock } from "./ny_clock.ts";
export { formatNyTime } from "./format_ny_time.ts";
export { nyDate } from "./ny_date.ts";
export { nyToUtcMs } from "./ny_to_utc_ms.ts";
export { parseIsoDate } from "./parse_iso_date.ts";
export { previousTradingDay } from "./previous_trading_day.ts";
export { type Session, session } from "./session.ts";
export { tradingDays } from "./trading_days.ts";
export { addDays } from "./add_days.ts";
export { tradingDateWindow } from "./trading_date_window.ts";
export { MARKET_CALENDARS, type MarketCalendar, sessionDays } from "./session_days.ts";
