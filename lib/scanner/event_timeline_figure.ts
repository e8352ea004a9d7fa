import pl from "nodejs-polars";
import type { Shape } from "plotly.js-dist-min";
import { eventColumns } from "./_event_columns.ts";
import {
  baseLayout,
  directionColor,
  DOWN,
  FAINT,
  nyText,
  PRICE,
  REFERENCE,
  type ScannerFigure,
  UP,
} from "./_figure.ts";
import { collectFrame, orderPrices, prepareMinutes } from "./_prepare.ts";
import { fillReference } from "./_reference.ts";
import { resolveScan } from "./_resolve.ts";
import type { ScanOptions } from "./options.ts";

/** Options for {@linkcode eventTimelineFigure}: the contract-day, and the scan's options. */
export interface EventTimelineFigureOptions extends ScanOptions {
  /** The option, e.g. `O:SPY250304C00601000`. */
  ticker: string;
  /** The trading date `YYYY-MM-DD`. */
  date: string;
  /** @default {"<ticker> on <date>: <n> events"} */
  title?: string;
  /** Figure height in px. @default {450} */
  height?: number;
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * One contract-day's option price by minute (New York time) with the scan's reference and
 * threshold lines and its events shaded from trigger to the end of the last above minute.
 * Pass the scan's own options so the lines match the events (`price: "high_low"` also draws
 * the high and low).
 *
 * @param frame The minutes that were scanned (other contracts and days are ignored).
 * @param events The frame {@linkcode scan} returned; events of other contract-days ignored.
 * @returns A plain Plotly figure; shaded spans are `layout.shapes`.
 * @throws {RangeError} when the frame has no traded minute of the contract on that date,
 *   or for bad scan options.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { eventTimelineFigure, scan } from "@lib/scanner/mod.ts";
 * import { equal } from "node:assert/strict";
 * const t0 = Date.UTC(2025, 2, 4, 14, 30);
 * const frame = pl.DataFrame({
 *   ticker: ["O:SPY250304C00601000", "O:SPY250304C00601000"],
 *   ts: [new Date(t0), new Date(t0 + 60_000)],
 *   open: [1, 1], high: [1, 1.3], low: [1, 1], close: [1, 1.25],
 * });
 * const fig = eventTimelineFigure(frame, scan(frame), {
 *   ticker: "O:SPY250304C00601000", date: "2025-03-04",
 * });
 * equal(fig.layout.shapes?.length, 1);
 * ```
 */
export function eventTimelineFigure(
  frame: pl.DataFrame | pl.LazyDataFrame,
  events: pl.DataFrame,
  options: EventTimelineFigureOptions,
): ScannerFigure {
  const what = "build event timeline";
  const { ticker, date, height = 450 } = options;
  const o = resolveScan(options);
  const df = collectFrame(frame, what).filter(pl.col("ticker").cast(pl.Utf8).eq(pl.lit(ticker)));
  const prep = prepareMinutes(df, what);
  const g = prep.days.date.indexOf(date);
  if (g < 0) {
    throw new RangeError(`Cannot ${what}: the frame has no traded minute of ${ticker} on ${date}`);
  }
  const p = orderPrices(prep, o.price);
  const ref = fillReference(p, o.reference, o.windowMin, new Float64Array(p.tsMs.length));
  const k = Array.from({ length: p.start[g + 1] - p.start[g] }, (_, i) => p.start[g] + i);
  const x = k.map((i) => nyText(p.tsMs[i]));
  const line = (name: string, y: number[], style: Record<string, unknown>) => ({
    type: "scatter" as const,
    mode: "lines" as const,
    name,
    x,
    y: y.map(finite),
    line: { shape: "hv" as const, width: 1.5, ...style },
  });
  const close = k.map((i) => prep.cols.close[prep.index.rows[i]]);
  const data: ScannerFigure["data"] = [{
    ...line("close", close, { color: PRICE, shape: "linear", width: 2 }),
    mode: "lines+markers",
    marker: { size: 3 },
  }];
  if (o.price === "high_low") {
    data.push(line("high", k.map((i) => p.upPrice[i]), { color: FAINT, dash: "dot", width: 1 }));
    data.push(line("low", k.map((i) => p.downPrice[i]), { color: FAINT, dash: "dot", width: 1 }));
  }
  const refName = o.reference === "open"
    ? "open"
    : `${o.windowMin}-min ${o.reference.replace("_", " ")}`;
  data.push(
    line(`reference (${refName})`, k.map((i) => ref[i]), { color: REFERENCE, dash: "dash" }),
  );
  const pct = `${+(o.threshold * 100).toFixed(4)}%`;
  if (o.direction !== "down") {
    data.push(
      line(`+${pct}`, k.map((i) => ref[i] * (1 + o.threshold)), { color: UP, dash: "dot" }),
    );
  }
  if (o.direction !== "up") {
    data.push(
      line(`-${pct}`, k.map((i) => ref[i] * (1 - o.threshold)), { color: DOWN, dash: "dot" }),
    );
  }
  const ev = eventColumns(events, what);
  const day = prep.index.day[g];
  const shapes: Partial<Shape>[] = [];
  ev.ticker.forEach((t, e) => {
    if (t !== ticker || ev.day[e] !== day) return;
    shapes.push({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0: nyText(ev.triggerTsMs[e]),
      x1: nyText(ev.endTsMs[e] + 60_000),
      y0: 0,
      y1: 1,
      fillcolor: directionColor(ev.direction[e]),
      opacity: 0.18,
      line: { width: 0 },
      layer: "below",
    });
  });
  const n = shapes.length;
  const title = options.title ?? `${ticker} on ${date}: ${n} event${n === 1 ? "" : "s"}`;
  const layout = baseLayout(title, height);
  layout.shapes = shapes;
  layout.xaxis = { ...layout.xaxis, type: "date", title: { text: "New York time" } };
  layout.yaxis = { ...layout.yaxis, title: { text: "option price ($)" } };
  return { data, layout };
}
