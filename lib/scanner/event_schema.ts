/**
 * The columns of an events frame (and of the `scan_events` lake dataset, where `underlying`
 * and `date` live in the partition path instead of the file).
 *
 * @module
 */
import pl from "nodejs-polars";

/**
 * Column name → Polars dtype of the frame {@linkcode scan} returns, in order.
 *
 * - `event_id`: `<ticker>@<trigger minute, UTC>Z/<direction>`, unique and stable across
 *   reruns and date ranges, e.g. `O:SPY250304C00601000@2025-03-04T14:35Z/up`.
 * - `date` (trading date), `underlying`, `ticker`, `right` (`call`/`put`), `strike`,
 *   `expiry` (`YYYY-MM-DD`, from the OCC ticker), `dte` (calendar days to expiry).
 * - the scan's parameters: `direction` (`up`/`down`), `reference`, `window_min` (null for
 *   `open`), `threshold` (fraction), `price` (`high_low`/`close`).
 * - `trigger_ts` (first above-threshold minute, UTC), `trigger_hour` (its New York hour),
 *   `end_ts` (last above-threshold minute), `duration_min` (end − trigger + 1 minute),
 *   `minutes_above` (traded above-threshold minutes), `to_close` (still on at the day's
 *   last trade).
 * - `reference_price` and `trigger_price` (the compared price) at the trigger; `peak_ts`,
 *   `peak_price`, `peak_move` (signed fraction of that minute's reference: +0.35 up,
 *   −0.27 down) and `time_to_peak_min` (peak − trigger, minutes).
 * - context at the trigger, null when the frame lacks it: `underlying_at_trigger`,
 *   `vix_at_trigger`, `moneyness` (the consolidated table's, passed through), `otm_pct`
 *   (percent out of the money: (K/S − 1)·100 for calls, (1 − K/S)·100 for puts) and
 *   `moneyness_bucket` (see {@linkcode MONEYNESS_BUCKETS}).
 */
export const SCAN_EVENT_SCHEMA: Record<string, pl.DataType> = {
  event_id: pl.Utf8,
  date: pl.Date,
  underlying: pl.Utf8,
  ticker: pl.Utf8,
  right: pl.Utf8,
  strike: pl.Float64,
  expiry: pl.Utf8,
  dte: pl.Int32,
  direction: pl.Utf8,
  reference: pl.Utf8,
  window_min: pl.Int32,
  threshold: pl.Float64,
  price: pl.Utf8,
  trigger_ts: pl.Datetime("ms"),
  trigger_hour: pl.Int32,
  end_ts: pl.Datetime("ms"),
  duration_min: pl.Int32,
  minutes_above: pl.Int32,
  to_close: pl.Bool,
  reference_price: pl.Float64,
  trigger_price: pl.Float64,
  peak_ts: pl.Datetime("ms"),
  peak_price: pl.Float64,
  peak_move: pl.Float64,
  time_to_peak_min: pl.Int32,
  underlying_at_trigger: pl.Float64,
  vix_at_trigger: pl.Float64,
  moneyness: pl.Float64,
  otm_pct: pl.Float64,
  moneyness_bucket: pl.Utf8,
};

/**
 * Moneyness buckets by `otm_pct` (percent out of the money at the trigger), in display
 * order: |otm| ≤ 0.25 is `ATM <=0.25%`; 0.25 < |otm| ≤ 1 is `ITM 0.25-1%` or `OTM 0.25-1%`;
 * beyond 1, `ITM >1%` or `OTM >1%`. Unknown underlying price: null bucket.
 */
export const MONEYNESS_BUCKETS = [
  "ITM >1%",
  "ITM 0.25-1%",
  "ATM <=0.25%",
  "OTM 0.25-1%",
  "OTM >1%",
] as const;

/** One of {@linkcode MONEYNESS_BUCKETS}. */
export type MoneynessBucket = typeof MONEYNESS_BUCKETS[number];
