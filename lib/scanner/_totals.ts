/**
 * The scan's headline figures as a `metric`, `value` table.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { ScanStats } from "./summarize.ts";

/** Metric labels of {@linkcode statsFrame}, in order, keyed by the stats field. */
export const METRIC_LABELS: Record<keyof ScanStats, string> = {
  contractDays: "contract-days scanned",
  minuteBars: "minute bars",
  events: "events",
  eventsPerContractDayMin: "events per contract-day, min",
  eventsPerContractDayMedian: "events per contract-day, median",
  eventsPerContractDayMax: "events per contract-day, max",
  minutesAbove: "minutes above threshold",
  minutesAboveShare: "share of minutes above threshold",
  durationMedianMin: "event duration (min), median",
  durationMeanMin: "event duration (min), mean",
  durationP90Min: "event duration (min), p90",
};

/** The stats as two columns, `metric` (Utf8) and `value` (Float64, null when undefined). */
export function statsFrame(stats: ScanStats): pl.DataFrame {
  const keys = Object.keys(METRIC_LABELS) as (keyof ScanStats)[];
  return pl.DataFrame([
    pl.Series("metric", keys.map((k) => METRIC_LABELS[k]), pl.Utf8),
    pl.Series("value", keys.map((k) => stats[k]), pl.Float64),
  ]);
}
