import { finiteOrNull, numberArray } from "./_columns.ts";
import { baseLayout, GRID } from "./_layout.ts";
import type { Figure } from "./types.ts";

/** Options for {@linkcode histogramFigure}. */
export interface HistogramFigureOptions {
  /** Number of equal-width bins spanning all finite values. @default 40 */
  bins?: number;
  /** Bar height: counts, fraction of values, or percent of values. @default "count" */
  normalize?: "count" | "probability" | "percent";
  /** Chart title. */
  title?: string;
  /** X-axis title. */
  xTitle?: string;
  /** Figure height in px. @default 380 */
  height?: number;
}

/**
 * Histogram of one series, or several overlaid (semi-transparent) on shared bins.
 *
 * Bins are computed here, not by Plotly: `bins` equal-width bins from the smallest to
 * the largest finite value over all series, so the same input always gives the same
 * bars. NaN, null and ±Infinity are left out.
 *
 * @param values One array (typed arrays welcome) or `{ name: values }` for several.
 * @param options Bins, normalisation, titles.
 * @returns A Plotly figure with one `histogram` trace per series.
 * @throws {RangeError} When `bins` is not a positive integer.
 * @example
 * ```ts
 * import { histogramFigure } from "./histogram_figure.ts";
 * import assert from "node:assert/strict";
 * const fig = histogramFigure([0, 1, 2, 3, NaN], { bins: 3 });
 * assert.deepEqual((fig.data[0] as { xbins: unknown }).xbins, { start: 0, end: 3, size: 1 });
 * ```
 */
export function histogramFigure(
  values: ArrayLike<number> | Record<string, ArrayLike<number>>,
  options: HistogramFigureOptions = {},
): Figure {
  const { bins = 40, normalize = "count", title, xTitle, height = 380 } = options;
  const what = "histogram figure";
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`Cannot build ${what}: bins must be a positive integer, got ${bins}`);
  }
  const series = isArrayLike(values) ? { value: values } : values;
  const cleaned = Object.entries(series).map(([name, v]) =>
    [name, numberArray(v, name, what)] as const
  );
  let lo = Infinity, hi = -Infinity;
  for (const [, v] of cleaned) {
    for (const x of v) if (Number.isFinite(x)) (lo = Math.min(lo, x)), (hi = Math.max(hi, x));
  }
  const size = hi > lo ? (hi - lo) / bins : 1;
  const xbins = Number.isFinite(lo) ? { start: lo, end: hi > lo ? hi : lo + 1, size } : undefined;
  const layout = baseLayout(title, height);
  layout.barmode = "overlay";
  layout.bargap = 0.02;
  layout.xaxis = {
    ...GRID,
    title: { text: xTitle ?? (cleaned.length === 1 ? cleaned[0][0] : "") },
  };
  layout.yaxis = { ...GRID, title: { text: normalize === "count" ? "count" : normalize } };
  layout.showlegend = cleaned.length > 1;
  return {
    data: cleaned.map(([name, v]) => ({
      type: "histogram" as const,
      name,
      x: finiteOrNull(v).filter((x) => x !== null),
      ...(xbins ? { xbins, autobinx: false } : {}),
      histnorm: normalize === "count" ? "" as const : normalize,
      opacity: cleaned.length > 1 ? 0.6 : 1,
    })),
    layout,
  };
}

function isArrayLike(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}
