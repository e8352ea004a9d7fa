// NYSE holiday and early-close rules (NYSE Rule 7.2 and the exchange's published lists),
// valid for the years this module covers. Rules are computed; one-off closures are listed.
import { daysFromCivil, nthWeekdayOfMonth, weekdayOfDays } from "./_civil.ts";

/** One non-regular weekday: a full closure or a 13:00 early close. */
export interface HolidayRule {
  days: number;
  name: string;
  kind: "closed" | "early_close";
}

/** Unscheduled full-day closures (national days of mourning) in the covered years. */
const SPECIAL_CLOSURES: readonly [number, number, number, string][] = [
  [2018, 12, 5, "National Day of Mourning for President George H. W. Bush"],
  [2025, 1, 9, "National Day of Mourning for President Jimmy Carter"],
];

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterDays(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(days: number): number {
  const wd = weekdayOfDays(days);
  return wd === 6 ? days - 1 : wd === 0 ? days + 1 : days;
}

/** Every closed weekday and early close of a year, ascending by day. */
export function yearRules(year: number): HolidayRule[] {
  const out: HolidayRule[] = [];
  const closed = (days: number, name: string) => out.push({ days, name, kind: "closed" });
  const early = (days: number, name: string) => out.push({ days, name, kind: "early_close" });

  // New Year's Day: Sunday moves to Monday; Saturday is NOT moved to Friday Dec 31 (Rule 7.2).
  const newYear = daysFromCivil(year, 1, 1);
  if (weekdayOfDays(newYear) !== 6) closed(observed(newYear), "New Year's Day");
  closed(nthWeekdayOfMonth(year, 1, 1, 3), "Martin Luther King, Jr. Day");
  closed(nthWeekdayOfMonth(year, 2, 1, 3), "Washington's Birthday");
  closed(easterDays(year) - 2, "Good Friday");
  closed(nthWeekdayOfMonth(year, 5, 1, -1), "Memorial Day");
  if (year >= 2022) {
    closed(observed(daysFromCivil(year, 6, 19)), "Juneteenth National Independence Day");
  }

  // Independence Day; July 3 closes at 13:00 when it is Monday–Thursday (July 4 on Tue–Fri).
  const july3 = daysFromCivil(year, 7, 3);
  const july3Weekday = weekdayOfDays(july3);
  if (july3Weekday >= 1 && july3Weekday <= 4) early(july3, "Early close before Independence Day");
  closed(observed(daysFromCivil(year, 7, 4)), "Independence Day");
  closed(nthWeekdayOfMonth(year, 9, 1, 1), "Labor Day");

  const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
  closed(thanksgiving, "Thanksgiving Day");
  early(thanksgiving + 1, "Early close after Thanksgiving Day");

  // Christmas Eve closes at 13:00 when it is Monday–Thursday; on Friday it is the observed
  // Christmas holiday (Dec 25 a Saturday), and the Thursday before trades a full day.
  const christmasEve = daysFromCivil(year, 12, 24);
  const eveWeekday = weekdayOfDays(christmasEve);
  if (eveWeekday >= 1 && eveWeekday <= 4) early(christmasEve, "Early close on Christmas Eve");
  closed(observed(daysFromCivil(year, 12, 25)), "Christmas Day");

  for (const [y, m, d, name] of SPECIAL_CLOSURES) {
    if (y === year) closed(daysFromCivil(y, m, d), name);
  }
  return out.sort((a, b) => a.days - b.days);
}
