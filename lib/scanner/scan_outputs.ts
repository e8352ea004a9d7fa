/**
 * Everything a scan run writes, built from the scanned minutes and its events: one
 * `scan_events` frame per scanned partition (empty ones too, so a rescan replaces stale
 * events), the events CSV and the HTML report. `deno task scan` writes them; a research review
 * rebuilds them to check a run record's hashes.
 *
 * @module
 */
import pl from "nodejs-polars";
import { CONTEXT_COLUMNS, type ScanOptions } from "./options.ts";
import { scanReport } from "./scan_report.ts";
import type { ScanSummary } from "./summarize.ts";

/** The columns a scan reads from `option_minute` or `consolidated` (those present). */
export const SCAN_INPUT_COLUMNS: readonly string[] = [
  "ticker",
  "ts",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "underlying",
  "date",
  ...Object.values(CONTEXT_COLUMNS),
];

/** Options for {@linkcode scanOutputs}. */
export interface ScanOutputsOptions {
  /** The partitions scanned (underlying and date), in order. */
  partitions: readonly { value: string; date: string }[];
  /** The report's title. */
  title: string;
  /** The report's metadata (run id, command, dataset…). */
  metadata: Record<string, string | number | boolean>;
  /** The scan options used. */
  scan: Partial<ScanOptions>;
}

/** What a scan run writes. */
export interface ScanOutputs {
  /** One frame per scanned partition, without its key columns (`underlying`, `date`). */
  partitions: { value: string; date: string; frame: pl.DataFrame }[];
  /** The events as CSV, times in ISO 8601 UTC. */
  csv: Uint8Array;
  /** The self-contained HTML report. */
  report: Uint8Array;
}

/** Builds a scan's outputs (pure: same inputs, same bytes). */
export function scanOutputs(
  frame: pl.DataFrame,
  events: pl.DataFrame,
  summary: ScanSummary,
  options: ScanOutputsOptions,
): ScanOutputs {
  const partitions = options.partitions.map(({ value, date }) => ({
    value,
    date,
    frame: events.filter(
      pl.col("underlying").eq(pl.lit(value)).and(
        pl.col("date").eq(pl.lit(date).str.strptime(pl.Date, "%Y-%m-%d")),
      ),
    ).drop("underlying", "date"),
  }));
  const encode = (s: string) => new TextEncoder().encode(s);
  const csv = encode(String(
    events.withColumns(pl.col(["trigger_ts", "end_ts", "peak_ts"]).cast(pl.Datetime("ms", "UTC")))
      .writeCSV(),
  ));
  const report = encode(scanReport(frame, events, summary, {
    title: options.title,
    metadata: options.metadata,
    scan: options.scan,
  }));
  return { partitions, csv, report };
}
