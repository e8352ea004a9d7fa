import type pl from "nodejs-polars";
import { eventColumns } from "./_event_columns.ts";
import { baseLayout, directionColor, type ScannerFigure } from "./_figure.ts";
import { tallyHours } from "./_tally.ts";

/** Options for {@linkcode eventsByHourFigure}. */
export interface EventsByHourFigureOptions {
  /** @default {"Events by trigger hour (New York)"} */
  title?: string;
  /** Figure height in px. @default {380} */
  height?: number;
}

/**
 * Bar chart of events by trigger hour (New York), 09:00–15:00 always shown; one stacked
 * trace per direction present (`up`, then `down`), zero bars included.
 *
 * @param events The frame {@linkcode scan} returned.
 * @returns A plain Plotly figure (`{ data, layout }`).
 * @throws {TypeError} when `events` is not an events frame.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { eventsByHourFigure, scan } from "@lib/scanner/mod.ts";
 * import { deepEqual } from "node:assert/strict";
 * const frame = pl.DataFrame({
 *   ticker: ["O:SPY250304C00601000"], ts: [new Date(Date.UTC(2025, 2, 4, 15, 0))],
 *   open: [1], high: [1.3], low: [1], close: [1.2],
 * });
 * const fig = eventsByHourFigure(scan(frame));
 * deepEqual(fig.data.map((t) => (t as { y: number[] }).y), [[0, 1, 0, 0, 0, 0, 0]]);
 * ```
 */
export function eventsByHourFigure(
  events: pl.DataFrame,
  options: EventsByHourFigureOptions = {},
): ScannerFigure {
  const { title = "Events by trigger hour (New York)", height = 380 } = options;
  const ev = eventColumns(events, "build events-by-hour figure");
  const hours = tallyHours(ev.triggerHour).hour;
  const x = hours.map((h) => `${String(h).padStart(2, "0")}:00`);
  const present = ["up", "down"].filter((d) => ev.direction.includes(d));
  const directions = present.length === 0 ? ["up"] : present;
  const layout = baseLayout(title, height);
  layout.barmode = "stack";
  layout.showlegend = directions.length > 1;
  layout.xaxis = { ...layout.xaxis, type: "category", title: { text: "trigger hour (New York)" } };
  layout.yaxis = { ...layout.yaxis, title: { text: "events" } };
  return {
    data: directions.map((d) => {
      const counts = tallyHours(ev.triggerHour.filter((_, e) => ev.direction[e] === d));
      const byHour = new Map(counts.hour.map((h, i) => [h, counts.count[i]]));
      return {
        type: "bar" as const,
        name: d,
        x,
        y: hours.map((h) => byHour.get(h) ?? 0),
        marker: { color: directionColor(d) },
      };
    }),
    layout,
  };
}
