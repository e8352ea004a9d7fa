import { column, numbers } from "./_columns.ts";
import { baseLayout, GRID } from "./_layout.ts";
import type { Columns, Figure } from "./types.ts";

/** Options for {@linkcode ivSmileFigure}. */
export interface IvSmileFigureOptions {
  /** Column names. @default { strike: "strike", iv: "iv", expiry: "expiry" } */
  columns?: { strike?: string; iv?: string; expiry?: string };
  /** Underlying price, drawn as a dashed vertical line. */
  spot?: number;
  /** Chart title. @default "Implied volatility smile" */
  title?: string;
  /** Figure height in px. @default 420 */
  height?: number;
}

/**
 * Implied-volatility smile: IV (in percent) against strike, one line per expiry.
 *
 * `iv` is a fraction per year (0.2 = 20 vol points) as the greeks module returns it;
 * rows with NaN or null IV are skipped (no IV could be implied). Expiries are sorted
 * ascending, strikes within an expiry ascending.
 *
 * @param table Option rows with strike, iv and expiry (text `YYYY-MM-DD` or Date).
 * @param options Column names, spot line, title.
 * @returns A Plotly figure with one `scatter` (lines+markers) trace per expiry.
 * @throws {TypeError} When a column is missing or strike/iv are not numeric.
 * @example
 * ```ts
 * import { ivSmileFigure } from "./iv_smile_figure.ts";
 * import assert from "node:assert/strict";
 * const chain = { strike: [600, 590, 610], iv: [0.18, 0.21, NaN], expiry: ["2025-03-21", "2025-03-21", "2025-03-21"] };
 * const fig = ivSmileFigure(chain, { spot: 601 });
 * const smile = fig.data[0] as { x: number[]; y: number[] };
 * assert.deepEqual([smile.x, smile.y], [[590, 600], [21, 18]]);
 * ```
 */
export function ivSmileFigure(table: Columns, options: IvSmileFigureOptions = {}): Figure {
  const { spot, title = "Implied volatility smile", height = 420 } = options;
  const what = "IV smile figure";
  const c = { strike: "strike", iv: "iv", expiry: "expiry", ...options.columns };
  const strikes = numbers(table, c.strike, what);
  const ivs = numbers(table, c.iv, what);
  const expiries = column(table, c.expiry, what).map(expiryKey);
  const groups = new Map<string, [number, number][]>();
  for (let i = 0; i < strikes.length; i++) {
    if (!Number.isFinite(ivs[i]) || !Number.isFinite(strikes[i])) continue;
    const g = groups.get(expiries[i]) ?? [];
    g.push([strikes[i], Math.round(ivs[i] * 100 * 1e10) / 1e10]);
    groups.set(expiries[i], g);
  }
  const layout = baseLayout(title, height);
  layout.xaxis = { ...GRID, title: { text: "strike" } };
  layout.yaxis = { ...GRID, title: { text: "implied volatility %" }, ticksuffix: "%" };
  layout.hovermode = "closest";
  if (spot !== undefined) {
    layout.shapes = [{
      type: "line",
      xref: "x",
      yref: "paper",
      x0: spot,
      x1: spot,
      y0: 0,
      y1: 1,
      line: { dash: "dash", color: "#555555", width: 1 },
    }];
  }
  return {
    data: [...groups.keys()].sort().map((expiry) => {
      const pts = groups.get(expiry)!.sort((a, b) => a[0] - b[0]);
      return {
        type: "scatter" as const,
        mode: "lines+markers" as const,
        name: expiry,
        x: pts.map((p) => p[0]),
        y: pts.map((p) => p[1]),
      };
    }),
    layout,
  };
}

function expiryKey(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}
