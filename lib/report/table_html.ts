import { frameView } from "./_frame_view.ts";
import { escapeHtml } from "./_json.ts";
import type { Columns } from "./types.ts";

/** Options for {@linkcode tableHtml}. */
export interface TableHtmlOptions {
  /** Most rows shown: the first half and the last half when the table is longer. @default 20 */
  maxRows?: number;
  /** Significant digits of non-integer numbers. @default 6 */
  precision?: number;
  /** Caption above the summary line. */
  title?: string;
}

/**
 * An HTML table that says what it shows: a summary line with the shape
 * (`1,234 rows × 5 columns`) and which rows were kept, the column types under the
 * names (Polars dtypes for a DataFrame), and a `…` row where rows were cut.
 *
 * Unlike Deno's built-in DataFrame display (which silently stops at 50 rows), nothing is
 * cut without saying so. Dates print as UTC ISO text, nulls as `null`.
 *
 * @param table A Polars DataFrame or plain columns.
 * @param options Row limit, number precision, title.
 * @returns An HTML fragment (`<div class="strikelab-table">…</div>`).
 * @throws {RangeError} When `maxRows` is below 2.
 * @example
 * ```ts
 * import { tableHtml } from "./table_html.ts";
 * import assert from "node:assert/strict";
 * const html = tableHtml({ strike: [590, 600, 610], iv: [0.2, 0.18, 0.19] }, { maxRows: 2 });
 * assert.ok(html.includes("3 rows × 2 columns · showing rows 1–1 and 3–3 of 3"));
 * ```
 */
export function tableHtml(table: Columns, options: TableHtmlOptions = {}): string {
  const { maxRows = 20, precision = 6, title } = options;
  const v = frameView(table, maxRows, precision, "table");
  const shape = `${v.rows.toLocaleString("en-US")} rows × ${v.names.length} columns · ${v.note}`;
  const th = v.names.map((n) => `<th>${escapeHtml(n)}</th>`).join("");
  const types = v.types.map((t) => `<th class="dtype">${escapeHtml(t)}</th>`).join("");
  const row = (cells: string[]) =>
    `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  const body = [
    ...v.cells.slice(0, v.head.length).map(row),
    ...(v.tail.length > 0 ? [`<tr class="cut"><td colspan="${v.names.length}">…</td></tr>`] : []),
    ...v.cells.slice(v.head.length).map(row),
  ].join("");
  return `<div class="strikelab-table">` +
    (title === undefined ? "" : `<p class="strikelab-table-title">${escapeHtml(title)}</p>`) +
    `<p class="strikelab-table-shape">${shape}</p>` +
    `<table><thead><tr>${th}</tr><tr>${types}</tr></thead><tbody>${body}</tbody></table></div>`;
}
