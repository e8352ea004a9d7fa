import PLOTLY_SOURCE from "plotly.js-dist-min/plotly.min.js" with { type: "text" };

/** Version of the inlined plotly.js bundle, read from the bundle's own header. */
export const PLOTLY_VERSION: string = /plotly\.js v(\d+\.\d+\.\d+)/.exec(PLOTLY_SOURCE)?.[1] ??
  "unknown";

/** Attribute that marks the one inlined copy of plotly.js on a page. */
export const PLOTLY_MARK = "data-strikelab-plotly";

if (/<\/script/i.test(PLOTLY_SOURCE) || /<script/i.test(PLOTLY_SOURCE)) {
  throw new TypeError("Cannot inline plotly.js: the bundle contains a <script> tag sequence");
}

/** The whole plotly.js bundle in one `<script>` element, marked with `PLOTLY_MARK`. */
export function plotlyScriptTag(): string {
  return `<script ${PLOTLY_MARK}="${PLOTLY_VERSION}">${PLOTLY_SOURCE}</script>`;
}
