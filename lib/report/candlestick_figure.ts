import { timeAxis, type TimeAxisOptions } from "./_axis.ts";
import { finiteOrNull, numbers } from "./_columns.ts";
import { baseLayout, DOWN, GRID, UP } from "./_layout.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode candlestickFigure}. */
export interface CandlestickFigureOptions extends TimeAxisOptions {
  /** Add a volume panel (bars coloured by the candle's direction). @default true */
  volume?: boolean;
  /** Chart title. */
  title?: string;
  /** Column names. @default { ts: "ts", open: "open", high: "high", low: "low", close: "close", volume: "volume" } */
  columns?: Partial<Record<"ts" | "open" | "high" | "low" | "close" | "volume", string>>;
  /** Figure height in px. @default 560 */
  height?: number;
}

/**
 * Candlestick chart of OHLC bars, with an optional volume panel below (22% of the
 * height, sharing the time axis).
 *
 * Time is shown as wall-clock time in `timeZone`; weekends, overnight hours and
 * weekdays without bars are cut out unless `hideGaps` is false. The range slider is off.
 *
 * @param table Bars: a Polars DataFrame or plain columns, sorted by time.
 * @param options Volume panel, title, column names, time zone.
 * @returns A Plotly figure: a `candlestick` trace, plus a `bar` trace on `y2` with volume.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import { candlestickFigure } from "./candlestick_figure.ts";
 * import assert from "node:assert/strict";
 * const bars = { ts: [Date.UTC(2025, 2, 3, 14, 30)], open: [1], high: [2], low: [0.5], close: [1.5], volume: [900] };
 * const fig = candlestickFigure(bars);
 * assert.deepEqual(fig.data.map((t) => t.type), ["candlestick", "bar"]);
 * ```
 */
export function candlestickFigure(table: Columns, options: CandlestickFigureOptions = {}): Figure {
  const { volume = true, title, height = 560 } = options;
  const what = "candlestick figure";
  const c = {
    ts: "ts",
    open: "open",
    high: "high",
    low: "low",
    close: "close",
    volume: "volume",
    ...options.columns,
  };
  const axis = timeAxis(table, c.ts, options, what);
  const open = numbers(table, c.open, what);
  const close = numbers(table, c.close, what);
  const layout = baseLayout(title, height);
  layout.showlegend = false;
  layout.xaxis = {
    ...GRID,
    type: "date",
    rangeslider: { visible: false },
    ...(volume ? { anchor: "y2" as const } : {}),
    rangebreaks: axis.rangebreaks,
    title: { text: axis.title },
  };
  layout.yaxis = { ...GRID, title: { text: "price" }, domain: volume ? [0.28, 1] : [0, 1] };
  const data: Figure["data"] = [{
    type: "candlestick",
    name: "price",
    x: axis.x,
    open: finiteOrNull(open),
    high: finiteOrNull(numbers(table, c.high, what)),
    low: finiteOrNull(numbers(table, c.low, what)),
    close: finiteOrNull(close),
    increasing: { line: { color: UP } },
    decreasing: { line: { color: DOWN } },
  }];
  if (volume) {
    layout.yaxis2 = { ...GRID, title: { text: "volume" }, domain: [0, 0.22] };
    data.push({
      type: "bar",
      name: "volume",
      x: axis.x,
      y: finiteOrNull(numbers(table, c.volume, what)),
      yaxis: "y2",
      marker: { color: close.map((v, i) => (v >= open[i] ? UP : DOWN)) },
    });
  }
  return { data, layout };
}
