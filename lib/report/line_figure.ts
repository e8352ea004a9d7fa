import { timeAxis, type TimeAxisOptions } from "./_axis.ts";
import { column, finiteOrNull, numbers } from "./_columns.ts";
import { baseLayout, GRID } from "./_layout.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode lineFigure}. */
export interface LineFigureOptions extends TimeAxisOptions {
  /** Column(s) drawn as lines, in order. */
  y: string | string[];
  /** X column. @default "ts" */
  x?: string;
  /** How to read x: `"time"` (UTC epoch ms or Dates), `"linear"` or `"category"`. @default "time" when x is "ts" or holds Dates, else "linear" for numbers and "category" otherwise */
  xType?: "time" | "linear" | "category";
  /** Chart title. */
  title?: string;
  /** Y-axis title. */
  yTitle?: string;
  /** Figure height in px. @default 420 */
  height?: number;
}

/**
 * Line chart of one or more columns against time (or any x).
 *
 * On a time x axis the values are shown as wall-clock time in `timeZone` and, unless
 * `hideGaps` is false, weekends, overnight hours and missing weekdays are cut out.
 * NaN and null values leave gaps.
 *
 * @param table Columns: a Polars DataFrame or `{ ts: [...], close: [...] }`.
 * @param options Which columns, titles, time zone.
 * @returns A Plotly figure with one `scatter` (lines) trace per y column.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import { lineFigure } from "./line_figure.ts";
 * import assert from "node:assert/strict";
 * const fig = lineFigure({ ts: [Date.UTC(2025, 2, 3, 14, 30)], close: [601.5] }, { y: "close" });
 * assert.deepEqual((fig.data[0] as { x: unknown }).x, ["2025-03-03 09:30:00"]);
 * ```
 */
export function lineFigure(table: Columns, options: LineFigureOptions): Figure {
  const { x = "ts", title, yTitle, height = 420 } = options;
  const what = "line figure";
  const ys = typeof options.y === "string" ? [options.y] : options.y;
  if (ys.length === 0) {
    throw new RangeError(`Cannot build ${what}: y must name at least one column`);
  }
  const raw = column(table, x, what);
  const xType = options.xType ??
    (x === "ts" || raw[0] instanceof Date
      ? "time"
      : typeof raw[0] === "number"
      ? "linear"
      : "category");
  const layout = baseLayout(title, height);
  let xs: unknown[] = raw;
  if (xType === "time") {
    const axis = timeAxis(table, x, options, what);
    xs = axis.x;
    layout.xaxis = {
      ...GRID,
      type: "date",
      title: { text: axis.title },
      rangebreaks: axis.rangebreaks,
    };
  } else {
    layout.xaxis = { ...GRID, type: xType, title: { text: x } };
  }
  layout.yaxis = { ...GRID, title: { text: yTitle ?? (ys.length === 1 ? ys[0] : "") } };
  layout.hovermode = "x unified";
  const data = ys.map((name) => ({
    type: "scatter" as const,
    mode: "lines" as const,
    name,
    x: xs as (string | number | null)[],
    y: finiteOrNull(numbers(table, name, what)),
  }));
  return { data, layout };
}
