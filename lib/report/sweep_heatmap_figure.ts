import { column, numbers } from "./_columns.ts";
import { pivot } from "./_pivot.ts";
import { heatmapFigure, type HeatmapFigureOptions } from "./heatmap_figure.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode sweepHeatmapFigure}. */
export interface SweepHeatmapFigureOptions extends HeatmapFigureOptions {
  /** Parameter column on the x axis. */
  x: string;
  /** Parameter column on the y axis. */
  y: string;
  /** Metric column coloured in the cells. */
  z: string;
  /** Chart title. @default "<z> by <x> and <y>" */
  title?: string;
}

/**
 * Heatmap of a parameter sweep given as one row per parameter pair (long format), e.g.
 * the rows a backtest sweep returns: `{ fast, slow, sharpe }`.
 *
 * Parameter values are sorted ascending; pairs with no row are empty cells. Each
 * (x, y) pair must appear once: fix or aggregate other parameters first.
 *
 * @param table Sweep results: a Polars DataFrame or plain columns.
 * @param options Which columns go on x, y and z, plus {@linkcode HeatmapFigureOptions}.
 * @returns A Plotly figure with one `heatmap` trace.
 * @throws {RangeError} When two rows share the same (x, y).
 * @throws {TypeError} When a column is missing or z is not numeric.
 * @example
 * ```ts
 * import { sweepHeatmapFigure } from "./sweep_heatmap_figure.ts";
 * import assert from "node:assert/strict";
 * const rows = { fast: [10, 5, 5], slow: [20, 20, 50], sharpe: [0.4, 0.1, 0.9] };
 * const fig = sweepHeatmapFigure(rows, { x: "fast", y: "slow", z: "sharpe" });
 * assert.deepEqual((fig.data[0] as { z: unknown }).z, [[0.1, 0.4], [0.9, null]]);
 * ```
 */
export function sweepHeatmapFigure(table: Columns, options: SweepHeatmapFigureOptions): Figure {
  const what = "sweep heatmap figure";
  const { x, y, z, title = `${z} by ${x} and ${y}`, ...rest } = options;
  const grid = pivot(column(table, x, what), column(table, y, what), numbers(table, z, what), what);
  return heatmapFigure(
    { ...grid, title },
    { xTitle: x, yTitle: y, zTitle: z, ...rest },
  );
}
