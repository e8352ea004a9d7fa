/**
 * Reports: Plotly figure builders, notebook display helpers and self-contained HTML
 * pages. Everything here is pure — builders take arrays or Polars DataFrames and return
 * plain Plotly figure objects; page and display helpers return strings and MIME
 * bundles. Writing files is left to `tasks/`.
 *
 * - Figures: {@linkcode lineFigure}, {@linkcode candlestickFigure} (with volume),
 *   {@linkcode equityDrawdownFigure}, {@linkcode monthlyReturnsFigure},
 *   {@linkcode histogramFigure}, {@linkcode barFigure}, {@linkcode scatterFigure},
 *   {@linkcode heatmapFigure}, {@linkcode sweepHeatmapFigure}, {@linkcode ivSmileFigure},
 *   {@linkcode ivSurfaceFigure}. Time axes show America/New_York wall-clock time and
 *   hide nights, weekends and holidays by default.
 * - Notebooks: {@linkcode show} (a figure, or a table that states shape, types and
 *   what was cut), {@linkcode createDisplay}; tooling {@linkcode clearNotebook},
 *   {@linkcode notebookToTypeScript}.
 * - Pages: {@linkcode reportPage}, {@linkcode figureHtml}, {@linkcode tableHtml},
 *   {@linkcode ensurePlotlyOnce}, {@linkcode externalReferences}.
 *
 * plotly.js: the full `plotly.js-dist-min` bundle (4.83 MB) goes once per page,
 * compressed (LZMA, 1.30 MB in an HTML file, 1.38 MB in a notebook output) and decoded
 * in the page by a small loader; figure JSON is compressed too in HTML files. No
 * partial bundle has candlestick, heatmap and 3D surface together, and two partial
 * bundles cannot share a page (each sets `window.Plotly`).
 *
 * @example
 * ```ts
 * import { candlestickFigure, externalReferences, reportPage } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const t0 = Date.UTC(2025, 2, 3, 14, 30);
 * const bars = { ts: [t0, t0 + 60_000], open: [600, 601], high: [602, 603], low: [599, 600], close: [601, 600.5], volume: [1200, 800] };
 * const html = reportPage({
 *   title: "SPY, 2025-03-03",
 *   metadata: { source: "sim", seed: 42 },
 *   sections: [{ heading: "Price", blocks: [{ figure: candlestickFigure(bars, { title: "SPY" }) }] }],
 * });
 * assert.deepEqual(externalReferences(html), []);
 * assert.equal(html.match(/data-strikelab-plotly/g)?.length, 1);
 * ```
 *
 * @module
 */
export type { Columns, Figure, FrameLike } from "./types.ts";
export { barFigure, type BarFigureData, type BarFigureOptions } from "./bar_figure.ts";
export { candlestickFigure, type CandlestickFigureOptions } from "./candlestick_figure.ts";
export { clearNotebook, type ClearNotebookResult } from "./clear_notebook.ts";
export {
  createDisplay,
  type CreateDisplayOptions,
  type Displayable,
  type DisplayOptions,
  isFigure,
  JUPYTER_DISPLAY,
  type NotebookDisplay,
} from "./create_display.ts";
export { ensurePlotlyOnce, type EnsurePlotlyOnceResult } from "./ensure_plotly_once.ts";
export {
  equityDrawdownFigure,
  type EquityDrawdownFigureOptions,
} from "./equity_drawdown_figure.ts";
export { externalReferences } from "./external_references.ts";
export { figureHtml, type FigureHtmlOptions } from "./figure_html.ts";
export {
  heatmapFigure,
  type HeatmapFigureData,
  type HeatmapFigureOptions,
} from "./heatmap_figure.ts";
export { histogramFigure, type HistogramFigureOptions } from "./histogram_figure.ts";
export { ivSmileFigure, type IvSmileFigureOptions } from "./iv_smile_figure.ts";
export { ivSurfaceFigure, type IvSurfaceFigureOptions } from "./iv_surface_figure.ts";
export { lineFigure, type LineFigureOptions } from "./line_figure.ts";
export {
  monthlyReturnsFigure,
  type MonthlyReturnsFigureOptions,
} from "./monthly_returns_figure.ts";
export { notebookToTypeScript, type NotebookTypeScript } from "./notebook_to_typescript.ts";
export {
  type ReportBlock,
  reportPage,
  type ReportPageSpec,
  type ReportSection,
} from "./report_page.ts";
export {
  scatterFigure,
  type ScatterFigureData,
  type ScatterFigureOptions,
} from "./scatter_figure.ts";
export { show } from "./show.ts";
export { sweepHeatmapFigure, type SweepHeatmapFigureOptions } from "./sweep_heatmap_figure.ts";
export { tableHtml, type TableHtmlOptions } from "./table_html.ts";
export { PLOTLY_VERSION } from "./_plotly.ts";
export { lakeOverviewPage, type LakeOverviewPageSpec } from "./lake_overview_page.ts";
