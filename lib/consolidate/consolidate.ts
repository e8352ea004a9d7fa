/**
 * The flat research table: one row per option contract per minute in which it traded.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { prepareOptionBars } from "./_option_rows.ts";
import { resolveConsolidate } from "./_resolve.ts";
import { onGridFrame, tableFrame } from "./_table.ts";
import type { ConsolidateOptions } from "./options.ts";

/** The lake frames one consolidation reads (extra columns are ignored). */
export interface ConsolidateInputs {
  /** Underlying minute bars: `ts` (minute start, UTC), open, high, low, close, volume, vwap. */
  underlying: pl.DataFrame;
  /** Option minute bars: `ticker`, `ts`, open, high, low, close, volume, vwap, trades. */
  options: pl.DataFrame;
  /** Contracts: `ticker`, `expiry` (YYYY-MM-DD or Date), `right`, `strike`, `multiplier`. */
  contracts: pl.DataFrame;
  /** VIX minute bars (`ts`, open, high, low, close); the VIX columns are null without it. */
  vix?: pl.DataFrame | null;
  /** News: `published` (Datetime), `sentiment` (−1..1, nullable), optional `id`. */
  news?: pl.DataFrame | null;
}

/**
 * Consolidates option minutes with their underlying, VIX, news, indicators, implied vols,
 * Greeks and causal features into one flat frame.
 *
 * The grid is the underlying's regular-session minutes of every trading date in the inputs
 * (`lib/calendar`). On it: the underlying's bars (null where it has none) and `spot`, its
 * last close of the session so far; indicators on `spot` (per session by default); VIX as-of
 * backward (a bar that started at or before the minute, never later); news in the look-back
 * window ending at the end of the minute. Each option bar on the grid becomes a row with its
 * contract fields, `moneyness` = strike / spot, `t_years` (to 16:00 New York on the expiry
 * date from the end of the minute, 365-day year, floored at one minute), `iv` from its close
 * and the Greeks at that vol (`lib/greeks` `withGreeks`: `theta_day` per calendar day,
 * `vega_pct` per vol point, `rho_pct` per rate point), and lagged percentage changes of
 * spot, close and iv in minutes within the session. Every value of a row depends only on
 * inputs at or before the end of its minute (the targets of `prepareTraining` excepted).
 * Bars outside the sessions are dropped. Rows are sorted by date, ticker and ts; no list
 * columns. The columns and their units are listed in README `## Consolidation`.
 *
 * @param inputs Frames as read from the lake (any number of days).
 * @param options Rates, look-backs, lags and indicator windows.
 * @returns The table, one row per (ticker, ts).
 * @throws {RangeError} If a frame lacks a column, a key repeats, an option has no contract
 *   record, or a date is outside the calendar's years; or for bad options.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { consolidate } from "./consolidate.ts";
 * import assert from "node:assert/strict";
 * const ts = (hhmm: string) => new Date(`2025-03-03T${hhmm}:00Z`); // 09:30 NY = 14:30 UTC
 * const bar = { open: 1, high: 1, low: 1, volume: 10, vwap: 1, trades: 1 };
 * const table = consolidate({
 *   underlying: pl.DataFrame([{ ts: ts("14:30"), ...bar, close: 580 }, { ts: ts("14:31"), ...bar, close: 581 }]),
 *   options: pl.DataFrame([{ ticker: "O:SPY250303C00580000", ts: ts("14:31"), ...bar, close: 2.5 }]),
 *   contracts: pl.DataFrame([{ ticker: "O:SPY250303C00580000", expiry: "2025-03-03", right: "call", strike: 580, multiplier: 100 }]),
 * });
 * assert.equal(table.height, 1);
 * assert.equal(table.getColumn("spot").get(0), 581);
 * assert.equal(table.getColumn("iv_status").get(0), "ok");
 * assert.equal(table.getColumn("spot_pct_change_1").get(0), 1 / 580);
 * ```
 */
export function consolidate(
  inputs: ConsolidateInputs,
  options: ConsolidateOptions = {},
): pl.DataFrame {
  const o = resolveConsolidate(options);
  const onGrid = onGridFrame(inputs, o);
  const prepared = prepareOptionBars(inputs.options, inputs.contracts, onGrid);
  return tableFrame(prepared, onGrid, o);
}
