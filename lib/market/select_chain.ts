/**
 * Chain-wide selection: the listed contracts of some expiries, cut by moneyness or by delta,
 * both rights, in and out of the money.
 *
 * @module
 */
import { blackScholes, yearsToExpiryColumn } from "../greeks/mod.ts";
import type { OptionContract } from "./contracts.ts";
import { optionRoot } from "./option_roots.ts";

/** Chain selection modes, for config schemas (`z.enum`). */
export const CHAIN_SELECTIONS = ["nearest", "moneyness", "delta", "all"] as const;

/** How contracts are chosen: `nearest` N calls and puts (see `selectStrikes`), or chain-wide. */
export type ChainSelection = typeof CHAIN_SELECTIONS[number];

/** Options of {@link selectChain}. */
export interface SelectChainOptions {
  /** `moneyness`, `delta` or `all` (`nearest` is `selectStrikes`' job). */
  mode: Exclude<ChainSelection, "nearest">;
  /** The underlying's price the cut is made at, dollars (the day's open). */
  spot: number;
  /** When the cut is made, UTC epoch ms (the delta's time to expiry runs from here). */
  tsMs: number;
  /** The expiries wanted; every other expiry is dropped. */
  expiries: readonly string[];
  /** `moneyness`: keep |strike / spot − 1| <= this (0.05 = strikes within ±5%). @default 0.05 */
  moneyness?: number;
  /** `delta`: keep |delta| >= this. @default 0.05 */
  deltaMin?: number;
  /** `delta`: keep |delta| <= this. @default 0.95 */
  deltaMax?: number;
  /** `delta`: the flat implied vol the delta is computed with, per year. @default 0.2 */
  deltaVol?: number;
  /** `delta`: the rate the delta is computed with, continuous per year. @default 0 */
  rate?: number;
}

/**
 * The listed contracts of `expiries` that the mode keeps, ordered by expiry, root, right
 * (puts first) and strike:
 * - `moneyness`: strikes within ±`moneyness` of spot, calls and puts alike (so in-the-money
 *   contracts of both sides are kept);
 * - `delta`: |Black–Scholes delta| in [`deltaMin`, `deltaMax`] at a flat `deltaVol`, time to
 *   expiry from `tsMs` to each root's settlement (09:30 for AM roots such as SPX, else 16:00);
 * - `all`: every listed contract of those expiries.
 *
 * @throws {RangeError} When spot is not > 0, a band is outside [0, 1] or deltaMin > deltaMax.
 *
 * @example
 * ```ts
 * import { selectChain } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * const c = (right: "call" | "put", strike: number) => ({
 *   ticker: `O:SPY250304${right === "call" ? "C" : "P"}00${strike}000`, underlying: "SPY",
 *   expiry: "2025-03-04", right, strike, multiplier: 100, style: "american" as const,
 * });
 * const listed = [c("call", 570), c("call", 600), c("call", 630), c("put", 590), c("put", 610)];
 * const kept = selectChain(listed, {
 *   mode: "moneyness", moneyness: 0.02, spot: 600, tsMs: Date.UTC(2025, 2, 4, 15),
 *   expiries: ["2025-03-04"],
 * });
 * assert.deepEqual(kept.map((k) => k.ticker), [
 *   "O:SPY250304P00590000", "O:SPY250304P00610000", "O:SPY250304C00600000",
 * ]);
 * ```
 */
export function selectChain(
  listed: readonly OptionContract[],
  options: SelectChainOptions,
): OptionContract[] {
  const {
    mode,
    spot,
    tsMs,
    expiries,
    moneyness = 0.05,
    deltaMin = 0.05,
    deltaMax = 0.95,
    deltaVol = 0.2,
    rate = 0,
  } = options;
  const fail = (why: string) => new RangeError(`Cannot select from the chain: ${why}`);
  if (!(spot > 0) || !Number.isFinite(spot)) throw fail(`spot must be > 0, got ${spot}`);
  for (
    const [name, v] of [["moneyness", moneyness], ["deltaMin", deltaMin], [
      "deltaMax",
      deltaMax,
    ]] as const
  ) {
    if (!(v >= 0 && v <= 1)) throw fail(`${name} must be in [0, 1], got ${v}`);
  }
  if (deltaMin > deltaMax) throw fail(`deltaMin ${deltaMin} is above deltaMax ${deltaMax}`);
  const wanted = new Set(expiries);
  let kept = listed.filter((c) => wanted.has(c.expiry));
  if (mode === "moneyness") {
    kept = kept.filter((c) => Math.abs(c.strike / spot - 1) <= moneyness + 1e-12);
  } else if (mode === "delta") {
    const t = new Float64Array(kept.length);
    kept.forEach((c, i) => {
      const settlement = optionRoot(c.ticker.slice(2, -15)).settlement;
      t[i] = yearsToExpiryColumn([tsMs], c.expiry, { settlement })[0];
    });
    const { delta } = blackScholes({
      right: kept.map((c) => c.right),
      spot,
      strike: kept.map((c) => c.strike),
      tYears: t,
      rate,
      vol: deltaVol,
      outputs: ["delta"],
    });
    kept = kept.filter((_, i) => Math.abs(delta[i]) >= deltaMin && Math.abs(delta[i]) <= deltaMax);
  } else if (mode !== "all") {
    throw fail(`mode must be moneyness, delta or all, got ${JSON.stringify(mode)}`);
  }
  return kept.sort(byChainOrder);
}

/** Expiry, then root, then puts before calls, then strike. */
export function byChainOrder(a: OptionContract, b: OptionContract): number {
  if (a.expiry !== b.expiry) return a.expiry < b.expiry ? -1 : 1;
  const ra = a.ticker.slice(2, -15), rb = b.ticker.slice(2, -15);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.right !== b.right) return a.right === "put" ? -1 : 1;
  return a.strike - b.strike;
}
