// Annualisation: how many bars make a trading year.

/** Options of {@linkcode barsPerYear}. */
export interface BarsPerYearOptions {
  /** Trading days per year. @default 252 */
  tradingDays?: number;
  /** Minutes in a regular session (09:30–16:00 New York). @default 390 */
  sessionMinutes?: number;
}

const DAY_MS = 86_400_000;

/**
 * Infers bars per year from the median spacing of `tsMs` (UTC epoch ms, ascending).
 *
 * Convention: a year has 252 trading days of 390 regular-session minutes (no calendar
 * lookup; early closes and holidays are ignored). Spacing under 1 day (intraday, `k`
 * minutes) gives `252·390/k` (98,280 for minute bars, not 365·1440); 1 to 4 days gives
 * 252 (daily, weekends included), 5 to 10 days 52 (weekly), 25 to 35 days 12 (monthly).
 *
 * @throws {RangeError} With fewer than 2 timestamps or a spacing that fits none of these.
 */
export function barsPerYear(tsMs: ArrayLike<number>, options: BarsPerYearOptions = {}): number {
  const { tradingDays = 252, sessionMinutes = 390 } = options;
  if (tsMs.length < 2) {
    throw new RangeError(`Cannot infer bars per year: need >= 2 timestamps, got ${tsMs.length}`);
  }
  const gaps = new Float64Array(tsMs.length - 1);
  for (let i = 1; i < tsMs.length; i++) gaps[i - 1] = tsMs[i] - tsMs[i - 1];
  gaps.sort();
  const step = gaps[gaps.length >> 1];
  if (step > 0 && step < DAY_MS) {
    const minutes = step / 60_000;
    return (tradingDays * sessionMinutes) / minutes;
  }
  const days = step / DAY_MS;
  if (days >= 1 && days <= 4) return tradingDays;
  if (days >= 5 && days <= 10) return 52;
  if (days >= 25 && days <= 35) return 12;
  throw new RangeError(
    `Cannot infer bars per year: median bar spacing of ${days} days is not intraday, daily, weekly or monthly`,
  );
}
