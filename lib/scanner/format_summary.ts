import type pl from "nodejs-polars";
import type { ScanSummary } from "./summarize.ts";

const int = (v: number | null) => (v === null ? "-" : Math.round(v).toLocaleString("en-US"));
const num = (v: number | null) => (v === null ? "-" : String(Number(v.toFixed(2))));
const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);

/** Aligned columns: the first left-aligned, the others right-aligned unless `left`. */
function table(headers: string[], rows: string[][], left = false): string[] {
  const width = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    "  " + cells.map((s, c) => (c === 0 || left ? s.padEnd(width[c]) : s.padStart(width[c])))
      .join("  ").trimEnd();
  return [line(headers), ...rows.map(line)];
}

function records(df: pl.DataFrame): Record<string, unknown>[] {
  return df.toRecords() as Record<string, unknown>[];
}

/**
 * The summary as a plain-text report: headline figures, then events by trigger hour, by
 * moneyness bucket and by days to expiry, as aligned tables (what `deno task scan` prints).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { formatSummary, scan, summarize } from "@lib/scanner/mod.ts";
 * import { match } from "node:assert/strict";
 * const frame = pl.DataFrame({
 *   ticker: ["O:SPY250304C00601000"], ts: [new Date(Date.UTC(2025, 2, 4, 14, 30))],
 *   open: [1], high: [1.25], low: [1], close: [1.2],
 * });
 * match(formatSummary(summarize(scan(frame), frame)), /events\s+1\n/);
 * ```
 */
export function formatSummary(summary: ScanSummary): string {
  const s = summary.stats;
  const out = table(["", ""], [
    ["contract-days scanned", int(s.contractDays)],
    ["minute bars", int(s.minuteBars)],
    ["events", int(s.events)],
    [
      "events per contract-day",
      `min ${num(s.eventsPerContractDayMin)}, median ${num(s.eventsPerContractDayMedian)}, max ${
        num(s.eventsPerContractDayMax)
      }`,
    ],
    ["minutes above threshold", `${int(s.minutesAbove)} (${pct(s.minutesAboveShare)} of all)`],
    [
      "event duration (min)",
      `median ${num(s.durationMedianMin)}, mean ${num(s.durationMeanMin)}, p90 ${
        num(s.durationP90Min)
      }`,
    ],
  ], true).slice(1);
  out.push("", "Events by trigger hour (New York)");
  out.push(...table(
    ["hour", "events", "share"],
    records(summary.byHour).map((r) => [
      `${String(r.trigger_hour).padStart(2, "0")}:00`,
      int(r.events as number),
      pct(r.share as number | null),
    ]),
  ));
  out.push("", "Events by moneyness at trigger");
  out.push(...table(
    ["bucket", "events", "share"],
    records(summary.byMoneyness).map((r) => [
      String(r.moneyness_bucket),
      int(r.events as number),
      pct(r.share as number | null),
    ]),
  ));
  out.push("", "Events by days to expiry");
  out.push(...table(
    ["dte", "contract-days", "events", "per contract-day"],
    records(summary.byDte).map((r) => [
      String(r.dte),
      int(r.contract_days as number),
      int(r.events as number),
      num(r.events_per_contract_day as number),
    ]),
  ));
  return out.join("\n");
}
