import { numbers } from "./_columns.ts";
import { baseLayout } from "./_layout.ts";
import { monthlyReturns } from "./_monthly.ts";
import { localParts } from "./_time.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode monthlyReturnsFigure}. */
export interface MonthlyReturnsFigureOptions {
  /** Chart title. @default "Monthly returns" */
  title?: string;
  /** Column names. @default { ts: "ts", equity: "equity" } */
  columns?: { ts?: string; equity?: string };
  /** Time zone that decides which month a point belongs to. @default "America/New_York" */
  timeZone?: string;
  /** Decimals in the cell labels. @default 1 */
  decimals?: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Heatmap of monthly returns: one row per year, one column per month plus a "Year"
 * column with the compounded return of that year's months.
 *
 * A month's return is its last equity over the previous month's last equity, minus 1
 * (the first month is measured from the first equity value). Cells are in percent,
 * coloured red below 0 and green above, centred on 0; months without data are empty.
 *
 * @param table `{ ts, equity }` columns, sorted by time.
 * @param options Title, column names, time zone, label decimals.
 * @returns A Plotly figure with one `heatmap` trace (`z` in percent, years as rows).
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import { monthlyReturnsFigure } from "./monthly_returns_figure.ts";
 * import assert from "node:assert/strict";
 * const ts = [Date.UTC(2025, 0, 2, 21), Date.UTC(2025, 0, 31, 21), Date.UTC(2025, 1, 28, 21)];
 * const fig = monthlyReturnsFigure({ ts, equity: [100, 110, 99] });
 * const z = (fig.data[0] as { z: (number | null)[][] }).z;
 * assert.deepEqual(z[0].slice(0, 3).map((v) => v === null ? null : Math.round(v * 1e9) / 1e9), [10, -10, null]);
 * ```
 */
export function monthlyReturnsFigure(
  table: Columns,
  options: MonthlyReturnsFigureOptions = {},
): Figure {
  const { title = "Monthly returns", timeZone = "America/New_York", decimals = 1 } = options;
  const what = "monthly returns figure";
  const c = { ts: "ts", equity: "equity", ...options.columns };
  const parts = localParts(numbers(table, c.ts, what), timeZone, what);
  const m = monthlyReturns(parts, numbers(table, c.equity, what));
  const z = m.byYear.map((row, i) =>
    [...row, m.yearTotal[i]].map((r) => (r === null ? null : r * 100))
  );
  const text = z.map((row) => row.map((v) => (v === null ? "" : `${v.toFixed(decimals)}%`)));
  const layout = baseLayout(title, Math.max(220, 90 + 40 * m.years.length));
  layout.xaxis = { type: "category", side: "top" };
  layout.yaxis = { type: "category", autorange: "reversed" };
  return {
    data: [{
      type: "heatmap",
      x: [...MONTHS, "Year"],
      y: m.years.map(String),
      z,
      text,
      texttemplate: "%{text}",
      hovertemplate: "%{y} %{x}: %{text}<extra></extra>",
      colorscale: [[0, "#c0392b"], [0.5, "#f7f7f7"], [1, "#1e8449"]],
      zmid: 0,
      xgap: 2,
      ygap: 2,
      colorbar: { ticksuffix: "%" },
    }],
    layout,
  };
}
