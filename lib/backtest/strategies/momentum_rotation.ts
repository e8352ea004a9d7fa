// Cross-sectional momentum rotation over several symbols.
import type { Strategy } from "./types.ts";
import { keyWindow, trailingReturn } from "./_util.ts";

/** Whether bar `i` is the first of a UTC calendar month (bar 0 is not). */
function monthStarts(tsMs: Float64Array): Uint8Array {
  const out = new Uint8Array(tsMs.length);
  let prev = -1;
  for (let i = 0; i < tsMs.length; i++) {
    const d = new Date(tsMs[i]);
    const ym = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (i > 0 && ym !== prev) out[i] = 1;
    prev = ym;
  }
  return out;
}

/**
 * `momentum_rotation`: on the first bar of each month (UTC month of `ts`, the New York
 * month for regular-session and daily bars), rank the symbols by trailing return over
 * `lookback` bars up to that bar's close and hold the `top` best at `1/top` of the
 * portfolio each, the rest at 0. The orders fill by the usual execution rule (next open by
 * default). Symbols without a trailing return that bar are not held; ties go to the
 * alphabetically first symbol.
 */
export const momentumRotation: Strategy = {
  name: "momentum_rotation",
  doc: "Momentum rotation: monthly, hold the top N symbols by trailing return, equal weight",
  output: "orders",
  params: {
    lookback: {
      min: 1,
      max: 100_000,
      integer: true,
      default: 63,
      doc: "trailing return window, bars",
    },
    top: { min: 1, max: 1_000, integer: true, default: 1, doc: "symbols held" },
  },
  check: () => null,
  warmupBars: (p) => p.lookback,
  indicators: (p) => [`ret:${p.lookback}`],
  indicator: (key, m) => trailingReturn(m, keyWindow(key, "ret")),
  plan: (m, p, ind, out) => {
    if (p.top > m.nAssets) {
      throw new RangeError(
        `Cannot run momentum_rotation: top must be <= ${m.nAssets} symbols, got ${p.top}`,
      );
    }
    const ret = ind(`ret:${p.lookback}`), n = m.nBars, starts = monthStarts(m.tsMs);
    out.orders.fill(NaN);
    const order = Array.from({ length: m.nAssets }, (_, a) => a);
    for (let i = 0; i < n; i++) {
      if (starts[i] === 0) continue;
      const ok = order.filter((a) => ret[a * n + i] === ret[a * n + i]);
      if (ok.length === 0) continue;
      ok.sort((x, y) => ret[y * n + i] - ret[x * n + i] || x - y);
      for (let a = 0; a < m.nAssets; a++) out.orders[a * n + i] = 0;
      for (let k = 0; k < Math.min(p.top, ok.length); k++) out.orders[ok[k] * n + i] = 1 / p.top;
    }
  },
};
