// RSI mean reversion, long only.
import { crossedAbove, crossedBelow } from "../kernels/_cross.ts";
import { rsi } from "../kernels/_rolling.ts";
import type { Strategy } from "./types.ts";
import { keyWindow, perAsset } from "./_util.ts";

/**
 * `rsi_reversion`: enter long when Wilder's RSI(`window`) crosses below `lower`
 * (oversold), exit when it crosses above `upper`.
 */
export const rsiReversion: Strategy = {
  name: "rsi_reversion",
  doc: "RSI mean reversion: long when RSI crosses below lower, flat when it crosses above upper",
  output: "signals",
  params: {
    window: { min: 2, max: 10_000, integer: true, default: 14, doc: "RSI window, bars" },
    lower: { min: 0, max: 100, integer: false, default: 30, doc: "oversold level" },
    upper: { min: 0, max: 100, integer: false, default: 70, doc: "exit level" },
  },
  check: (p) => (p.lower < p.upper ? null : `lower must be < upper, got ${p.lower} >= ${p.upper}`),
  warmupBars: (p) => p.window + 1,
  indicators: (p) => [`rsi:${p.window}`],
  indicator: (key, m) => {
    const w = keyWindow(key, "rsi");
    return perAsset(m, (c, o, n, out) => rsi(c, o, n, w, out));
  },
  plan: (m, p, ind, out) => {
    const r = ind(`rsi:${p.window}`);
    for (let a = 0; a < m.nAssets; a++) {
      crossedBelow(r, p.lower, a * m.nBars, m.nBars, out.longEntries);
      crossedAbove(r, p.upper, a * m.nBars, m.nBars, out.longExits);
    }
  },
};
