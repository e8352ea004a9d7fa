/**
 * Contract selection from a listed chain: the expiry by convention, strikes around the open,
 * and the chosen tickers nobody lists reported instead of invented.
 *
 * @module
 */
import type { OptionContract } from "../market/mod.ts";
import { formatOptionTicker } from "../market/mod.ts";
import { type ExpiryConvention, selectExpiry } from "../market/mod.ts";
import { selectStrikes } from "../market/mod.ts";

/** How contracts are chosen each day (the `options` config section). */
export interface SelectionRules {
  calls: number;
  puts: number;
  strikeIncrement: number;
  expiry: ExpiryConvention;
  fixedExpiry: string | null;
  listedHorizonDays: number;
}

/** The contracts chosen for a day, and the chosen tickers nobody lists. */
export interface Selection {
  expiry: string;
  selected: OptionContract[];
  missing: string[];
}

/**
 * Chooses contracts from a listed chain: the expiry by convention, `calls` strikes strictly
 * above the open and `puts` at or below it. A chosen contract that is not listed goes to
 * `missing`, never invented. Both lists run from the lowest put strike to the highest call.
 *
 * @example
 * ```ts
 * import { selectContracts } from "./select_contracts.ts";
 * import { equal, deepEqual } from "node:assert/strict";
 * const listed = [600, 601, 602].map((strike) => ({
 *   ticker: `O:SPY250304C00${strike}000`, underlying: "SPY", expiry: "2025-03-04",
 *   right: "call" as const, strike, multiplier: 100, style: "american" as const,
 * }));
 * const s = selectContracts(listed, "SPY", "2025-03-04", 600.5, {
 *   calls: 2, puts: 0, strikeIncrement: 1, expiry: "same_day", fixedExpiry: null,
 *   listedHorizonDays: 45,
 * });
 * deepEqual(s.selected.map((c) => c.strike), [601, 602]);
 * equal(s.missing.length, 0);
 * ```
 */
export function selectContracts(
  listed: readonly OptionContract[],
  underlying: string,
  date: string,
  open: number,
  rules: SelectionRules,
): Selection {
  const expiry = selectExpiry({
    date,
    convention: rules.expiry,
    fixed: rules.fixedExpiry ?? undefined,
    listed: listed.map((c) => c.expiry),
  });
  const { calls, puts } = selectStrikes({
    open,
    increment: rules.strikeIncrement,
    nCalls: rules.calls,
    nPuts: rules.puts,
  });
  const byTicker = new Map(listed.map((c) => [c.ticker, c]));
  const selected: OptionContract[] = [];
  const missing: string[] = [];
  const wanted = [
    ...puts.slice().reverse().map((strike) => ({ strike, right: "put" as const })),
    ...calls.map((strike) => ({ strike, right: "call" as const })),
  ];
  for (const { strike, right } of wanted) {
    const ticker = formatOptionTicker({ underlying, expiry, right, strike });
    const c = byTicker.get(ticker);
    if (c) selected.push(c);
    else missing.push(ticker);
  }
  return { expiry, selected, missing };
}
