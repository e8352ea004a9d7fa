import { addDays, CALENDAR_LAST_YEAR, isTradingDay, tradingDays } from "../calendar/mod.ts";
import { onOrBeforeTradingDay, thirdFriday, weekdayOf } from "./_dates.ts";
import type { ExpiryCycle } from "./option_roots.ts";

/** Options of {@link listedExpiries}. */
export interface ListedExpiriesOptions {
  /**
   * Calendar days ahead the chain reaches; monthlies are listed out to here.
   * @default 60
   */
  horizonDays?: number;
  /**
   * Calendar days ahead daily expiries are listed (capped at `horizonDays`).
   * @default 21
   */
  dailyHorizonDays?: number;
  /**
   * Calendar days ahead the Friday weeklies are listed (capped at `horizonDays`).
   * @default 45
   */
  weeklyHorizonDays?: number;
  /**
   * The root's cycle: `daily` lists dailies, weeklies and monthlies (SPY, SPXW); `weekly`
   * weeklies and monthlies (RUTW, most stocks); `monthly` the monthlies only (SPX, AM-settled).
   * @default "daily"
   */
  cycle?: ExpiryCycle;
}

/**
 * The expiries an option chain lists on a trading date, ascending.
 *
 * Three series, as SPY and SPXW have had since daily expiries came to every weekday in 2022:
 * - dailies (cycle `daily`): every trading day from `date` itself (0DTE) to
 *   `date + dailyHorizonDays`;
 * - weeklies (cycles `daily` and `weekly`): each Friday up to `date + weeklyHorizonDays`;
 * - monthlies (every cycle): the third Friday of each month up to `date + horizonDays`.
 *
 * An expiry whose Friday the exchange is closed moves to the trading day before (April
 * 2025's third Friday is Good Friday, so it expires Thursday 2025-04-17).
 *
 * Pure and deterministic; the simulator lists its chain from it.
 *
 * @param date Trading date `YYYY-MM-DD`.
 * @param options `{ horizonDays, dailyHorizonDays }`, integers >= 0.
 * @returns Expiry dates `YYYY-MM-DD`, ascending, without duplicates, all trading days.
 * @throws {RangeError} When `date` is not a trading day, an option is not an integer
 *   >= 0, or the horizon runs past the end of the calendar.
 *
 * @example
 * ```ts
 * import { listedExpiries } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(listedExpiries("2025-04-14", { horizonDays: 5, dailyHorizonDays: 3 }), [
 *   "2025-04-14", "2025-04-15", "2025-04-16", "2025-04-17",
 * ]);
 * ```
 */
export function listedExpiries(date: string, options: ListedExpiriesOptions = {}): string[] {
  const { horizonDays = 60, dailyHorizonDays = 21, weeklyHorizonDays = 45, cycle = "daily" } =
    options;
  checkDays("horizonDays", horizonDays);
  checkDays("dailyHorizonDays", dailyHorizonDays);
  checkDays("weeklyHorizonDays", weeklyHorizonDays);
  if (cycle !== "daily" && cycle !== "weekly" && cycle !== "monthly") {
    throw fail(`cycle must be daily, weekly or monthly, got ${JSON.stringify(cycle)}`);
  }
  if (!isTradingDay(date)) throw fail(`${date} is not a trading day`);
  const end = addDays(date, horizonDays);
  if (end > `${CALENDAR_LAST_YEAR}-12-31`) {
    throw fail(
      `${date} + ${horizonDays} days runs past ${CALENDAR_LAST_YEAR}-12-31, the end of the calendar`,
    );
  }
  const out = new Set(
    cycle === "daily"
      ? tradingDays(date, addDays(date, Math.min(dailyHorizonDays, horizonDays)))
      : [],
  );
  if (cycle !== "monthly") {
    const weeklyEnd = addDays(date, Math.min(weeklyHorizonDays, horizonDays));
    for (let f = addDays(date, (5 - weekdayOf(date) + 7) % 7); f <= addDays(weeklyEnd, 3);) {
      const expiry = onOrBeforeTradingDay(f);
      if (expiry >= date && expiry <= weeklyEnd) out.add(expiry);
      f = addDays(f, 7);
    }
  }
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  for (;;) {
    const friday = thirdFriday(year, month);
    if (addDays(friday, -3) > end) break; // a holiday moves an expiry back a day at most
    const expiry = onOrBeforeTradingDay(friday);
    if (expiry >= date && expiry <= end) out.add(expiry);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return [...out].sort();
}

function fail(why: string): RangeError {
  return new RangeError(`Cannot list expiries: ${why}`);
}

function checkDays(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw fail(`${name} must be an integer >= 0, got ${v}`);
}
