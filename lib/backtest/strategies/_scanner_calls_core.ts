// The part of scanner_calls that needs no Polars: parameters, plan and kernel. Sweep
// workers use it, so they do not load nodejs-polars; the scanner runs in the calling thread.
import { SCAN_DEFAULTS, SCAN_DIRECTIONS, SCAN_PRICES, SCAN_REFERENCES } from "../../scanner/mod.ts";
import { simulateOptionTrades } from "../kernels/_option_sim.ts";
import type { Params, Strategy } from "./types.ts";
import { choice } from "./_util.ts";

/** Rights a `right` parameter chooses from. */
export const RIGHTS = ["call", "put", "both"] as const;

/** The trigger cache key: the scan's parameters (the window only for rolling references). */
export function triggerKey(p: Params): string {
  const window = p.reference === 0 ? 0 : p.window_min;
  return `scan:${p.threshold}:${p.reference}:${window}:${p.direction}:${p.gap_tolerance_min}:${p.price}:${p.right}`;
}

/** `scanner_calls` without its scanner and frame reader (see `scannerCalls`). */
export const scannerCallsCore: Strategy = {
  name: "scanner_calls",
  doc: "Options: buy the contract the scanner flags, exit at target, stop, time limit or close",
  output: "trades",
  input: "options",
  params: {
    threshold: {
      min: 0.001,
      max: 10,
      integer: false,
      default: SCAN_DEFAULTS.threshold,
      doc: "scanner move that triggers, fraction of the reference",
    },
    reference: choice(SCAN_REFERENCES, SCAN_DEFAULTS.reference, "scanner reference price"),
    window_min: {
      min: 1,
      max: 390,
      integer: true,
      default: SCAN_DEFAULTS.windowMin,
      doc: "window of the rolling references, minutes",
    },
    direction: choice(SCAN_DIRECTIONS, SCAN_DEFAULTS.direction, "moves that trigger"),
    gap_tolerance_min: {
      min: 0,
      max: 390,
      integer: true,
      default: SCAN_DEFAULTS.gapToleranceMin,
      doc: "minutes without trades inside one scanner event",
    },
    price: choice(SCAN_PRICES, SCAN_DEFAULTS.price, "prices the scanner compares"),
    right: choice(RIGHTS, "call", "contracts traded"),
    take_profit: {
      min: 0,
      max: 100,
      integer: false,
      default: 0.5,
      doc: "profit target, fraction of the entry price (0 = off)",
    },
    stop_loss: {
      min: 0,
      max: 0.99,
      integer: false,
      default: 0.25,
      doc: "stop, fraction of the entry price (0 = off)",
    },
    hold_min: {
      min: 0,
      max: 1440,
      integer: true,
      default: 30,
      doc: "time limit, minutes after the entry bar's start (0 = off)",
    },
    min_price: {
      min: 0,
      max: 10_000,
      integer: false,
      default: 0.05,
      doc: "skip entries opening below this option price, dollars",
    },
    contracts: { min: 1, max: 100_000, integer: true, default: 1, doc: "contracts per entry" },
    fee_per_contract: {
      min: 0,
      max: 100,
      integer: false,
      default: 0.65,
      doc: "commission per contract per order, dollars",
    },
    multiplier: {
      min: 1,
      max: 100_000,
      integer: false,
      default: 100,
      doc: "shares per contract",
    },
  },
  check: () => null,
  warmupBars: () => 960,
  indicators: (p) => [triggerKey(p)],
  indicator: (key) => {
    throw new TypeError(
      `Cannot compute indicator "${key}" here: scanner_calls scans in the calling thread`,
    );
  },
  plan: (_m, p, ind, out) => {
    const t = ind(triggerKey(p));
    for (let k = 0; k < t.length; k++) out.longEntries[k] = t[k] !== 0 ? 1 : 0;
  },
  simulate: (m, p, plan, options) =>
    simulateOptionTrades(m, plan.longEntries, {
      contracts: p.contracts,
      multiplier: p.multiplier,
      feePerContract: p.fee_per_contract,
      takeProfit: p.take_profit,
      stopLoss: p.stop_loss,
      holdMin: p.hold_min,
      minPrice: p.min_price,
    }, options),
};
