import { assertSameLength, finiteOrNull, numberArray } from "./_columns.ts";
import { baseLayout, GRID } from "./_layout.ts";
import type { Figure } from "./types.ts";

/** Input of {@linkcode scatterFigure}. */
export interface ScatterFigureData {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Hover label per point. */
  text?: ArrayLike<string>;
  /** Numeric value per point, mapped to a colour scale. */
  color?: ArrayLike<number>;
}

/** Options for {@linkcode scatterFigure}. */
export interface ScatterFigureOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Title of the colour bar when `color` is given. */
  colorTitle?: string;
  /** Marker size in px. @default 7 */
  markerSize?: number;
  /** Figure height in px. @default 420 */
  height?: number;
}

/**
 * Scatter plot of y against x, optionally coloured by a third value (e.g. a parameter
 * sweep's Sharpe ratio against its drawdown, coloured by trade count).
 *
 * @param data Equal-length x, y and optional text and color arrays.
 * @param options Titles, marker size.
 * @returns A Plotly figure with one `scatter` (markers) trace.
 * @throws {RangeError} When the arrays differ in length.
 * @example
 * ```ts
 * import { scatterFigure } from "./scatter_figure.ts";
 * import assert from "node:assert/strict";
 * const fig = scatterFigure({ x: [1, 2], y: [3, NaN] });
 * assert.deepEqual((fig.data[0] as { y: unknown }).y, [3, null]);
 * ```
 */
export function scatterFigure(data: ScatterFigureData, options: ScatterFigureOptions = {}): Figure {
  const { title, xTitle, yTitle, colorTitle, markerSize = 7, height = 420 } = options;
  const what = "scatter figure";
  const arrays: Record<string, ArrayLike<unknown>> = { x: data.x, y: data.y };
  if (data.text) arrays.text = data.text;
  if (data.color) arrays.color = data.color;
  assertSameLength(what, arrays);
  const layout = baseLayout(title, height);
  layout.xaxis = { ...GRID, title: { text: xTitle ?? "" } };
  layout.yaxis = { ...GRID, title: { text: yTitle ?? "" } };
  layout.hovermode = "closest";
  const marker = data.color
    ? {
      size: markerSize,
      color: finiteOrNull(numberArray(data.color, "color", what)) as number[],
      colorscale: "Viridis",
      showscale: true,
      colorbar: { title: { text: colorTitle ?? "" } },
    }
    : { size: markerSize };
  return {
    data: [{
      type: "scatter",
      mode: "markers",
      x: finiteOrNull(numberArray(data.x, "x", what)),
      y: finiteOrNull(numberArray(data.y, "y", what)),
      ...(data.text ? { text: Array.from(data.text) } : {}),
      marker,
    }],
    layout,
  };
}
