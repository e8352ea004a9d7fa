import pl from "nodejs-polars";
import { contractDayRank, contractDaysFrame } from "./_contract_days.ts";
import { eventColumns } from "./_event_columns.ts";
import { prepareMinutes } from "./_prepare.ts";
import { max, mean, min, quantile } from "./_stats.ts";
import { tallyBuckets, tallyHours } from "./_tally.ts";
import { statsFrame } from "./_totals.ts";

/** The headline figures of a scan; null where there is nothing to measure. */
export interface ScanStats {
  /** Contract-days (ticker, date) with at least one traded minute. */
  contractDays: number;
  /** Traded minute bars scanned. */
  minuteBars: number;
  events: number;
  /** Events per contract-day over every contract-day scanned, zeros included. */
  eventsPerContractDayMin: number | null;
  eventsPerContractDayMedian: number | null;
  eventsPerContractDayMax: number | null;
  /** Sum of `minutes_above` over the events. */
  minutesAbove: number;
  /** minutesAbove / minuteBars (a fraction). */
  minutesAboveShare: number | null;
  durationMedianMin: number | null;
  durationMeanMin: number | null;
  /** 90th percentile of `duration_min` (linear interpolation). */
  durationP90Min: number | null;
}

/** The summary of a scan: figures, and the tables behind them as DataFrames. */
export interface ScanSummary {
  stats: ScanStats;
  /** `metric`, `value`: the stats as a two-column table. */
  totals: pl.DataFrame;
  /** One row per contract-day scanned: identity, `minute_bars`, `events`, `minutes_above`. */
  perContractDay: pl.DataFrame;
  /** `trigger_hour` (New York; 9–15 always listed), `events`, `share`. */
  byHour: pl.DataFrame;
  /** `moneyness_bucket` (the five buckets, then `unknown` if any), `events`, `share`. */
  byMoneyness: pl.DataFrame;
  /** `dte`, `contract_days`, `events`, `events_per_contract_day`. */
  byDte: pl.DataFrame;
}

/**
 * Summarizes the events of a scan against the minutes that were scanned.
 *
 * Contract-days and minute bars are counted from `frame` exactly as {@linkcode scan}
 * counts them (traded minutes only), so contract-days without events count as zeros.
 * Quantiles interpolate linearly between closest ranks; shares are fractions of all events
 * (null with no events). With `direction: "both"`, a minute inside both an up and a down
 * event counts in both events' `minutes_above`.
 *
 * @param events The frame {@linkcode scan} returned for `frame`.
 * @param frame The minutes that were scanned.
 * @throws {TypeError} when `events` lacks a column of {@linkcode SCAN_EVENT_SCHEMA}.
 * @throws {RangeError} when an event's contract-day is not in `frame`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { scan, summarize } from "@lib/scanner/mod.ts";
 * import { equal } from "node:assert/strict";
 * const t0 = Date.UTC(2025, 2, 4, 14, 30);
 * const frame = pl.DataFrame({
 *   ticker: ["O:SPY250304C00601000", "O:SPY250304C00601000", "O:SPY250304P00600000"],
 *   ts: [new Date(t0), new Date(t0 + 60_000), new Date(t0)],
 *   open: [1, 1, 2], high: [1, 1.3, 2], low: [1, 1, 2], close: [1, 1.2, 2],
 * });
 * const { stats } = summarize(scan(frame), frame);
 * equal(stats.contractDays, 2);
 * equal(stats.events, 1);
 * equal(stats.eventsPerContractDayMedian, 0.5);
 * ```
 */
export function summarize(
  events: pl.DataFrame,
  frame: pl.DataFrame | pl.LazyDataFrame,
): ScanSummary {
  const ev = eventColumns(events, "summarize");
  const prep = prepareMinutes(frame, "summarize");
  const { days } = prep;
  const G = days.ticker.length;
  const groupOf = new Map<string, number>();
  for (let g = 0; g < G; g++) groupOf.set(`${days.ticker[g]}|${prep.index.day[g]}`, g);
  const count = new Int32Array(G), above = new Int32Array(G);
  ev.ticker.forEach((t, e) => {
    const g = groupOf.get(`${t}|${ev.day[e]}`);
    if (g === undefined) {
      const date = new Date(ev.day[e] * 86_400_000).toISOString().slice(0, 10);
      throw new RangeError(
        `Cannot summarize: event on ${t} ${date} is on a contract-day the frame does not contain`,
      );
    }
    count[g]++;
    above[g] += ev.minutesAbove[e];
  });
  const minuteBars = days.bars.reduce((a, b) => a + b, 0);
  const minutesAbove = ev.minutesAbove.reduce((a, b) => a + b, 0);
  const perDay = Array.from(count);
  const stats: ScanStats = {
    contractDays: G,
    minuteBars,
    events: ev.ticker.length,
    eventsPerContractDayMin: min(perDay),
    eventsPerContractDayMedian: quantile(perDay, 0.5),
    eventsPerContractDayMax: max(perDay),
    minutesAbove,
    minutesAboveShare: minuteBars > 0 ? minutesAbove / minuteBars : null,
    durationMedianMin: quantile(ev.durationMin, 0.5),
    durationMeanMin: mean(ev.durationMin),
    durationP90Min: quantile(ev.durationMin, 0.9),
  };
  const rank = contractDayRank(prep);
  const perContractDay = pl.DataFrame([
    ...contractDaysFrame(prep).getColumns(),
    pl.Series("events", count, pl.Int32),
    pl.Series("minutes_above", above, pl.Int32),
    pl.Series("rank", rank, pl.Int32),
  ]).sort("rank").drop("rank");
  const share = (c: number) => (stats.events > 0 ? c / stats.events : null);
  const hours = tallyHours(ev.triggerHour);
  const buckets = tallyBuckets(ev.bucket);
  return {
    stats,
    totals: statsFrame(stats),
    perContractDay,
    byHour: pl.DataFrame([
      pl.Series("trigger_hour", hours.hour, pl.Int32),
      pl.Series("events", hours.count, pl.Int32),
      pl.Series("share", hours.count.map(share), pl.Float64),
    ]),
    byMoneyness: pl.DataFrame([
      pl.Series("moneyness_bucket", buckets.bucket, pl.Utf8),
      pl.Series("events", buckets.count, pl.Int32),
      pl.Series("share", buckets.count.map(share), pl.Float64),
    ]),
    byDte: perContractDay.groupBy("dte").agg(
      pl.len().cast(pl.Int32).alias("contract_days"),
      pl.col("events").sum().cast(pl.Int32).alias("events"),
    ).sort("dte").withColumns(
      pl.col("events").cast(pl.Float64).div(pl.col("contract_days")).alias(
        "events_per_contract_day",
      ),
    ),
  };
}
