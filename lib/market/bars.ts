/**
 * Minute bar records: the shape every source yields and the row-level invariants a bar
 * must satisfy before it may enter the lake.
 *
 * @module
 */
import { z } from "zod";

/** One minute bar. `ts` is the UTC epoch milliseconds of the START of the minute. */
export const MinuteBarSchema = z.object({
  ts: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  /** Shares (or contracts) traded; null for indices, which carry no volume. */
  volume: z.number().nullable(),
  /** Volume-weighted average price; null when the source has none (indices). */
  vwap: z.number().nullable(),
  /** Number of trades; null when the source has none. */
  trades: z.number().int().nullable(),
});

/** One minute bar, as yielded by a source. */
export type MinuteBar = z.infer<typeof MinuteBarSchema>;

/** One daily bar of a trading date (`YYYY-MM-DD`); volume, vwap and trades as `MinuteBar`. */
export const DailyBarSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number().nullable(),
  vwap: z.number().nullable(),
  trades: z.number().int().nullable(),
});

/** One daily bar, as yielded by a source. */
export type DailyBar = z.infer<typeof DailyBarSchema>;

/**
 * Minutes after the equity close in which option trades still print (listed equity and ETF
 * options such as SPY trade until 16:15 New York; 13:15 on early closes): option bars are
 * kept in `[open, close + 15 min)`.
 */
export const OPTION_LATE_CLOSE_MIN = 15;

/** Options for {@linkcode barViolation}. */
export interface BarViolationOptions {
  /** First allowed `ts` (inclusive), UTC ms: the session open. */
  startMs: number;
  /** End of the allowed window (exclusive), UTC ms: the session close. */
  endMs: number;
}

/**
 * Why a bar may not enter the lake, or null when it is valid.
 *
 * Checks: finite positive prices, `high >= max(open, close)`, `low <= min(open, close)`,
 * `high >= low`, non-negative volume and trades, `ts` on a whole minute inside
 * `[startMs, endMs)`. A `vwap` outside `[low, high]` is allowed: real Polygon data has it.
 *
 * @example
 * ```ts
 * import { barViolation } from "./bars.ts";
 * import { equal } from "node:assert/strict";
 * const bar = { ts: 60_000, open: 10, high: 9, low: 8, close: 9, volume: 1, vwap: 9, trades: 1 };
 * equal(barViolation(bar, { startMs: 0, endMs: 120_000 }), "high 9 < max(open, close) 10");
 * ```
 */
export function barViolation(bar: MinuteBar, options: BarViolationOptions): string | null {
  const { startMs, endMs } = options;
  const { ts, open, high, low, close, volume, vwap, trades } = bar;
  for (
    const [name, v] of [["open", open], ["high", high], ["low", low], ["close", close]] as const
  ) {
    if (!Number.isFinite(v) || v <= 0) return `${name} ${v} is not a positive price`;
  }
  if (high < Math.max(open, close)) {
    return `high ${high} < max(open, close) ${Math.max(open, close)}`;
  }
  if (low > Math.min(open, close)) return `low ${low} > min(open, close) ${Math.min(open, close)}`;
  if (volume !== null && !(volume >= 0)) return `volume ${volume} is negative or not a number`;
  if (trades !== null && !(trades >= 0)) return `trades ${trades} is negative`;
  if (vwap !== null && !(Number.isFinite(vwap) && vwap > 0)) {
    return `vwap ${vwap} is not a positive price`;
  }
  if (!Number.isInteger(ts) || ts % 60_000 !== 0) return `ts ${ts} is not on a whole minute`;
  if (ts < startMs || ts >= endMs) return `ts ${new Date(ts).toISOString()} is outside the session`;
  return null;
}
