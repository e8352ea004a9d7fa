import { isFrame } from "./_columns.ts";
import { plotlyLoaderTag, plotlyScriptTag } from "./_plotly.ts";
import { tableText } from "./_table_text.ts";
import { figureHtml } from "./figure_html.ts";
import { tableHtml } from "./table_html.ts";
import type { Columns, Figure } from "./types.ts";

/** The symbol the Deno Jupyter kernel calls to get an object's MIME bundle. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** What a cell can return (or pass to `Deno.jupyter.display`) to be shown richly. */
export interface Displayable {
  [JUPYTER_DISPLAY](): Record<string, unknown>;
}

/** Per-call options of a {@linkcode NotebookDisplay}. */
export interface DisplayOptions {
  /** Figure height when the layout sets none. @default "480px" */
  height?: string;
  /** Table: most rows shown (first and last halves). @default 20 */
  maxRows?: number;
  /** Table: significant digits. @default 6 */
  precision?: number;
  /** Table caption. */
  title?: string;
}

/** Display helpers bound to one notebook session. */
export interface NotebookDisplay {
  /** A figure as `text/html` (plus `application/vnd.plotly.v1+json` and a text summary). */
  figure(figure: Figure, options?: DisplayOptions): Displayable;
  /** A table with its shape, column types and what was cut. */
  table(table: Columns, options?: DisplayOptions): Displayable;
  /** A figure or a table, whichever `value` is. */
  show(value: Figure | Columns, options?: DisplayOptions): Displayable;
}

/** Options for {@linkcode createDisplay}. */
export interface CreateDisplayOptions {
  /** Prefix of figure element ids. @default "strikelab-fig" */
  idPrefix?: string;
}

/**
 * Display helpers for the Deno Jupyter kernel, with the state one notebook needs: a
 * counter for unique, repeatable element ids, and whether plotly.js was sent yet.
 *
 * The first figure rendered carries plotly.js, compressed (1.38 MB instead of
 * 4.8 MB, so the kernel's iopub message stays small); every figure carries a 3 KB
 * loader that draws with `window.Plotly` or, when the page has none (a browser
 * reload of a saved notebook), decodes the compressed copy found in the page,
 * waiting up to 15 s for the output holding it to render. Exported with
 * nbconvert, the page holds plotly.js once and renders offline. The bundle is built when the kernel asks for it,
 * so a displayable that is never shown uses no id and sends no library. Frontends with
 * a Plotly renderer (VS Code, JupyterLab with the plotly extension) may draw the
 * `application/vnd.plotly.v1+json` part instead.
 *
 * @param options Id prefix.
 * @returns Display helpers; notebooks usually call `show` from this module instead.
 * @example
 * ```ts
 * import { createDisplay, JUPYTER_DISPLAY } from "./create_display.ts";
 * import assert from "node:assert/strict";
 * const d = createDisplay();
 * const fig = { data: [{ type: "bar" as const, x: ["a"], y: [1] }], layout: {} };
 * const first = d.figure(fig)[JUPYTER_DISPLAY]()["text/html"] as string;
 * const second = d.figure(fig)[JUPYTER_DISPLAY]()["text/html"] as string;
 * assert.ok(first.includes("data-strikelab-plotly") && !second.includes("data-strikelab-plotly"));
 * ```
 */
export function createDisplay(options: CreateDisplayOptions = {}): NotebookDisplay {
  const { idPrefix = "strikelab-fig" } = options;
  let count = 0;
  let plotlySent = false;
  const figure = (fig: Figure, opts: DisplayOptions = {}): Displayable => ({
    [JUPYTER_DISPLAY]() {
      count += 1;
      const lib = plotlySent ? plotlyLoaderTag() : plotlyScriptTag("b91");
      plotlySent = true;
      return {
        "text/html": lib + figureHtml(fig, { id: `${idPrefix}-${count}`, height: opts.height }),
        "application/vnd.plotly.v1+json": {
          data: fig.data,
          layout: fig.layout,
          config: fig.config ?? {},
        },
        "text/plain": figureSummary(fig),
      };
    },
  });
  const table = (t: Columns, opts: DisplayOptions = {}): Displayable => ({
    [JUPYTER_DISPLAY]() {
      const { maxRows = 20, precision = 6, title } = opts;
      return {
        "text/html": tableHtml(t, { maxRows, precision, title }),
        "text/plain": tableText(t, maxRows, precision),
      };
    },
  });
  const show = (value: Figure | Columns, opts?: DisplayOptions): Displayable =>
    isFigure(value) ? figure(value, opts) : table(value as Columns, opts);
  return { figure, table, show };
}

/** True when `value` has the shape of a Plotly figure (`data` array and `layout` object). */
export function isFigure(value: unknown): value is Figure {
  return typeof value === "object" && value !== null && !isFrame(value) &&
    Array.isArray((value as Figure).data) && typeof (value as Figure).layout === "object";
}

function figureSummary(fig: Figure): string {
  const title = fig.layout.title;
  const text = typeof title === "string" ? title : title?.text;
  const types = fig.data.map((t) => ("type" in t && t.type) || "scatter").join(", ");
  return `Plotly figure${text ? ` "${text}"` : ""}: ${fig.data.length} trace(s) (${types})`;
}
