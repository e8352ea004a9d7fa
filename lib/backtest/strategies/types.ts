// The shape every strategy module exports.
import type pl from "nodejs-polars";
import type { Market } from "../market.ts";
import type { SimResult, SimulateOptions } from "../types.ts";

/**
 * Range and default of one numeric parameter. A parameter with `choices` is categorical:
 * its value is the index of a choice (`0` for `choices[0]`), and tasks and configs may
 * name the choice instead (see `encodeParam`).
 */
export interface ParamSpec {
  min: number;
  max: number;
  integer: boolean;
  default: number;
  doc: string;
  /** Names of the values `0..choices.length − 1` of a categorical parameter. */
  choices?: readonly string[];
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
   * percents of one portfolio sharing cash across all assets. `trades`: entries only, and
   * the strategy's own {@linkcode Strategy.simulate} trades them (one portfolio). */
  output: "signals" | "orders" | "trades";
  /** What frames it reads: bars of symbols (default) or option minutes. */
  input?: "bars" | "options";
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
  /** Unwraps a frame into a {@linkcode Market}. @default `toMarket` */
  market?(frame: pl.DataFrame): Market;
  /** `trades` strategies: simulates the planned entries (`plan.longEntries`) of `p` on `m`. */
  simulate?(m: Market, p: Params, plan: PlanBuffers, options: SimulateOptions): SimResult;
}
