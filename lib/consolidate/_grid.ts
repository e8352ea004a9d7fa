/**
 * The minute grid of the regular sessions: one row per session minute of each trading date.
 *
 * @module
 */
import pl from "nodejs-polars";
import { isTradingDay, minuteGrid } from "../calendar/mod.ts";

const DAY_MS = 86_400_000;

/** `ts` (Datetime ms, minute start, UTC) as a Datetime series from epoch ms. */
export function datetimeSeries(name: string, ms: ArrayLike<number>): pl.Series {
  return pl.Series(name, Float64Array.from(ms), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
}

/** Polars Date series from `YYYY-MM-DD` strings. */
export function dateSeries(name: string, dates: readonly string[]): pl.Series {
  const days = Int32Array.from(dates, (d) => Date.parse(`${d}T00:00:00Z`) / DAY_MS);
  return pl.Series(name, days, pl.Int32).cast(pl.Date);
}

/** `YYYY-MM-DD` strings of a Polars Date series' distinct values, sorted. */
export function distinctDates(s: pl.Series): string[] {
  const days = s.cast(pl.Int32).unique().sort().toArray() as (number | null)[];
  return days.filter((d): d is number => d !== null).map((d) =>
    new Date(d * DAY_MS).toISOString().slice(0, 10)
  );
}

/**
 * The trading dates among the UTC calendar dates of some minute timestamps. A regular-session
 * minute (13:30–21:00 UTC) always falls on the UTC date equal to its New York date, so this
 * finds every session a bar could belong to; bars outside the sessions are dropped later.
 */
export function sessionDates(frames: pl.DataFrame[], column = "ts"): string[] {
  const all = new Set<string>();
  for (const df of frames) {
    if (df.height === 0) continue;
    for (const d of distinctDates(df.getColumn(column).cast(pl.Date))) all.add(d);
  }
  return [...all].filter((d) => isTradingDay(d)).sort();
}

/**
 * One row per regular-session minute of each date, in time order: `ts` (minute start, UTC),
 * `date` (New York trading date) and `session_minute` (0 at the open).
 */
export function sessionGrid(dates: readonly string[]): pl.DataFrame {
  const grids = dates.map((d) => minuteGrid(d));
  const n = grids.reduce((s, g) => s + g.length, 0);
  const ts = new Float64Array(n);
  const days = new Int32Array(n);
  const minute = new Int32Array(n);
  let k = 0;
  grids.forEach((g, i) => {
    const day = Date.parse(`${dates[i]}T00:00:00Z`) / DAY_MS;
    ts.set(g, k);
    days.fill(day, k, k + g.length);
    for (let m = 0; m < g.length; m++) minute[k + m] = m;
    k += g.length;
  });
  return pl.DataFrame([
    datetimeSeries("ts", ts),
    pl.Series("date", days, pl.Int32).cast(pl.Date),
    pl.Series("session_minute", minute, pl.Int32),
  ]);
}
