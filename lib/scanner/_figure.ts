/**
 * What the scanner's figure builders share: the figure type (a plain Plotly figure, the
 * shape `lib/report` pages and notebook displays take), colours, layout and time labels.
 *
 * @module
 */
import type { Data, Layout } from "plotly.js-dist-min";
import { nyClock } from "../calendar/mod.ts";

/** A plain Plotly figure: what `Plotly.newPlot(div, data, layout)` takes. */
export interface ScannerFigure {
  data: Data[];
  layout: Partial<Layout>;
}

/** Up and down colours (as `lib/report`'s candles). */
export const UP = "#26a69a";
export const DOWN = "#ef5350";
/** Okabe–Ito blue, orange and grey for prices, references and thresholds. */
export const PRICE = "#0072B2";
export const REFERENCE = "#E69F00";
export const FAINT = "#9e9e9e";

/** Title, size, white background, light grid, legend on top. */
export function baseLayout(title: string, height: number): Partial<Layout> {
  return {
    title: { text: title },
    height,
    margin: { l: 60, r: 20, t: 60, b: 50 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    legend: { orientation: "h", y: 1.02, yanchor: "bottom", x: 0, xanchor: "left" },
    xaxis: { gridcolor: "#e5e5e5", zerolinecolor: "#c8c8c8" },
    yaxis: { gridcolor: "#e5e5e5", zerolinecolor: "#c8c8c8" },
  };
}

/**
 * New York wall-clock text `YYYY-MM-DD HH:MM:SS` of an instant: Plotly date axes read it
 * as is, so the chart shows exchange time whatever the viewer's time zone.
 */
export function nyText(tsMs: number): string {
  const c = nyClock(tsMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${c.date} ${pad(c.hour)}:${pad(c.minute)}:00`;
}

/** `up` in the up colour, anything else in the down colour. */
export function directionColor(direction: string): string {
  return direction === "up" ? UP : DOWN;
}
