// Dispatch: strategy + market + parameters → kernel input → per-portfolio accumulators.
import type { Market } from "./market.ts";
import { simulate } from "./simulate.ts";
import type { Params, PlanBuffers, Strategy } from "./strategies/types.ts";
import type { SimInput, SimResult, SimulateOptions } from "./types.ts";

/** Fresh plan buffers for `m`. */
export function newPlanBuffers(m: Market): PlanBuffers {
  const size = m.nBars * m.nAssets;
  return {
    longEntries: new Int8Array(size),
    longExits: new Int8Array(size),
    orders: new Float64Array(size),
  };
}

/** An indicator lookup that computes each key once for `m` (a per-call cache). */
export function indicatorCache(strategy: Strategy, m: Market): (key: string) => Float64Array {
  const cache = new Map<string, Float64Array>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, v = strategy.indicator(key, m));
    return v;
  };
}

/**
 * Builds the kernel input of `strategy` on `m`: signal strategies trade each asset as its
 * own portfolio; order strategies trade all assets as one portfolio sharing cash, with
 * orders read as target percents; trade strategies hand their entries to their own
 * `simulate` (see {@linkcode simulatePlan}).
 */
export function planInput(
  strategy: Strategy,
  m: Market,
  p: Params,
  ind: (key: string) => Float64Array,
  buf: PlanBuffers,
): { input: SimInput; sizeType?: "targetPercent" } {
  strategy.plan(m, p, ind, buf);
  const base = { nBars: m.nBars, open: m.open, high: m.high, low: m.low, close: m.close };
  if (strategy.output !== "orders") {
    return { input: { ...base, longEntries: buf.longEntries, longExits: buf.longExits } };
  }
  return {
    input: { ...base, orders: buf.orders, groupOf: new Int32Array(m.nAssets) },
    sizeType: "targetPercent",
  };
}

/** Plans and simulates one parameter set. */
export function runPlan(
  strategy: Strategy,
  m: Market,
  p: Params,
  ind: (key: string) => Float64Array,
  buf: PlanBuffers,
  options: SimulateOptions,
): SimResult {
  const { input, sizeType } = planInput(strategy, m, p, ind, buf);
  return simulatePlan(strategy, m, p, input, sizeType, options);
}

/** Simulates a planned input with the generic kernel, or the strategy's own for `trades`. */
export function simulatePlan(
  strategy: Strategy,
  m: Market,
  p: Params,
  input: SimInput,
  sizeType: "targetPercent" | undefined,
  options: SimulateOptions,
): SimResult {
  if (strategy.output === "trades") {
    if (strategy.simulate === undefined) {
      throw new TypeError(`Cannot simulate strategy ${strategy.name}: it has no simulate()`);
    }
    const entries = input.longEntries ?? new Int8Array(m.nBars * m.nAssets);
    const plan = { longEntries: entries, longExits: new Int8Array(0), orders: new Float64Array(0) };
    return strategy.simulate(m, p, plan, options);
  }
  return simulate(input, sizeType === undefined ? options : { ...options, sizeType });
}
