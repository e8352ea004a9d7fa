import { finiteOrNull, numberArray } from "./_columns.ts";
import { baseLayout, GRID } from "./_layout.ts";
import type { Figure } from "./types.ts";

/** Input of {@linkcode barFigure}: categories and one or more value series. */
export interface BarFigureData {
  /** Category labels (or numbers), one per bar. */
  x: ArrayLike<string | number>;
  /** Values, or `{ name: values }` for grouped bars. */
  y: ArrayLike<number> | Record<string, ArrayLike<number>>;
}

/** Options for {@linkcode barFigure}. */
export interface BarFigureOptions {
  /** Chart title. */
  title?: string;
  /** Axis titles. */
  xTitle?: string;
  yTitle?: string;
  /** Horizontal bars (categories on the y axis). @default false */
  horizontal?: boolean;
  /** How several series share a category. @default "group" */
  barmode?: "group" | "stack" | "relative";
  /** Figure height in px. @default 380 */
  height?: number;
}

/**
 * Bar chart of values per category, one trace per series.
 *
 * @param data Categories and values (NaN becomes a missing bar).
 * @param options Titles, orientation, grouping.
 * @returns A Plotly figure with one `bar` trace per series.
 * @throws {RangeError} When a series' length differs from the categories'.
 * @example
 * ```ts
 * import { barFigure } from "./bar_figure.ts";
 * import assert from "node:assert/strict";
 * const fig = barFigure({ x: ["SPY", "QQQ"], y: { calls: [3, 1], puts: [2, 4] } });
 * assert.deepEqual(fig.data.map((t) => t.name), ["calls", "puts"]);
 * ```
 */
export function barFigure(data: BarFigureData, options: BarFigureOptions = {}): Figure {
  const { title, xTitle, yTitle, horizontal = false, barmode = "group", height = 380 } = options;
  const what = "bar figure";
  const cats = Array.from(data.x);
  const series = Array.isArray(data.y) || ArrayBuffer.isView(data.y)
    ? { value: data.y as ArrayLike<number> }
    : (data.y as Record<string, ArrayLike<number>>);
  const layout = baseLayout(title, height);
  layout.barmode = barmode;
  const catAxis = { ...GRID, type: "category" as const, title: { text: xTitle ?? "" } };
  const valAxis = { ...GRID, title: { text: yTitle ?? "" } };
  layout.xaxis = horizontal ? valAxis : catAxis;
  layout.yaxis = horizontal ? { ...catAxis, autorange: "reversed" as const } : valAxis;
  layout.showlegend = Object.keys(series).length > 1;
  return {
    data: Object.entries(series).map(([name, v]) => {
      if (v.length !== cats.length) {
        throw new RangeError(
          `Cannot build ${what}: series "${name}" has ${v.length} values for ${cats.length} categories`,
        );
      }
      const vals = finiteOrNull(numberArray(v, name, what));
      return horizontal
        ? { type: "bar" as const, name, x: vals, y: cats, orientation: "h" as const }
        : { type: "bar" as const, name, x: cats, y: vals };
    }),
    layout,
  };
}
