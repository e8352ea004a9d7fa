// The trading-day table for the covered years, built once on first use.
import { DAY_MS, weekdayOfDays, yearOfDays } from "./_civil.ts";
import { FIRST_DAY, LAST_DAY } from "./_checks.ts";
import { type HolidayRule, yearRules } from "./_rules.ts";
import { wallToUtcMs } from "./_tz.ts";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from "./constants.ts";

/** Day status codes in `Table.status`. */
export const WEEKEND = 0, HOLIDAY = 1, REGULAR = 2, EARLY = 3;

export interface Table {
  /** Status of each day from FIRST_DAY, one of WEEKEND, HOLIDAY, REGULAR, EARLY. */
  status: Uint8Array;
  /** Number of trading days strictly before each day from FIRST_DAY. */
  before: Int32Array;
  /** Day numbers of all trading days, ascending. */
  tradingDays: Int32Array;
  /** Session open and close, UTC ms, per day from FIRST_DAY (NaN when closed). */
  openMs: Float64Array;
  closeMs: Float64Array;
  /** Holiday and early-close rules by day number. */
  rules: Map<number, HolidayRule>;
  /** Rules per year, ascending. */
  byYear: Map<number, HolidayRule[]>;
}

const HOUR_MS = 3_600_000;
let table: Table | undefined;

/** The table, building it on the first call. */
export function getTable(): Table {
  return table ??= build();
}

function build(): Table {
  const n = LAST_DAY - FIRST_DAY + 1;
  const rules = new Map<number, HolidayRule>();
  const byYear = new Map<number, HolidayRule[]>();
  for (let y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
    const list = yearRules(y);
    byYear.set(y, list);
    for (const r of list) rules.set(r.days, r);
  }
  const status = new Uint8Array(n);
  const before = new Int32Array(n);
  const openMs = new Float64Array(n).fill(NaN);
  const closeMs = new Float64Array(n).fill(NaN);
  const trading: number[] = [];
  for (let i = 0; i < n; i++) {
    const days = FIRST_DAY + i;
    before[i] = trading.length;
    const wd = weekdayOfDays(days);
    const rule = rules.get(days);
    if (wd === 0 || wd === 6) status[i] = WEEKEND;
    else if (rule?.kind === "closed") status[i] = HOLIDAY;
    else {
      status[i] = rule?.kind === "early_close" ? EARLY : REGULAR;
      trading.push(days);
      const year = yearOfDays(days);
      openMs[i] = wallToUtcMs(days * DAY_MS + 9.5 * HOUR_MS, year);
      const closeHour = status[i] === EARLY ? rule!.closeHour : 16;
      closeMs[i] = wallToUtcMs(days * DAY_MS + closeHour * HOUR_MS, year);
    }
  }
  return { status, before, tradingDays: Int32Array.from(trading), openMs, closeMs, rules, byYear };
}
