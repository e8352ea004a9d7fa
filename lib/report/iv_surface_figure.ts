import { column, numbers } from "./_columns.ts";
import { baseLayout } from "./_layout.ts";
import { pivot } from "./_pivot.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode ivSurfaceFigure}. */
export interface IvSurfaceFigureOptions {
  /** Column names. @default { x: "strike", y: "expiry", iv: "iv" } (x may be moneyness or delta, y days to expiry) */
  columns?: { x?: string; y?: string; iv?: string };
  /** `"surface"`: rotatable 3D surface; `"heatmap"`: flat, readable in print. @default "surface" */
  kind?: "surface" | "heatmap";
  /** Chart title. @default "Implied volatility surface" */
  title?: string;
  /** Figure height in px. @default 560 */
  height?: number;
}

/**
 * Implied-volatility surface over strike (or moneyness) and expiry, IV in percent.
 *
 * Rows are pivoted to a grid (x and y sorted ascending; missing pairs are holes, as are
 * NaN IVs). A text y (expiry dates) is placed at equal steps and labelled with the text.
 * The 3D `surface` trace needs the full plotly.js bundle, which is what lib/report
 * inlines.
 *
 * @param table Option rows with x, y and iv columns.
 * @param options Columns, kind, title.
 * @returns A Plotly figure with one `surface` or `heatmap` trace.
 * @throws {RangeError} When two rows share the same (x, y).
 * @example
 * ```ts
 * import { ivSurfaceFigure } from "./iv_surface_figure.ts";
 * import assert from "node:assert/strict";
 * const rows = { strike: [590, 600, 590, 600], expiry: ["2025-03-21", "2025-03-21", "2025-04-17", "2025-04-17"], iv: [0.2, 0.18, 0.22, 0.2] };
 * const fig = ivSurfaceFigure(rows);
 * assert.deepEqual((fig.data[0] as { z: unknown }).z, [[20, 18], [22, 20]]);
 * ```
 */
export function ivSurfaceFigure(table: Columns, options: IvSurfaceFigureOptions = {}): Figure {
  const { kind = "surface", title = "Implied volatility surface", height = 560 } = options;
  const what = "IV surface figure";
  const c = { x: "strike", y: "expiry", iv: "iv", ...options.columns };
  const ivPct = numbers(table, c.iv, what).map((v) => Math.round(v * 100 * 1e10) / 1e10);
  const grid = pivot(column(table, c.x, what), column(table, c.y, what), ivPct, what);
  const layout = baseLayout(title, height);
  if (kind === "heatmap") {
    layout.xaxis = { title: { text: c.x } };
    layout.yaxis = { type: "category", title: { text: c.y } };
    return {
      data: [{
        type: "heatmap",
        x: grid.x,
        y: grid.y.map(String),
        z: grid.z,
        colorscale: "Viridis",
        colorbar: { title: { text: "IV %" } },
        hoverongaps: false,
      }],
      layout,
    };
  }
  const textY = grid.y.some((v) => typeof v !== "number");
  const yValues = textY ? grid.y.map((_, i) => i) : (grid.y as number[]);
  layout.scene = {
    xaxis: { title: { text: c.x } },
    yaxis: {
      title: { text: c.y },
      ...(textY ? { tickvals: yValues, ticktext: grid.y.map(String) } : {}),
    },
    zaxis: { title: { text: "IV %" } },
  };
  return {
    data: [{
      type: "surface",
      x: grid.x as number[],
      y: yValues,
      z: grid.z,
      colorscale: "Viridis",
      colorbar: { title: { text: "IV %" } },
    }],
    layout,
  };
}
