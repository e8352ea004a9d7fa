/**
 * Where across a whole chain the moves happen: events by moneyness bucket and days to expiry.
 *
 * @module
 */
import pl from "nodejs-polars";
import { type Figure, heatmapFigure } from "../report/mod.ts";
import { MONEYNESS_BUCKETS } from "./event_schema.ts";

/** Days-to-expiry bands of {@linkcode eventsByMoneynessDteFigure}: [label, first, last]. */
export const DTE_BANDS: readonly [string, number, number][] = [
  ["0", 0, 0],
  ["1", 1, 1],
  ["2-7", 2, 7],
  ["8-30", 8, 30],
  ["31-60", 31, 60],
  [">60", 61, Infinity],
];

/**
 * A heatmap of event counts: moneyness bucket (rows, ITM to OTM) by days-to-expiry band
 * (columns, {@linkcode DTE_BANDS}), every cell labelled; events with no bucket (unknown
 * underlying price) are left out.
 *
 * @param events The `scan()` events (`moneyness_bucket`, `dte`).
 * @returns A Plotly figure with one heatmap trace.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { eventsByMoneynessDteFigure } from "@lib/scanner/mod.ts";
 * import { deepEqual } from "node:assert/strict";
 * const events = pl.DataFrame({
 *   moneyness_bucket: ["ATM <=0.25%", "ATM <=0.25%", "OTM >1%"],
 *   dte: [0, 0, 9],
 * });
 * const z = (eventsByMoneynessDteFigure(events).data[0] as { z: number[][] }).z;
 * deepEqual(z[2], [2, 0, 0, 0, 0, 0]); // ATM row
 * deepEqual(z[4], [0, 0, 0, 1, 0, 0]); // OTM >1% row
 * ```
 */
export function eventsByMoneynessDteFigure(events: pl.DataFrame): Figure {
  const buckets = events.getColumn("moneyness_bucket").toArray() as (string | null)[];
  const dte = events.getColumn("dte").cast(pl.Float64).toArray() as (number | null)[];
  const z = MONEYNESS_BUCKETS.map(() => DTE_BANDS.map(() => 0));
  buckets.forEach((b, i) => {
    const row = MONEYNESS_BUCKETS.indexOf(b as typeof MONEYNESS_BUCKETS[number]);
    const d = dte[i];
    const col = d === null ? -1 : DTE_BANDS.findIndex(([, lo, hi]) => d >= lo && d <= hi);
    if (row >= 0 && col >= 0) z[row][col]++;
  });
  return heatmapFigure({
    x: DTE_BANDS.map(([label]) => label),
    y: [...MONEYNESS_BUCKETS],
    z,
    title: "Events by moneyness and days to expiry",
  }, { xTitle: "days to expiry", yTitle: "moneyness at the trigger", decimals: 0 });
}
