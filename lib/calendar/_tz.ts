// America/New_York daylight-saving table, computed from the US rules in force each year.
// Built once at module load for 1970–2099; every lookup afterwards is two comparisons.
import { DAY_MS, daysFromCivil, nthWeekdayOfMonth } from "./_civil.ts";

/** First and last calendar years the time-zone functions support. */
export const TZ_FIRST_YEAR = 1970;
export const TZ_LAST_YEAR = 2099;

const HOUR_MS = 3_600_000;
/** UTC offset of Eastern Standard Time (UTC−5) and Daylight Time (UTC−4), in ms to add to UTC. */
export const EST_OFFSET_MS = -5 * HOUR_MS;
export const EDT_OFFSET_MS = -4 * HOUR_MS;

/** First and one-past-last UTC instants the time-zone functions accept. */
export const TZ_MIN_MS = daysFromCivil(TZ_FIRST_YEAR, 1, 1) * DAY_MS - EST_OFFSET_MS;
export const TZ_MAX_MS = daysFromCivil(TZ_LAST_YEAR + 1, 1, 1) * DAY_MS - EST_OFFSET_MS;

/** Day numbers of the DST start (spring forward) and end (fall back) Sundays of a year. */
function dstDays(year: number): [number, number] {
  if (year >= 2007) { // Energy Policy Act of 2005: 2nd Sunday of March – 1st Sunday of November
    return [nthWeekdayOfMonth(year, 3, 0, 2), nthWeekdayOfMonth(year, 11, 0, 1)];
  }
  if (year >= 1987) { // 1st Sunday of April – last Sunday of October
    return [nthWeekdayOfMonth(year, 4, 0, 1), nthWeekdayOfMonth(year, 10, 0, -1)];
  }
  if (year === 1974) return [daysFromCivil(1974, 1, 6), nthWeekdayOfMonth(1974, 10, 0, -1)];
  if (year === 1975) return [daysFromCivil(1975, 2, 23), nthWeekdayOfMonth(1975, 10, 0, -1)];
  // Uniform Time Act of 1966: last Sunday of April – last Sunday of October
  return [nthWeekdayOfMonth(year, 4, 0, -1), nthWeekdayOfMonth(year, 10, 0, -1)];
}

const N_YEARS = TZ_LAST_YEAR - TZ_FIRST_YEAR + 1;
/** UTC ms of 02:00 EST on the spring-forward Sunday (first instant of EDT). */
export const DST_START_UTC = new Float64Array(N_YEARS);
/** UTC ms of 02:00 EDT on the fall-back Sunday (first instant of EST again). */
export const DST_END_UTC = new Float64Array(N_YEARS);
/** Wall-clock ms (local time read as if UTC) of 03:00 on the spring-forward Sunday. */
export const DST_START_WALL = new Float64Array(N_YEARS);
/** Wall-clock ms of 02:00 on the fall-back Sunday (the second 01:59 ends just before it). */
export const DST_END_WALL = new Float64Array(N_YEARS);

for (let i = 0; i < N_YEARS; i++) {
  const [start, end] = dstDays(TZ_FIRST_YEAR + i);
  DST_START_UTC[i] = start * DAY_MS + 2 * HOUR_MS - EST_OFFSET_MS;
  DST_END_UTC[i] = end * DAY_MS + 2 * HOUR_MS - EDT_OFFSET_MS;
  DST_START_WALL[i] = start * DAY_MS + 3 * HOUR_MS;
  DST_END_WALL[i] = end * DAY_MS + 2 * HOUR_MS;
}

/**
 * New York wall-clock ms (local time written as if it were UTC) of a UTC instant.
 * The caller has checked TZ_MIN_MS <= tsMs < TZ_MAX_MS.
 */
export function utcToWallMs(tsMs: number): number {
  // The UTC year is the right table row: DST never starts or ends near New Year.
  const approxYear = Math.floor(tsMs / 31_556_952_000) + 1970;
  let i = approxYear - TZ_FIRST_YEAR;
  if (i < 0) i = 0;
  if (i >= N_YEARS) i = N_YEARS - 1;
  const dst = tsMs >= DST_START_UTC[i] && tsMs < DST_END_UTC[i];
  return tsMs + (dst ? EDT_OFFSET_MS : EST_OFFSET_MS);
}

/**
 * UTC ms of a New York wall-clock ms, year given. Nonexistent spring-forward times
 * (02:00–02:59) are read as standard time, i.e. moved one hour later; repeated fall-back
 * times (01:00–01:59) take the first, daylight, occurrence. This matches Temporal's
 * `disambiguation: "compatible"` and what `Intl`-based libraries do.
 */
export function wallToUtcMs(wallMs: number, year: number): number {
  const i = year - TZ_FIRST_YEAR;
  const dst = wallMs >= DST_START_WALL[i] && wallMs < DST_END_WALL[i];
  return wallMs - (dst ? EDT_OFFSET_MS : EST_OFFSET_MS);
}
