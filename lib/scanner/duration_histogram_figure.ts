import type pl from "nodejs-polars";
import { eventColumns } from "./_event_columns.ts";
import { baseLayout, directionColor, type ScannerFigure } from "./_figure.ts";

/** Options for {@linkcode durationHistogramFigure}. */
export interface DurationHistogramFigureOptions {
  /**
   * Bin width in minutes; bins are 1–w, w+1–2w, … minutes. By default the smallest whole
   * width that gives at most 30 bins.
   */
  binMin?: number;
  /** @default {"Event duration"} */
  title?: string;
  /** Figure height in px. @default {380} */
  height?: number;
}

/**
 * Histogram of event durations (`duration_min`): bars of events per duration bin, one
 * stacked trace per direction present, every bin from 1 minute to the longest event shown.
 *
 * @param events The frame {@linkcode scan} returned.
 * @returns A plain Plotly figure; bar `x` is the bin centre in minutes, `width` the bin.
 * @throws {RangeError} for a bin width that is not a whole number ≥ 1.
 * @throws {TypeError} when `events` is not an events frame.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { durationHistogramFigure } from "@lib/scanner/mod.ts";
 * import { deepEqual } from "node:assert/strict";
 * const t = new Date(Date.UTC(2025, 2, 4, 15));
 * const events = pl.DataFrame({
 *   ticker: ["A", "A", "A"], date: [t, t, t], direction: ["up", "up", "up"],
 *   trigger_hour: [10, 10, 11], duration_min: [1, 2, 5], minutes_above: [1, 2, 5],
 *   moneyness_bucket: [null, null, null], trigger_ts: [t, t, t], end_ts: [t, t, t],
 * }).withColumns(pl.col("date").cast(pl.Date));
 * const fig = durationHistogramFigure(events, { binMin: 2 });
 * deepEqual((fig.data[0] as { y: number[] }).y, [2, 0, 1]); // 1-2, 3-4, 5-6 minutes
 * ```
 */
export function durationHistogramFigure(
  events: pl.DataFrame,
  options: DurationHistogramFigureOptions = {},
): ScannerFigure {
  const { title = "Event duration", height = 380 } = options;
  const ev = eventColumns(events, "build duration histogram");
  const longest = ev.durationMin.reduce((a, b) => Math.max(a, b), 1);
  const { binMin = Math.max(1, Math.ceil(longest / 30)) } = options;
  if (!Number.isInteger(binMin) || binMin < 1) {
    throw new RangeError(
      `Cannot build duration histogram: binMin must be a whole number >= 1, got ${binMin}`,
    );
  }
  const bins = Math.ceil(longest / binMin);
  const centre = Array.from({ length: bins }, (_, k) => 1 + k * binMin + (binMin - 1) / 2);
  const label = Array.from({ length: bins }, (_, k) => {
    const lo = 1 + k * binMin, hi = (k + 1) * binMin;
    return lo === hi ? `${lo} min` : `${lo}-${hi} min`;
  });
  const present = ["up", "down"].filter((d) => ev.direction.includes(d));
  const directions = present.length === 0 ? ["up"] : present;
  const layout = baseLayout(title, height);
  layout.barmode = "stack";
  layout.bargap = 0.05;
  layout.showlegend = directions.length > 1;
  layout.xaxis = { ...layout.xaxis, title: { text: "duration (minutes)" } };
  layout.yaxis = { ...layout.yaxis, title: { text: "events" } };
  return {
    data: directions.map((d) => {
      const y = new Array(bins).fill(0);
      ev.durationMin.forEach((m, e) => {
        if (ev.direction[e] === d) y[Math.floor((m - 1) / binMin)]++;
      });
      return {
        type: "bar" as const,
        name: d,
        x: centre,
        y,
        width: centre.map(() => binMin),
        text: label,
        hovertemplate: "%{text}: %{y} events<extra>" + d + "</extra>",
        textposition: "none" as const,
        marker: { color: directionColor(d) },
      };
    }),
    layout,
  };
}
