import {
  createDisplay,
  type Displayable,
  type DisplayOptions,
  type NotebookDisplay,
} from "./create_display.ts";
import type { Columns, Figure } from "./types.ts";

let session: NotebookDisplay | undefined;

/**
 * Shows a figure or a table in a Deno Jupyter notebook: make it the cell's last
 * expression, or `await Deno.jupyter.display(show(x))` to show several from one cell.
 *
 * Figures render as `text/html`, with plotly.js (compressed) sent by the first figure of
 * the kernel session and a small loader in every figure, so charts survive a browser
 * reload (see {@linkcode createDisplay}); tables state their shape, column types (time
 * columns in New York time) and which rows were cut. All notebook cells share one session per kernel.
 *
 * @param value A Plotly figure (from the builders) or a Polars DataFrame / plain columns.
 * @param options Figure height; table row limit, precision, title.
 * @returns An object the Deno kernel displays.
 * @example
 * ```ts
 * import { show } from "./show.ts";
 * import { JUPYTER_DISPLAY } from "./create_display.ts";
 * import assert from "node:assert/strict";
 * const bundle = show({ strike: [600], iv: [0.18] })[JUPYTER_DISPLAY]();
 * assert.ok(String(bundle["text/plain"]).startsWith("1 rows × 2 columns"));
 * ```
 */
export function show(value: Figure | Columns, options?: DisplayOptions): Displayable {
  session ??= createDisplay();
  return session.show(value, options);
}
