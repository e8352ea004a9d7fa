// Hand-built option minutes for scanner tests: bars given by minute after the 09:30 open.
import pl from "nodejs-polars";
import { session } from "@lib/calendar/mod.ts";

/** One bar: minute after the open and prices (`p` sets open = high = low = close). */
export interface Bar {
  m: number;
  p?: number;
  o?: number;
  h?: number;
  l?: number;
  c?: number;
  v?: number;
}

export interface Row {
  ticker: string;
  tsMs: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number;
}

/** Rows of one contract-day. */
export function day(ticker: string, date: string, bars: (Bar | number)[]): Row[] {
  const openMs = session(date)!.openMs;
  return bars.map((b, i) => {
    const bar = typeof b === "number" ? { m: i, p: b } : b;
    const p = bar.p ?? null;
    return {
      ticker,
      tsMs: openMs + bar.m * 60_000,
      open: bar.o ?? p,
      high: bar.h ?? p,
      low: bar.l ?? p,
      close: bar.c ?? p,
      volume: bar.v ?? 10,
    };
  });
}

/** Rows → the lake's option_minute layout (ticker, ts, open, high, low, close, volume). */
export function frameOf(rows: Row[], extra: Record<string, unknown[]> = {}): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("ticker", rows.map((r) => r.ticker), pl.Utf8),
    pl.Series("ts", rows.map((r) => r.tsMs), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("open", rows.map((r) => r.open), pl.Float64),
    pl.Series("high", rows.map((r) => r.high), pl.Float64),
    pl.Series("low", rows.map((r) => r.low), pl.Float64),
    pl.Series("close", rows.map((r) => r.close), pl.Float64),
    pl.Series("volume", rows.map((r) => r.volume), pl.Float64),
    ...Object.entries(extra).map(([name, values]) => pl.Series(name, values)),
  ]);
}

/** The New York clock time `HH:MM` of an event timestamp (Date from Polars). */
export function hhmm(value: unknown): string {
  const d = value as Date;
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "America/New_York",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

/** The events as small records of the columns named. */
export function pick(events: pl.DataFrame, ...cols: string[]): Record<string, unknown>[] {
  return (events.select(...cols).toRecords() as Record<string, unknown>[]).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = v instanceof Date ? hhmm(v) : v;
    return out;
  });
}

export const CALL = "O:SPY250304C00601000";
export const PUT = "O:SPY250304P00600000";
export const D = "2025-03-04";
