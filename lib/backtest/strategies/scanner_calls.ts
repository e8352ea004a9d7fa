// Buy the option whose move the scanner flags; exit at a target, a stop, a time limit or the close.
import { SCAN_DEFAULTS, SCAN_DIRECTIONS, SCAN_PRICES, SCAN_REFERENCES } from "../../scanner/mod.ts";
import { scanTriggers, type TriggerRight } from "../_option_triggers.ts";
import type { Market } from "../market.ts";
import { toOptionMarket } from "../option_market.ts";
import { RIGHTS, scannerCallsCore } from "./_scanner_calls_core.ts";
import type { Strategy } from "./types.ts";

function triggers(key: string, m: Market): Float64Array {
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
  ...scannerCallsCore,
  indicator: triggers,
  market: toOptionMarket,
};
