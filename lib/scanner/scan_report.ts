/**
 * The scan's HTML report: summary tables, events by trigger hour, the duration histogram and
 * the timeline of the contract-day with the largest move — one self-contained page.
 *
 * @module
 */
import pl from "nodejs-polars";
import { reportPage, type ReportSection } from "../report/mod.ts";
import { durationHistogramFigure } from "./duration_histogram_figure.ts";
import { eventTimelineFigure } from "./event_timeline_figure.ts";
import { eventsByHourFigure } from "./events_by_hour_figure.ts";
import { eventsByMoneynessDteFigure } from "./events_by_moneyness_dte_figure.ts";
import type { ScanOptions } from "./options.ts";
import type { ScanSummary } from "./summarize.ts";
import { mergeMoves, movesSummary } from "./merge_moves.ts";
import { topEvents } from "./top_events.ts";

/** Options for {@linkcode scanReport}. */
export interface ScanReportOptions {
  /** Page title. @default "Option move scan" */
  title?: string;
  /** Run metadata shown at the top (run id, command, dates…). */
  metadata?: Record<string, string | number | boolean>;
  /** The scan options used (the timeline draws the same reference and threshold). */
  scan?: Partial<ScanOptions>;
}

/**
 * Builds the report page of a scan.
 *
 * @param frame The minutes that were scanned.
 * @param events What `scan(frame)` returned.
 * @param summary What `summarize(events, frame)` returned.
 */
export function scanReport(
  frame: pl.DataFrame,
  events: pl.DataFrame,
  summary: ScanSummary,
  options: ScanReportOptions = {},
): string {
  const { title = "Option move scan", metadata, scan = {} } = options;
  const sections: ReportSection[] = [
    {
      heading: "Summary",
      blocks: [
        { table: summary.totals, title: "Totals", maxRows: 50 },
        { table: summary.byMoneyness, title: "Events by moneyness" },
        { table: summary.byDte, title: "Events by days to expiry" },
        ...(events.height === 0 ? [] : [{
          table: movesSummary(events, mergeMoves(events)),
          title: "Distinct moves (events less than 5 minutes apart merged)",
        }]),
      ],
    },
    {
      heading: "Across the chain",
      blocks: events.height === 0 ? [{ text: "No events: nothing reached the threshold." }] : [
        { figure: eventsByMoneynessDteFigure(events) },
      ],
    },
    {
      heading: "Timing and duration",
      blocks: events.height === 0 ? [{ text: "No events: nothing reached the threshold." }] : [
        { figure: eventsByHourFigure(events) },
        { figure: durationHistogramFigure(events) },
      ],
    },
  ];
  if (events.height > 0) {
    const top = events.sort("peak_move", true).head(1);
    const ticker = String(top.getColumn("ticker").get(0));
    const date = String(top.getColumn("date").cast(pl.Utf8).get(0));
    sections.push({
      heading: `The largest move: ${ticker} on ${date}`,
      blocks: [
        { figure: eventTimelineFigure(frame, events, { ...scan, ticker, date }) },
        {
          table: topEvents(mergeMoves(events)),
          title: "The 20 largest moves (one per contract-day; New York time, moves in percent)",
        },
      ],
    });
  }
  return reportPage({ title, metadata, sections });
}
