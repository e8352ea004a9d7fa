/**
 * Tiny literal frames for the consolidation tests: minutes of 2025-03-03 (09:30 New York is
 * 14:30 UTC) and bar frames with the lake's columns.
 *
 * @module
 */
import pl from "nodejs-polars";

/** UTC ms of minute `m` after the 09:30 open of 2025-03-03 (or of another EST date). */
export const minute = (m: number, date = "2025-03-03") =>
  Date.parse(`${date}T14:30:00Z`) + m * 60_000;

/** A Datetime(ms) series from epoch ms. */
export const tsSeries = (name: string, ms: number[]) =>
  pl.Series(name, ms, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));

/** Bars with every lake column; open/high/low/vwap follow close, volume 100, trades 5. */
export function barFrame(ms: number[], close: number[], ticker?: string): pl.DataFrame {
  return pl.DataFrame([
    ...(ticker === undefined ? [] : [pl.Series("ticker", ms.map(() => ticker), pl.Utf8)]),
    tsSeries("ts", ms),
    pl.Series("open", close, pl.Float64),
    pl.Series("high", close.map((c) => c + 0.05), pl.Float64),
    pl.Series("low", close.map((c) => c - 0.05), pl.Float64),
    pl.Series("close", close, pl.Float64),
    pl.Series("volume", ms.map(() => 100), pl.Float64),
    pl.Series("vwap", close, pl.Float64),
    pl.Series("trades", ms.map(() => 5), pl.Int64),
  ]);
}

/** Contracts frame from `[ticker, right, strike, expiry]` tuples (multiplier 100). */
export function contractFrame(rows: [string, string, number, string][]): pl.DataFrame {
  return pl.DataFrame({
    ticker: rows.map((r) => r[0]),
    right: rows.map((r) => r[1]),
    strike: rows.map((r) => r[2]),
    expiry: rows.map((r) => r[3]),
    multiplier: rows.map(() => 100),
  });
}

/** News frame from `[id, published ms, sentiment | null]` tuples. */
export function newsFrame(rows: [string, number, number | null][]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("id", rows.map((r) => r[0]), pl.Utf8),
    tsSeries("published", rows.map((r) => r[1])),
    pl.Series("sentiment", rows.map((r) => r[2]), pl.Float64),
  ]);
}

/** Column values as a plain array. */
export const col = (df: pl.DataFrame, name: string) => df.getColumn(name).toArray();
