import { escapeHtml } from "./_json.ts";
import { PAGE_CSS } from "./_page_css.ts";
import { PLOTLY_VERSION, plotlyScriptTag } from "./_plotly.ts";
import { compactFigures } from "./_plotly_blob.ts";
import { figureHtml } from "./figure_html.ts";
import { tableHtml } from "./table_html.ts";
import type { Columns, Figure } from "./types.ts";

/** One block of a report section, shown in order. */
export type ReportBlock =
  | { figure: Figure; caption?: string; height?: string }
  | { table: Columns; title?: string; maxRows?: number; precision?: number }
  | { text: string }
  | { html: string };

/** A titled part of a report. */
export interface ReportSection {
  heading?: string;
  blocks: ReportBlock[];
}

/** What a report page shows. */
export interface ReportPageSpec {
  /** Page title (`<title>` and the top heading). */
  title: string;
  /** Line under the title. */
  subtitle?: string;
  /** Run metadata shown as a key/value table in the given order (run id, command, seed, dates…). */
  metadata?: Record<string, string | number | boolean>;
  sections: ReportSection[];
}

/**
 * A complete, self-contained HTML report page: title, run metadata, sections of
 * figures, tables and text. plotly.js goes once in `<head>`, compressed (1.30 MB), when
 * the page has a figure (and is left out when it has none), and each figure's JSON is
 * compressed (see `compactFigures`); no `src`/`href` points outside the file, so
 * it opens offline. The same input gives the same bytes: ids are numbered in order and
 * nothing reads the clock (pass a timestamp in `metadata` if you want one).
 *
 * `text` blocks are escaped and split into paragraphs on blank lines; `html` blocks are
 * inserted as given (trusted input only).
 *
 * @param spec Title, metadata and sections.
 * @returns The page as an HTML string; writing it to disk is the caller's job.
 * @throws {TypeError} When the title is empty.
 * @example
 * ```ts
 * import { reportPage } from "./report_page.ts";
 * import assert from "node:assert/strict";
 * const html = reportPage({ title: "Scan", metadata: { run: "r1" }, sections: [{ heading: "Notes", blocks: [{ text: "No events." }] }] });
 * assert.ok(html.startsWith("<!DOCTYPE html>") && !html.includes("data-strikelab-plotly"));
 * ```
 */
export function reportPage(spec: ReportPageSpec): string {
  if (spec.title.trim() === "") throw new TypeError("Cannot build report page: title is empty");
  let figures = 0;
  const block = (b: ReportBlock): string => {
    if ("figure" in b) {
      figures += 1;
      const html = figureHtml(b.figure, { id: `fig-${figures}`, height: b.height });
      const cap = b.caption === undefined
        ? ""
        : `<figcaption>${escapeHtml(b.caption)}</figcaption>`;
      return `<figure>${html}${cap}</figure>`;
    }
    if ("table" in b) {
      return tableHtml(b.table, { title: b.title, maxRows: b.maxRows, precision: b.precision });
    }
    if ("text" in b) {
      return b.text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join("");
    }
    return b.html;
  };
  const body = spec.sections.map((s) =>
    `<section>${s.heading === undefined ? "" : `<h2>${escapeHtml(s.heading)}</h2>`}${
      s.blocks.map(block).join("\n")
    }</section>`
  ).join("\n");
  const meta = Object.entries(spec.metadata ?? {});
  const metaHtml = meta.length === 0
    ? ""
    : `<table class="strikelab-meta">${
      meta.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(String(v))}</td></tr>`)
        .join("")
    }</table>`;
  const sub = spec.subtitle === undefined
    ? ""
    : `<p class="subtitle">${escapeHtml(spec.subtitle)}</p>`;
  const footer = `<footer>strikelab report${
    figures > 0 ? ` · charts by plotly.js ${PLOTLY_VERSION}, inlined` : ""
  }</footer>`;
  const page = [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(spec.title)}</title><style>${PAGE_CSS}</style>`,
    figures > 0 ? plotlyScriptTag("b125") : "",
    `</head><body><main><h1>${escapeHtml(spec.title)}</h1>${sub}${metaHtml}`,
    body,
    `${footer}</main></body></html>`,
    "",
  ].join("\n");
  return figures > 0 ? compactFigures(page) : page;
}
