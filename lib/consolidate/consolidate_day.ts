/**
 * The research table of one trading date.
 *
 * @module
 */
import pl from "nodejs-polars";
import { isTradingDay } from "../calendar/mod.ts";
import { requireColumns } from "./_frames.ts";
import { resolveConsolidate } from "./_resolve.ts";
import { consolidate, type ConsolidateInputs } from "./consolidate.ts";
import type { ConsolidateOptions } from "./options.ts";

/** Options for {@linkcode consolidateDay}. */
export interface ConsolidateDayOptions extends ConsolidateOptions {
  /** The trading date `YYYY-MM-DD`. */
  date: string;
}

/**
 * {@linkcode consolidate} for one trading date: option and underlying bars of other dates
 * are ignored (with `indicators.session` false, earlier underlying bars are kept as the
 * indicators' warm-up); VIX and news are used as given, since their as-of values at the open
 * may come from before it. The result equals that date's rows of `consolidate` over a longer
 * range given the same inputs.
 *
 * @param inputs Frames as for `consolidate`.
 * @param options `date` and the consolidation options.
 * @returns The date's rows.
 * @throws {RangeError} If `date` is not a trading day, or as `consolidate`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { consolidateDay } from "./consolidate_day.ts";
 * import assert from "node:assert/strict";
 * const bar = { open: 1, high: 1, low: 1, volume: 10, vwap: 1, trades: 1 };
 * const ts = ["2025-03-03T14:31:00Z", "2025-03-04T14:31:00Z"].map((s) => new Date(s));
 * const table = consolidateDay({
 *   underlying: pl.DataFrame(ts.map((t) => ({ ts: t, ...bar, close: 580 }))),
 *   options: pl.DataFrame(ts.map((t) => ({ ticker: "O:SPY250307C00580000", ts: t, ...bar, close: 5 }))),
 *   contracts: pl.DataFrame([{ ticker: "O:SPY250307C00580000", expiry: "2025-03-07", right: "call", strike: 580, multiplier: 100 }]),
 * }, { date: "2025-03-04" });
 * assert.equal(table.height, 1);
 * ```
 */
export function consolidateDay(
  inputs: ConsolidateInputs,
  options: ConsolidateDayOptions,
): pl.DataFrame {
  const { date, ...rest } = options;
  if (typeof date !== "string" || !isTradingDay(date)) {
    throw new RangeError(`Cannot consolidate a day: ${date} is not a trading day`);
  }
  const o = resolveConsolidate(rest);
  requireColumns(inputs.options, "the option bars frame", ["ts"]);
  requireColumns(inputs.underlying, "the underlying frame", ["ts"]);
  const day = pl.lit(date).str.strptime(pl.Date, "%Y-%m-%d");
  const utcDate = pl.col("ts").cast(pl.Datetime("ms")).cast(pl.Date);
  return consolidate({
    ...inputs,
    options: inputs.options.filter(utcDate.eq(day)),
    underlying: inputs.underlying.filter(
      o.indicators.session ? utcDate.eq(day) : utcDate.ltEq(day),
    ),
  }, rest);
}
