// Moving-average crossover, long only.
import { crossedBoth } from "../kernels/_cross.ts";
import { sma } from "../kernels/_rolling.ts";
import type { Strategy } from "./types.ts";
import { keyWindow, perAsset } from "./_util.ts";

/**
 * `sma_cross`: enter long when the `fast`-bar simple moving average of close crosses above
 * the `slow` one, exit when it crosses below (vectorbt's crossover rule, see
 * `crossedAbove`). The rule `fast < slow` is enforced: a fixed `fast >= slow` is refused (it would
 * silently invert the strategy), and a sweep skips such combinations.
 */
export const smaCross: Strategy = {
  name: "sma_cross",
  doc: "SMA crossover: long when SMA(fast) crosses above SMA(slow), flat when it crosses below",
  output: "signals",
  params: {
    fast: { min: 1, max: 100_000, integer: true, default: 10, doc: "fast SMA window, bars" },
    slow: { min: 1, max: 100_000, integer: true, default: 50, doc: "slow SMA window, bars" },
  },
  check: (
    p,
  ) => (p.fast < p.slow ? null : `fast must be < slow, got fast ${p.fast} >= slow ${p.slow}`),
  warmupBars: (p) => Math.max(p.fast, p.slow),
  indicators: (p) => [`sma:${p.fast}`, `sma:${p.slow}`],
  indicator: (key, m) => {
    const w = keyWindow(key, "sma");
    return perAsset(m, (c, o, n, out) => sma(c, o, n, w, out));
  },
  plan: (m, p, ind, out) => {
    const f = ind(`sma:${p.fast}`), s = ind(`sma:${p.slow}`);
    for (let a = 0; a < m.nAssets; a++) {
      crossedBoth(f, s, a * m.nBars, m.nBars, out.longEntries, out.longExits);
    }
  },
};
