// Buy the option whose move the scanner flags; exit at a target, a stop, a time limit or the close.
import { SCAN_DEFAULTS, SCAN_DIRECTIONS, SCAN_PRICES, SCAN_REFERENCES } from "../../scanner/mod.ts";
import { simulateOptionTrades } from "../_option_sim.ts";
import { scanTriggers, type TriggerRight } from "../_option_triggers.ts";
import { toOptionMarket } from "../option_market.ts";
import type { Params, Strategy } from "./types.ts";

const RIGHTS = ["call", "put", "both"] as const;

/** The trigger cache key: the scan's parameters (the window only for rolling references). */
function triggerKey(p: Params): string {
  const window = p.reference === 0 ? 0 : p.window_min;
  return `scan:${p.threshold}:${p.reference}:${window}:${p.direction}:${p.gap_tolerance_min}:${p.price}:${p.right}`;
}

function triggers(key: string, m: Parameters<Strategy["indicator"]>[1]): Float64Array {
  const [name, ...v] = key.split(":");
  const x = v.map(Number);
  if (name !== "scan" || x.length !== 7 || x.some((n) => !Number.isFinite(n))) {
    throw new RangeError(`Cannot compute indicator: unknown key "${key}"`);
  }
  const [threshold, reference, window, direction, gap, price, right] = x;
  return scanTriggers(m, {
    threshold,
    reference: SCAN_REFERENCES[reference],
    windowMin: window === 0 ? SCAN_DEFAULTS.windowMin : window,
    direction: SCAN_DIRECTIONS[direction],
    gapToleranceMin: gap,
    price: SCAN_PRICES[price],
  }, RIGHTS[right] as TriggerRight);
}

const choice = (choices: readonly string[], def: string, doc: string) => ({
  min: 0,
  max: choices.length - 1,
  integer: true,
  default: choices.indexOf(def),
  doc,
  choices,
});

/**
 * `scanner_calls`: on option minute bars (`option_minute` or `consolidated`), buy the
 * contract whose move `lib/scanner`'s `scan` flags — calls by default (`right`) — and hold
 * it until the first of a profit target, a stop, a time limit or the session close.
 *
 * - **Entry**: the scan (threshold, reference, window_min, direction, gap_tolerance_min,
 *   price: the scanner's options) runs on the same minutes; an event's trigger minute is
 *   known at that bar's close, so the position opens at the open of the contract's next
 *   traded bar that day (none: no trade). `contracts` contracts of `multiplier` shares; an
 *   entry opening below `min_price` (penny options, where fees eat the premium) or that the
 *   cash does not cover is skipped. One position per contract at a time: a trigger
 *   while the contract is held (or an entry is pending) is ignored; a later trigger after
 *   the exit opens a new position.
 * - **Exits**, from the entry fill price `e` (slippage included): a bar after the entry bar
 *   that opens at or below `e·(1 − stop_loss)` or at or above `e·(1 + take_profit)` fills at
 *   its open (a gap); else, once `hold_min` minutes have passed since the entry bar's
 *   start, at the open of the contract's first bar at or after that time (`time_limit`);
 *   else a bar whose low reaches the stop fills at the stop, one whose high reaches the
 *   target at the target (the stop first when both are inside one bar; the entry bar too);
 *   else the contract's last bar of the day exits at its close (`session_close`). 0 turns
 *   take_profit, stop_loss or hold_min off; the session close always applies.
 * - **Costs**: slippage and `fees` as for any order, plus `fixedFees` and
 *   `fee_per_contract · contracts` per order. `sizeType`/`size` are not used.
 */
export const scannerCalls: Strategy = {
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
  indicator: triggers,
  plan: (_m, p, ind, out) => {
    const t = ind(triggerKey(p));
    for (let k = 0; k < t.length; k++) out.longEntries[k] = t[k] !== 0 ? 1 : 0;
  },
  market: toOptionMarket,
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
