/**
 * Option move events: per contract-day, runs of minutes whose price moved at least a
 * threshold (20% by default) from a reference — the day's first traded price, or the low or
 * high of the previous N minutes — with their timing, duration, peak and context, plus the
 * summary statistics and figures researchers read them with. Pure functions: frames in,
 * frames (and Plotly figure objects) out; `deno task scan` does the lake I/O.
 *
 * Three layers, as in vectorbt: typed-array kernels (`_reference.ts`, `_events.ts`), a
 * dispatch that unwraps and groups the frame (`_prepare.ts`), and the DataFrame API here.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import * as scanner from "@lib/scanner/mod.ts";
 * import { deepEqual, equal } from "node:assert/strict";
 *
 * // One 0DTE call, 09:30-09:35 New York; 09:33 has no trades.
 * const t0 = Date.UTC(2025, 2, 4, 14, 30);
 * const at = [0, 1, 2, 4, 5].map((m) => new Date(t0 + m * 60_000));
 * const frame = pl.DataFrame({
 *   ticker: at.map(() => "O:SPY250304C00601000"),
 *   ts: at,
 *   open: [2.0, 2.1, 2.3, 2.5, 2.2],
 *   high: [2.1, 2.3, 2.5, 2.6, 2.3],
 *   low: [2.0, 2.0, 2.2, 2.4, 2.1],
 *   close: [2.1, 2.3, 2.5, 2.4, 2.2],
 * });
 * const events = scanner.scan(frame, { threshold: 0.2, gapToleranceMin: 1 });
 * // 09:32 (high 2.5 = +25% from the 2.0 open) and 09:34 (2.6) are one event across the gap.
 * deepEqual(events.select("trigger_hour", "duration_min", "minutes_above").toRecords(),
 *   [{ trigger_hour: 9, duration_min: 3, minutes_above: 2 }]);
 * equal(scanner.summarize(events, frame).stats.minuteBars, 5);
 * ```
 *
 * @module
 */
export {
  CONTEXT_COLUMNS,
  SCAN_DEFAULTS,
  SCAN_DIRECTIONS,
  SCAN_PRICES,
  SCAN_REFERENCES,
  type ScanDirection,
  type ScanOptions,
  type ScanPrice,
  type ScanReference,
} from "./options.ts";
export { MONEYNESS_BUCKETS, type MoneynessBucket, SCAN_EVENT_SCHEMA } from "./event_schema.ts";
export { scan } from "./scan.ts";
export { type ScanStats, type ScanSummary, summarize } from "./summarize.ts";
export { formatSummary } from "./format_summary.ts";
export type { ScannerFigure } from "./_figure.ts";
export { eventsByHourFigure, type EventsByHourFigureOptions } from "./events_by_hour_figure.ts";
export {
  durationHistogramFigure,
  type DurationHistogramFigureOptions,
} from "./duration_histogram_figure.ts";
export { eventTimelineFigure, type EventTimelineFigureOptions } from "./event_timeline_figure.ts";
export { scanReport, type ScanReportOptions } from "./scan_report.ts";
export {
  SCAN_INPUT_COLUMNS,
  type ScanOutputs,
  scanOutputs,
  type ScanOutputsOptions,
} from "./scan_outputs.ts";
export { DTE_BANDS, eventsByMoneynessDteFigure } from "./events_by_moneyness_dte_figure.ts";
export { mergeMoves, type MergeMovesOptions, movesSummary } from "./merge_moves.ts";
export { topEvents, type TopEventsOptions } from "./top_events.ts";
