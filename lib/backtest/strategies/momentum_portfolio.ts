// A daily multi-asset portfolio: rank by trailing return, rebalance weekly or monthly,
// size the holdings by equal weight, inverse volatility, risk parity or minimum variance.
import { nyDate } from "../../calendar/mod.ts";
import { sizeWeights, SIZINGS } from "../allocation/weights.ts";
import { trailingCovariance } from "../allocation/covariance.ts";
import type { Strategy } from "./types.ts";
import { choice, trailingReturn } from "./_util.ts";

/** Rebalancing schedules, in the order of the `rebalance` parameter's choices. */
export const REBALANCES = ["weekly", "monthly"] as const;
/** Ranking signals, in the order of the `signal` parameter's choices. */
export const SIGNALS = ["momentum", "reversal"] as const;

/**
 * Whether each bar is the first of its New York week (Monday-based) or month; bar 0 is
 * never a start (there is nothing to rank yet).
 */
export function periodStarts(tsMs: Float64Array, period: "weekly" | "monthly"): Uint8Array {
  const out = new Uint8Array(tsMs.length);
  let prev = NaN;
  for (let i = 0; i < tsMs.length; i++) {
    const d = nyDate(tsMs[i]);
    const days = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
    // 1970-01-01 was a Thursday: (days + 3) / 7 counts Monday-based weeks.
    const key = period === "weekly"
      ? Math.floor((days + 3) / 7)
      : +d.slice(0, 4) * 12 + +d.slice(5, 7);
    if (i > 0 && key !== prev) out[i] = 1;
    prev = key;
  }
  return out;
}

/**
 * `momentum_portfolio`: at the first bar of each week or month (New York dates), rank the
 * symbols by trailing return over `lookback` bars to that bar's close — highest first for
 * `momentum`, lowest first for `reversal` — and hold the `top` of them, sized by `sizing`
 * from the sample covariance of their last `volWindow` daily returns (equal weight, inverse
 * volatility, risk parity or long-only minimum variance; see `allocation/weights.ts`), the
 * others at 0, all from one shared cash balance. Orders fill by the usual execution rule
 * (next open by default). Symbols without `max(lookback, volWindow) + 1` bars of history
 * are not held; ties go to the alphabetically first symbol.
 */
export const momentumPortfolio: Strategy = {
  name: "momentum_portfolio",
  doc:
    "Daily portfolio: weekly/monthly, hold the top N by trailing return, sized equal/inverse-vol/risk-parity/min-variance",
  output: "orders",
  params: {
    lookback: {
      min: 1,
      max: 100_000,
      integer: true,
      default: 126,
      doc: "trailing return window, bars",
    },
    top: { min: 1, max: 1_000, integer: true, default: 3, doc: "symbols held" },
    rebalance: choice(REBALANCES, "monthly", "when to rebalance: weekly or monthly"),
    sizing: choice(SIZINGS, "equal", "weights: equal, inverse_vol, risk_parity or min_variance"),
    volWindow: {
      min: 2,
      max: 10_000,
      integer: true,
      default: 63,
      doc: "returns in the covariance window",
    },
    signal: choice(SIGNALS, "momentum", "rank by momentum (best first) or reversal (worst first)"),
  },
  check: () => null,
  warmupBars: (p) => Math.max(p.lookback, p.volWindow) + 1,
  indicators: (p) => [`ret:${p.lookback}`],
  indicator: (key, m) => trailingReturn(m, Number(key.split(":")[1])),
  plan: (m, p, ind, out) => {
    if (p.top > m.nAssets) {
      throw new RangeError(
        `Cannot run momentum_portfolio: top must be <= ${m.nAssets} symbols, got ${p.top}`,
      );
    }
    const n = m.nBars, ret = ind(`ret:${p.lookback}`);
    const starts = periodStarts(m.tsMs, REBALANCES[p.rebalance]);
    const sizing = SIZINGS[p.sizing], sign = SIGNALS[p.signal] === "momentum" ? 1 : -1;
    const history = Math.max(p.lookback, p.volWindow);
    out.orders.fill(NaN);
    const order = Array.from({ length: m.nAssets }, (_, a) => a);
    for (let i = history; i < n; i++) {
      if (starts[i] === 0) continue;
      const ok = order.filter((a) => {
        const o = a * n;
        if (ret[o + i] !== ret[o + i]) return false;
        for (let j = i - p.volWindow; j <= i; j++) if (!(m.close[o + j] > 0)) return false;
        return true;
      });
      if (ok.length === 0) continue;
      ok.sort((x, y) => sign * (ret[y * n + i] - ret[x * n + i]) || x - y);
      const held = ok.slice(0, Math.min(p.top, ok.length));
      const cov = sizing === "equal"
        ? new Float64Array(held.length * held.length)
        : trailingCovariance(m.close, n, held, i, p.volWindow);
      const w = sizeWeights(sizing, cov, held.length);
      for (let a = 0; a < m.nAssets; a++) out.orders[a * n + i] = 0;
      held.forEach((a, k) => (out.orders[a * n + i] = w[k]));
    }
  },
};
