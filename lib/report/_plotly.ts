import { PLOTLY_LOADER, PLOTLY_VERSION, plotlyBlobTag } from "./_plotly_blob.ts";

export { PLOTLY_VERSION };

/** Attribute that marks the one copy of plotly.js (compressed) on a page. */
export const PLOTLY_MARK = "data-strikelab-plotly";

/**
 * plotly.js for a page: the compressed bundle (marked with `PLOTLY_MARK`) and the
 * loader that decodes it on first use (see `_plotly_blob.ts`). `"b125"` (1.30 MB)
 * for HTML files, `"b91"` (1.38 MB, printable) for notebook outputs.
 */
export function plotlyScriptTag(encoding: "b91" | "b125"): string {
  return plotlyBlobTag(encoding) + PLOTLY_LOADER;
}

/** Only the loader (3 KB): what each figure of a notebook carries. */
export function plotlyLoaderTag(): string {
  return PLOTLY_LOADER;
}
