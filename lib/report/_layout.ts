import type { Layout } from "plotly.js-dist-min";

/** Colours used across figures (colour-blind-safe Okabe–Ito order). */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
];
/** Up and down colours for candles and volume. */
export const UP = "#26a69a";
export const DOWN = "#ef5350";

/**
 * Layout every builder starts from: title, margins, white background, legend on top. The
 * title sits at the top of the figure and the legend in a band between it and the plot, so
 * the two never overlap.
 */
export function baseLayout(title: string | undefined, height: number): Partial<Layout> {
  return {
    ...(title === undefined ? {} : { title: { text: title, y: 0.985, yanchor: "top" } }),
    height,
    margin: { l: 60, r: 20, t: title === undefined ? 40 : 90, b: 50 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: PALETTE,
    legend: { orientation: "h", y: 1.02, yanchor: "bottom", x: 0, xanchor: "left" },
  };
}

/** Light grid axis settings. */
export const GRID = { gridcolor: "#e5e5e5", zerolinecolor: "#c8c8c8" } as const;
