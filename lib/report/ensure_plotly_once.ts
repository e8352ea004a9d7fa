import { PLOTLY_MARK, plotlyScriptTag } from "./_plotly.ts";

const COPY = new RegExp(`<script ${PLOTLY_MARK}="[^"]*">[\\s\\S]*?</script>`, "g");

/** Result of {@linkcode ensurePlotlyOnce}. */
export interface EnsurePlotlyOnceResult {
  html: string;
  /** Inlined copies found in the input (0, 1, or more when several sessions inlined it). */
  copiesFound: number;
}

/**
 * Makes a page hold exactly one inlined plotly.js when it has figures: extra copies
 * (e.g. from two display sessions in one notebook) are removed, keeping the first; a
 * page with figures but no copy gets one at the end of `<head>` (before any figure
 * script runs). A page without figures is returned unchanged.
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
  const deduped = html.replace(COPY, (m) => (++copiesFound === 1 ? m : ""));
  if (copiesFound > 0 || !deduped.includes(`class="strikelab-figure"`)) {
    return { html: deduped, copiesFound };
  }
  const at = deduped.search(/<\/head>/i);
  const lib = plotlyScriptTag();
  const out = at < 0 ? lib + deduped : deduped.slice(0, at) + lib + deduped.slice(at);
  return { html: out, copiesFound };
}
