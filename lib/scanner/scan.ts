import type pl from "nodejs-polars";
import { findEvents } from "./_events.ts";
import { eventsFrame } from "./_events_frame.ts";
import { orderPrices, prepareMinutes } from "./_prepare.ts";
import { fillReference } from "./_reference.ts";
import { resolveScan } from "./_resolve.ts";
import type { ScanOptions } from "./options.ts";

/**
 * Finds the intraday move events of option contracts in a frame of minute bars.
 *
 * Per contract-day (ticker, trading date), over its traded minutes (rows with open, high,
 * low and close present and, when there is a `volume` column, volume > 0; other rows count
 * as minutes without trades):
 *
 * 1. **Reference**: `open` is the day's first traded price (the open of its first bar);
 *    `rolling_low` / `rolling_high` is the lowest low / highest high (the close, with
 *    `price: "close"`) of the bars in the previous `windowMin` minutes, the current minute
 *    excluded, and is missing (no event can start) when no bar traded in that window.
 * 2. **Move** of a minute: up = high / reference − 1, down = low / reference − 1 (both from
 *    the close with `price: "close"`). A minute is *above threshold* when up ≥ threshold
 *    (up events) or down ≤ −threshold (down events), to within 1e-9.
 * 3. **Event**: a maximal run of above-threshold minutes in one direction. Two consecutive
 *    above minutes belong to one event when no traded minute lies between them and at most
 *    `gapToleranceMin` minutes without trades separate them; a traded minute below threshold
 *    ends the event, and so does the end of the contract-day (`to_close` is then true).
 *    With `direction: "both"`, up and down events are found independently.
 * 4. **Figures**: trigger = first above minute; duration = last above − trigger + 1 minutes
 *    (gaps inside included); peak = the largest move of the event (first one on ties) and
 *    time to peak = peak − trigger in minutes. Underlying and VIX at the trigger come from
 *    `underlying_close` and `vix_close` when the frame has them (the `consolidated` dataset),
 *    null otherwise; right, strike and expiry come from the OCC ticker.
 *
 * Columns read: `ticker`, `ts` (minute start, UTC; Datetime or epoch ms), `open`, `high`,
 * `low`, `close`; optional `date` (trading date, else the New York date of `ts`), `volume`,
 * `underlying` (else the ticker's root), `underlying_close`, `vix_close`, `moneyness`.
 * Row order does not matter.
 *
 * @param frame Option minutes, e.g. `scanLake(root, "option_minute", …)` collected or not.
 * @param options Threshold, reference, window, direction, gap tolerance, price.
 * @returns One row per event, columns {@linkcode SCAN_EVENT_SCHEMA}, ordered by date,
 *   underlying, ticker, trigger time and direction. The same input gives the same frame.
 * @throws {RangeError} for bad options, a ticker that is not an OCC option ticker, a `ts`
 *   that is not a minute start, or two bars of one contract in one minute.
 * @throws {TypeError} for a missing or mistyped column.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { scan } from "@lib/scanner/mod.ts";
 * import { deepEqual } from "node:assert/strict";
 * const t0 = Date.UTC(2025, 2, 4, 14, 30); // 09:30 New York
 * const high = [1.0, 1.1, 1.25, 1.3, 1.1];
 * const frame = pl.DataFrame({
 *   ticker: high.map(() => "O:SPY250304C00601000"),
 *   ts: high.map((_, i) => new Date(t0 + i * 60_000)),
 *   open: [1, 1, 1, 1, 1], high, low: [1, 1, 1, 1, 1], close: [1, 1, 1, 1, 1],
 * });
 * const events = scan(frame, { threshold: 0.2 });
 * deepEqual(events.select("duration_min", "peak_move", "time_to_peak_min").toRecords(),
 *   [{ duration_min: 2, peak_move: 0.30000000000000004, time_to_peak_min: 1 }]);
 * ```
 */
export function scan(
  frame: pl.DataFrame | pl.LazyDataFrame,
  options: ScanOptions = {},
): pl.DataFrame {
  const o = resolveScan(options);
  const prep = prepareMinutes(frame, "scan");
  const prices = orderPrices(prep, o.price);
  const ref = fillReference(prices, o.reference, o.windowMin, new Float64Array(prices.tsMs.length));
  const records = findEvents(prices, ref, {
    threshold: o.threshold,
    up: o.direction !== "down",
    down: o.direction !== "up",
    gapToleranceMin: o.gapToleranceMin,
  });
  return eventsFrame(prep, prices, ref, records, o);
}
