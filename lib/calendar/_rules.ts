// NYSE holiday and early-close rules (NYSE Rule 7.2 and the exchange's published lists),
// valid for the years this module covers (1990 on; the rules' history is in the comments). Rules are computed; one-off closures are listed.
import { daysFromCivil, nthWeekdayOfMonth, weekdayOfDays } from "./_civil.ts";

/** One non-regular weekday: a full closure or an early close. */
export interface HolidayRule {
  days: number;
  name: string;
  kind: "closed" | "early_close";
  /** New York hour of an early close: 13, or 14 before 1993; 16 for closures (unused). */
  closeHour: number;
}

/** Unscheduled full-day closures since 1990 (NYSE's "History of closings"). */
const SPECIAL_CLOSURES: readonly [number, number, number, string][] = [
  [1994, 4, 27, "National Day of Mourning for President Richard Nixon"],
  [2001, 9, 11, "Closed after the September 11 attacks"],
  [2001, 9, 12, "Closed after the September 11 attacks"],
  [2001, 9, 13, "Closed after the September 11 attacks"],
  [2001, 9, 14, "Closed after the September 11 attacks"],
  [2004, 6, 11, "National Day of Mourning for President Ronald Reagan"],
  [2007, 1, 2, "National Day of Mourning for President Gerald Ford"],
  [2012, 10, 29, "Closed for Hurricane Sandy"],
  [2012, 10, 30, "Closed for Hurricane Sandy"],
  [2018, 12, 5, "National Day of Mourning for President George H. W. Bush"],
  [2025, 1, 9, "National Day of Mourning for President Jimmy Carter"],
];

/** One-off 13:00 closes the regular rules do not give. */
const SPECIAL_EARLY_CLOSES: readonly [number, number, number, string][] = [
  [1997, 12, 26, "Early close after Christmas Day"],
  [1999, 12, 31, "Early close on New Year's Eve 1999"],
  [2003, 12, 26, "Early close after Christmas Day"],
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
  const closed = (days: number, name: string) =>
    out.push({ days, name, kind: "closed", closeHour: 16 });
  // Early closes were at 14:00 until 1992 and have been at 13:00 since 1993.
  const earlyHour = year >= 1993 ? 13 : 14;
  const early = (days: number, name: string) =>
    out.push({ days, name, kind: "early_close", closeHour: earlyHour });

  // New Year's Day: Sunday moves to Monday; Saturday is NOT moved to Friday Dec 31 (Rule 7.2).
  const newYear = daysFromCivil(year, 1, 1);
  if (weekdayOfDays(newYear) !== 6) closed(observed(newYear), "New Year's Day");
  // The NYSE has closed for Martin Luther King, Jr. Day since 1998.
  if (year >= 1998) closed(nthWeekdayOfMonth(year, 1, 1, 3), "Martin Luther King, Jr. Day");
  closed(nthWeekdayOfMonth(year, 2, 1, 3), "Washington's Birthday");
  closed(easterDays(year) - 2, "Good Friday");
  closed(nthWeekdayOfMonth(year, 5, 1, -1), "Memorial Day");
  if (year >= 2022) {
    closed(observed(daysFromCivil(year, 6, 19)), "Juneteenth National Independence Day");
  }

  // Independence Day early closes, since 1995: July 3 on a Monday, Tuesday or Thursday;
  // when July 4 is a Thursday, Friday July 5 until 2012 and Wednesday July 3 since 2013.
  const july3 = daysFromCivil(year, 7, 3);
  const july3Weekday = weekdayOfDays(july3);
  if (year >= 1995) {
    if (july3Weekday === 1 || july3Weekday === 2 || july3Weekday === 4) {
      early(july3, "Early close before Independence Day");
    } else if (july3Weekday === 3 && year >= 2013) {
      early(july3, "Early close before Independence Day");
    } else if (july3Weekday === 3) early(july3 + 2, "Early close after Independence Day");
  }
  closed(observed(daysFromCivil(year, 7, 4)), "Independence Day");
  closed(nthWeekdayOfMonth(year, 9, 1, 1), "Labor Day");

  const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
  closed(thanksgiving, "Thanksgiving Day");
  if (year >= 1992) early(thanksgiving + 1, "Early close after Thanksgiving Day");

  // Christmas Eve closes at 13:00 when it is Monday–Thursday; on Friday it is the observed
  // Christmas holiday (Dec 25 a Saturday), and the Thursday before trades a full day.
  const christmasEve = daysFromCivil(year, 12, 24);
  const eveWeekday = weekdayOfDays(christmasEve);
  if (eveWeekday >= 1 && eveWeekday <= 4) early(christmasEve, "Early close on Christmas Eve");
  closed(observed(daysFromCivil(year, 12, 25)), "Christmas Day");

  for (const [y, m, d, name] of SPECIAL_CLOSURES) {
    if (y === year) closed(daysFromCivil(y, m, d), name);
  }
  for (const [y, m, d, name] of SPECIAL_EARLY_CLOSES) {
    if (y === year) early(daysFromCivil(y, m, d), name);
  }
  return out.sort((a, b) => a.days - b.days);
}
