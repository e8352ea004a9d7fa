import { PLOTLY_MARK, plotlyScriptTag } from "./_plotly.ts";
import { compactFigures, PLOTLY_LOADER } from "./_plotly_blob.ts";

const COPY = new RegExp(`<script ${PLOTLY_MARK}="[^"]*"[^>]*>[\\s\\S]*?</script>`, "g");

/** Result of {@linkcode ensurePlotlyOnce}. */
export interface EnsurePlotlyOnceResult {
  html: string;
  /** Inlined copies found in the input (0, 1, or more when several sessions inlined it). */
  copiesFound: number;
}

/**
 * Makes a page hold exactly one copy of plotly.js (compressed) when it has figures:
 * the first copy found (e.g. the basE91 one of a notebook's first figure) is
 * replaced by the denser copy made for HTML files, and the others (from several
 * display sessions in one notebook) are removed; a page with figures but no copy
 * gets one at the end of `<head>`; and each figure's JSON is compressed (decoded in
 * the page). A page without figures is returned unchanged.
 *
 * @param html A page, e.g. nbconvert's export of an executed notebook.
 * @returns The fixed page and how many copies the input had.
 * @example
 * ```ts
 * import { ensurePlotlyOnce } from "./ensure_plotly_once.ts";
 * import assert from "node:assert/strict";
 * const page = "<html><head></head><body><div class=\"strikelab-figure\"></div></body></html>";
 * const { html, copiesFound } = ensurePlotlyOnce(page);
 * assert.equal(copiesFound, 0);
 * assert.equal(html.match(/data-strikelab-plotly/g)?.length, 1);
 * ```
 */
export function ensurePlotlyOnce(html: string): EnsurePlotlyOnceResult {
  let copiesFound = 0;
  const lib = plotlyScriptTag("b125");
  // Every notebook figure carries the loader; the page needs it once, beside the copy.
  html = html.split(PLOTLY_LOADER).join("");
  // Each copy (notebook outputs carry the printable basE91 one) goes; the first
  // becomes the denser copy made for HTML files.
  const deduped = html.replace(COPY, () => (++copiesFound === 1 ? lib : ""));
  if (!deduped.includes(`class="strikelab-figure"`)) return { html: deduped, copiesFound };
  if (copiesFound > 0) return { html: compactFigures(deduped), copiesFound };
  const at = deduped.search(/<\/head>/i);
  const out = at < 0 ? lib + deduped : deduped.slice(0, at) + lib + deduped.slice(at);
  return { html: compactFigures(out), copiesFound };
}
