// Simulating a window of bars with indicator warm-up taken from the bars before it.
import { indicatorCache, newPlanBuffers, planInput, simulatePlan } from "./_plan.ts";
import { type Market, sliceMarket } from "./market.ts";
import type { Params, Strategy } from "./strategies/types.ts";
import type { SimResult, SimulateOptions } from "./types.ts";

function cut<T extends Int8Array | Float64Array>(
  a: T,
  n: number,
  nAssets: number,
  from: number,
): T {
  const len = n - from;
  const out = new (a.constructor as { new (k: number): T })(len * nAssets);
  for (let k = 0; k < nAssets; k++) {
    out.set(a.subarray(k * n + from, (k + 1) * n) as never, k * len);
  }
  return out;
}

/**
 * Plans `strategy` on bars `max(0, from − warmup)..to` of `m` and simulates only bars
 * `from..to`: indicators see the warm-up history, no decision before `from` trades.
 */
export function runWindow(
  strategy: Strategy,
  m: Market,
  p: Params,
  from: number,
  to: number,
  sim: SimulateOptions,
): { result: SimResult; market: Market } {
  const a0 = Math.max(0, from - strategy.warmupBars(p));
  const ext = sliceMarket(m, a0, to);
  const { input, sizeType } = planInput(
    strategy,
    ext,
    p,
    indicatorCache(strategy, ext),
    newPlanBuffers(ext),
  );
  const off = from - a0, market = sliceMarket(ext, off, ext.nBars);
  const c = <T extends Int8Array | Float64Array>(x: T | undefined) =>
    x === undefined ? undefined : cut(x, ext.nBars, ext.nAssets, off);
  const result = simulatePlan(
    strategy,
    market,
    p,
    {
      nBars: market.nBars,
      open: market.open,
      high: market.high,
      low: market.low,
      close: market.close,
      longEntries: c(input.longEntries),
      longExits: c(input.longExits),
      orders: c(input.orders),
      groupOf: input.groupOf,
    },
    sizeType,
    sim,
  );
  return { result, market };
}
