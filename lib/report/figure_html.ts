import { escapeHtml, scriptSafeJson } from "./_json.ts";
import type { Figure } from "./types.ts";

/** Options for {@linkcode figureHtml}. */
export interface FigureHtmlOptions {
  /** Element id, unique on the page (letters, digits, `-`, `_`). */
  id: string;
  /** CSS height of the plot when the layout sets none. @default "480px" */
  height?: string;
}

/**
 * HTML for one figure: an empty `<div>`, the figure as inert JSON in a
 * `<script type="application/json">`, and a one-line script that draws it with
 * `window.Plotly`, or, while that is missing, with the page's compressed copy of
 * plotly.js once `window.strikelabPlotly()` has decoded it. It does not include
 * plotly.js itself: pages add it once (see {@linkcode reportPage} and
 * {@linkcode createDisplay}). Without plotly.js the div says so instead of staying
 * blank.
 *
 * @param figure A Plotly figure.
 * @param options The element id (required) and the default height.
 * @returns An HTML fragment.
 * @throws {TypeError} When the id has characters other than letters, digits, `-`, `_`.
 * @example
 * ```ts
 * import { figureHtml } from "./figure_html.ts";
 * import assert from "node:assert/strict";
 * const html = figureHtml({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: {} }, { id: "f1" });
 * assert.ok(html.startsWith('<div id="f1" class="strikelab-figure"'));
 * ```
 */
export function figureHtml(figure: Figure, options: FigureHtmlOptions): string {
  const { id, height = "480px" } = options;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new TypeError(`Cannot render figure: id must be letters, digits, - or _, got "${id}"`);
  }
  const style = figure.layout.height ? "" : ` style="height:${escapeHtml(height)}"`;
  const config = { responsive: true, displaylogo: false, ...figure.config };
  const json = scriptSafeJson({ data: figure.data, layout: figure.layout, config });
  const draw = `(function(){var el=document.getElementById("${id}"),` +
    `src=document.getElementById("${id}-json"),plain=src.type==="application/json";` +
    `function draw(fig){window.Plotly.newPlot(el,fig);}` +
    `function fail(e){el.textContent="plotly.js could not be loaded, so this chart cannot be drawn: "+e.message;}` +
    `if(window.Plotly&&plain){draw(JSON.parse(src.textContent));}` +
    `else if(window.strikelabPlotly){window.strikelabPlotly().then(function(){` +
    `return plain?JSON.parse(src.textContent):window.strikelabFigure(src);}).then(draw,fail);}` +
    `else{el.textContent="plotly.js is not loaded on this page, so this chart cannot be drawn.";}})();`;
  const title = typeof figure.layout.title === "string"
    ? figure.layout.title
    : figure.layout.title?.text;
  const label = title ? ` role="img" aria-label="${escapeHtml(title)}"` : "";
  return `<div id="${id}" class="strikelab-figure"${label}${style}></div>` +
    `<script type="application/json" id="${id}-json">${json}</script>` +
    `<script>${draw}</script>`;
}
