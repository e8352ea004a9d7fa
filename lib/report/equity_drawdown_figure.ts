import { timeAxis, type TimeAxisOptions } from "./_axis.ts";
import { finiteOrNull, numbers } from "./_columns.ts";
import { baseLayout, DOWN, GRID, PALETTE } from "./_layout.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode equityDrawdownFigure}. */
export interface EquityDrawdownFigureOptions extends TimeAxisOptions {
  /** Chart title. */
  title?: string;
  /** Column names. @default { ts: "ts", equity: "equity" } */
  columns?: { ts?: string; equity?: string };
  /** Figure height in px. @default 520 */
  height?: number;
}

/**
 * Equity curve with its drawdown underneath (two panels sharing the time axis).
 *
 * Drawdown at each point is `equity / running peak - 1`, drawn in percent (0 at a new
 * high, -25 when a quarter below the peak). NaN equity leaves a gap and does not move
 * the peak.
 *
 * @param table `{ ts, equity }` columns (UTC epoch ms or Dates; dollars), sorted by time.
 * @param options Title, column names, time zone.
 * @returns A Plotly figure: equity line on `y`, drawdown area (percent) on `y2`.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import { equityDrawdownFigure } from "./equity_drawdown_figure.ts";
 * import assert from "node:assert/strict";
 * const day = 86_400_000, t0 = Date.UTC(2025, 2, 3, 21);
 * const fig = equityDrawdownFigure({ ts: [t0, t0 + day, t0 + 2 * day], equity: [100, 80, 120] });
 * assert.deepEqual((fig.data[1] as { y: unknown }).y, [0, -20, 0]);
 * ```
 */
export function equityDrawdownFigure(
  table: Columns,
  options: EquityDrawdownFigureOptions = {},
): Figure {
  const { title, height = 520 } = options;
  const what = "equity/drawdown figure";
  const c = { ts: "ts", equity: "equity", ...options.columns };
  const axis = timeAxis(table, c.ts, options, what);
  const equity = numbers(table, c.equity, what);
  const layout = baseLayout(title, height);
  layout.hovermode = "x unified";
  layout.xaxis = {
    ...GRID,
    type: "date",
    anchor: "y2",
    rangebreaks: axis.rangebreaks,
    title: { text: axis.title },
  };
  layout.yaxis = { ...GRID, title: { text: "equity" }, domain: [0.35, 1] };
  layout.yaxis2 = { ...GRID, title: { text: "drawdown %" }, domain: [0, 0.28], ticksuffix: "%" };
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "equity",
        x: axis.x,
        y: finiteOrNull(equity),
        line: { color: PALETTE[0] },
      },
      {
        type: "scatter",
        mode: "lines",
        name: "drawdown",
        x: axis.x,
        y: finiteOrNull(drawdownPct(equity)),
        yaxis: "y2",
        fill: "tozeroy",
        line: { color: DOWN },
      },
    ],
    layout,
  };
}

function drawdownPct(equity: number[]): number[] {
  let peak = -Infinity;
  return equity.map((v) => {
    if (!Number.isFinite(v)) return NaN;
    peak = Math.max(peak, v);
    const dd = ((v - peak) / peak) * 100;
    return dd === 0 ? 0 : dd; // no -0
  });
}
