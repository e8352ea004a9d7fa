import { baseLayout } from "./_layout.ts";
import type { Figure } from "./types.ts";

/** Input and options of {@linkcode heatmapFigure}. */
export interface HeatmapFigureData {
  /** Column labels (left to right). */
  x: ArrayLike<string | number>;
  /** Row labels (bottom to top). */
  y: ArrayLike<string | number>;
  /** `z[i][j]` is the value at row `y[i]`, column `x[j]`; null or NaN for none. */
  z: ArrayLike<ArrayLike<number | null>>;
  title?: string;
}

/** Options for {@linkcode heatmapFigure}. */
export interface HeatmapFigureOptions {
  xTitle?: string;
  yTitle?: string;
  /** Colour bar title. */
  zTitle?: string;
  /** Centre of a diverging colour scale (e.g. 0 for returns); omit for a sequential scale. */
  zmid?: number;
  /** Write each value in its cell. @default true when there are at most 400 cells */
  showValues?: boolean;
  /** Decimals of the cell labels. @default 2 */
  decimals?: number;
  /** Figure height in px. @default 460 */
  height?: number;
}

/**
 * Heatmap of a grid, e.g. a parameter sweep's metric over two parameters.
 *
 * Labels are treated as categories, so uneven parameter steps get equal-width cells.
 * With `zmid` the scale is red–white–green diverging around it, else Viridis.
 *
 * @param data `{ x, y, z, title }` with `z` shaped `y.length × x.length`.
 * @param options Axis titles, colour centre, cell labels.
 * @returns A Plotly figure with one `heatmap` trace.
 * @throws {RangeError} When `z` does not have `y.length` rows of `x.length` values.
 * @example
 * ```ts
 * import { heatmapFigure } from "./heatmap_figure.ts";
 * import assert from "node:assert/strict";
 * const fig = heatmapFigure({ x: [5, 10], y: [20, 50], z: [[0.1, 0.4], [NaN, 0.9]], title: "Sharpe" });
 * assert.deepEqual((fig.data[0] as { z: unknown }).z, [[0.1, 0.4], [null, 0.9]]);
 * ```
 */
export function heatmapFigure(data: HeatmapFigureData, options: HeatmapFigureOptions = {}): Figure {
  const x = Array.from(data.x), y = Array.from(data.y);
  const { xTitle, yTitle, zTitle, zmid, decimals = 2, height = 460 } = options;
  const showValues = options.showValues ?? x.length * y.length <= 400;
  const what = "heatmap figure";
  if (data.z.length !== y.length) {
    throw new RangeError(
      `Cannot build ${what}: z has ${data.z.length} rows but y has ${y.length} labels`,
    );
  }
  const z = Array.from(data.z, (row, i) => {
    if (row.length !== x.length) {
      throw new RangeError(
        `Cannot build ${what}: z row ${i} has ${row.length} values but x has ${x.length} labels`,
      );
    }
    return Array.from(row, (v) => (v !== null && Number.isFinite(v) ? v : null));
  });
  const layout = baseLayout(data.title, height);
  layout.xaxis = { type: "category", title: { text: xTitle ?? "" } };
  layout.yaxis = { type: "category", title: { text: yTitle ?? "" } };
  const text = z.map((row) => row.map((v) => (v === null ? "" : v.toFixed(decimals))));
  return {
    data: [{
      type: "heatmap",
      x: x.map(String),
      y: y.map(String),
      z,
      colorscale: zmid === undefined
        ? "Viridis"
        : [[0, "#c0392b"], [0.5, "#f7f7f7"], [1, "#1e8449"]],
      ...(zmid === undefined ? {} : { zmid }),
      ...(showValues ? { text, texttemplate: "%{text}" } : {}),
      colorbar: { title: { text: zTitle ?? "" } },
      hoverongaps: false,
    }],
    layout,
  };
}
