// The shape every strategy module exports.
import type { Market } from "../market.ts";

/** Range and default of one numeric parameter. */
export interface ParamSpec {
  min: number;
  max: number;
  integer: boolean;
  default: number;
  doc: string;
}

/** Parameter values by name. */
export type Params = Record<string, number>;

/** Where a strategy writes its plan: `nBars × nAssets` arrays, column-major. */
export interface PlanBuffers {
  longEntries: Int8Array;
  longExits: Int8Array;
  /** Target percent of the portfolio per asset (NaN = no order), for `orders` strategies. */
  orders: Float64Array;
}

/**
 * A strategy: a pure function from prices and parameters to a plan. Indicators are named by
 * cache keys (e.g. `sma:20`) so a sweep computes each distinct one once and shares it.
 */
export interface Strategy {
  name: string;
  doc: string;
  /** `signals`: long entries/exits per asset, each asset its own portfolio. `orders`: target
   * percents of one portfolio sharing cash across all assets. */
  output: "signals" | "orders";
  params: Record<string, ParamSpec>;
  /** A rule across parameters; returns an error message or null. */
  check(p: Params): string | null;
  /** Bars of history the first decision needs. */
  warmupBars(p: Params): number;
  /** Cache keys of the indicators this parameter set reads. */
  indicators(p: Params): string[];
  /** Computes one indicator for all assets (`nBars × nAssets`). */
  indicator(key: string, m: Market): Float64Array;
  /** Writes the plan for `p` into `out`. */
  plan(m: Market, p: Params, ind: (key: string) => Float64Array, out: PlanBuffers): void;
}
