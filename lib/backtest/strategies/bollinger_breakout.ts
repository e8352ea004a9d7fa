// Bollinger band breakout, long only.
import { crossedAboveBand, crossedBelow } from "../kernels/_cross.ts";
import { rollingStd, sma } from "../kernels/_rolling.ts";
import type { Strategy } from "./types.ts";
import { keyWindow, perAsset } from "./_util.ts";

/**
 * `bollinger_breakout`: enter long when close crosses above the upper band
 * `SMA(window) + k·σ` (population σ of the window), exit when it crosses below the middle
 * band `SMA(window)`.
 */
export const bollingerBreakout: Strategy = {
  name: "bollinger_breakout",
  doc: "Bollinger breakout: long when close crosses above SMA + k·sd, flat below the SMA",
  output: "signals",
  params: {
    window: { min: 2, max: 10_000, integer: true, default: 20, doc: "band window, bars" },
    k: { min: 0.1, max: 10, integer: false, default: 2, doc: "band width in standard deviations" },
  },
  check: () => null,
  warmupBars: (p) => p.window,
  indicators: (p) => [`sma:${p.window}`, `sd:${p.window}`],
  indicator: (key, m) => {
    if (key.startsWith("sd:")) {
      const w = keyWindow(key, "sd");
      return perAsset(m, (c, o, n, out) => rollingStd(c, o, n, w, out));
    }
    const w = keyWindow(key, "sma");
    return perAsset(m, (c, o, n, out) => sma(c, o, n, w, out));
  },
  plan: (m, p, ind, out) => {
    const mid = ind(`sma:${p.window}`), sd = ind(`sd:${p.window}`);
    for (let a = 0; a < m.nAssets; a++) {
      crossedAboveBand(m.close, mid, sd, p.k, a * m.nBars, m.nBars, out.longEntries);
      crossedBelow(m.close, mid, a * m.nBars, m.nBars, out.longExits);
    }
  },
};
