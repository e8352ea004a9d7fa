// Hand-built option minutes for the scanner_calls tests: bars by minute after the 09:30 open.
import pl from "nodejs-polars";
import { session } from "@lib/calendar/mod.ts";

/** `[minute after 09:30, open, high, low, close]`, or `[minute, price]` for a flat bar. */
export type Bar = [number, number, number?, number?, number?];

export const CALL = "O:SPY250304C00601000";
export const PUT = "O:SPY250304P00599000";

/** One contract-day's rows. */
export function day(ticker: string, date: string, bars: Bar[]) {
  const openMs = session(date)!.openMs;
  return bars.map(([m, o, h = o, l = o, c = o]) => ({
    ticker,
    tsMs: openMs + m * 60_000,
    o,
    h,
    l,
    c,
  }));
}

/** Rows as an option_minute frame (volume 10 a minute). */
export function frameOf(rows: ReturnType<typeof day>): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("ticker", rows.map((r) => r.ticker), pl.Utf8),
    pl.Series("ts", rows.map((r) => r.tsMs), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("open", rows.map((r) => r.o), pl.Float64),
    pl.Series("high", rows.map((r) => r.h), pl.Float64),
    pl.Series("low", rows.map((r) => r.l), pl.Float64),
    pl.Series("close", rows.map((r) => r.c), pl.Float64),
    pl.Series("volume", rows.map(() => 10), pl.Float64),
  ]);
}

/** 09:30 + `m` minutes on `date`, UTC epoch ms. */
export function at(date: string, m: number): number {
  return session(date)!.openMs + m * 60_000;
}
