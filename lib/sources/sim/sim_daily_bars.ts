/**
 * The simulator's daily opens and closes straight from its daily layer, without building
 * minute bars: the same values, to the cent, as the first open and last close of
 * `minuteBars()` on each session (the realism check and long daily backtests use them).
 *
 * @module
 */
import { tradingDays } from "../../calendar/mod.ts";
import { dailySeries, dayIndex } from "./_daily.ts";

/** Options of {@linkcode simDailyBars}. */
export interface SimDailyBarsOptions {
  /** The simulator's seed. @default 42 */
  seed?: number;
}

/** Daily bars of a simulated symbol: trading dates, opens, closes and the VIX's closes. */
export interface SimDailyBars {
  date: string[];
  open: Float64Array;
  close: Float64Array;
  /** The VIX's close on each date (the same for every symbol). */
  vix: Float64Array;
}

const cents = (v: number) => Math.round(v * 100) / 100;

/**
 * Daily opens and closes of `symbol` for the trading days `from`..`to` (inclusive).
 *
 * @throws {RangeError} For dates outside 2015–2027.
 * @example
 * ```ts
 * import { simDailyBars } from "./sim_daily_bars.ts";
 * import { createSimSource } from "./sim_source.ts";
 * import { equal } from "node:assert/strict";
 * const d = simDailyBars("SPY", "2025-03-03", "2025-03-07", { seed: 7 });
 * const bars = await createSimSource({ seed: 7 }).minuteBars("SPY", "2025-03-05");
 * equal(d.date.length, 5);
 * equal(d.open[2], bars[0].open);
 * equal(d.close[2], bars.at(-1)!.close);
 * ```
 */
export function simDailyBars(
  symbol: string,
  from: string,
  to: string,
  options: SimDailyBarsOptions = {},
): SimDailyBars {
  const { seed = 42 } = options;
  dayIndex(from);
  dayIndex(to);
  const date = tradingDays(from, to);
  const s = dailySeries(seed, symbol);
  const at = date.map(dayIndex);
  return {
    date,
    open: Float64Array.from(at, (i) => cents(s.open[i])),
    close: Float64Array.from(at, (i) => cents(s.close[i])),
    vix: Float64Array.from(at, (i) => cents(s.vix[i])),
  };
}
