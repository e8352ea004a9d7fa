/**
 * Contract selection from a listed chain: the expiry by convention, strikes around the open,
 * and the chosen tickers nobody lists reported instead of invented.
 *
 * @module
 */
import { nyToUtcMs } from "../calendar/mod.ts";
import {
  byChainOrder,
  type ChainSelection,
  type ExpiryConvention,
  formatOptionTicker,
  type OptionContract,
  optionRootsOf,
  selectChain,
  selectExpiry,
  selectStrikes,
} from "../market/mod.ts";

/** How contracts are chosen each day (the `options` config section). */
export interface SelectionRules {
  calls: number;
  puts: number;
  strikeIncrement: number;
  expiry: ExpiryConvention;
  fixedExpiry: string | null;
  listedHorizonDays: number;
  /** `nearest` (calls/puts around the open) or chain-wide: `moneyness`, `delta`, `all`. */
  select?: ChainSelection;
  /** `moneyness`: |strike / open − 1| at most this. */
  moneyness?: number;
  /** `delta`: |delta| band at a flat `deltaVol`. */
  deltaMin?: number;
  deltaMax?: number;
  deltaVol?: number;
  /** Every listed expiry this many calendar days ahead or more (with `dteMax`). */
  dteMin?: number;
  /** With a value: every listed expiry up to this many calendar days ahead, instead of `expiry`. */
  dteMax?: number | null;
}

/** The contracts chosen for a day, and the chosen tickers nobody lists. */
export interface Selection {
  /** The first expiry chosen (the only one for an expiry convention). */
  expiry: string;
  /** Every expiry chosen, ascending. */
  expiries: string[];
  selected: OptionContract[];
  missing: string[];
}

const DAY_MS = 86_400_000;

/**
 * The strike grid `nearest` selects on: the rules' increment, or for an index the listed
 * increment of its PM root when that is coarser (SPXW lists $5 strikes: a $1 grid would pick
 * strikes nobody lists).
 */
export function selectionIncrement(underlying: string, rules: SelectionRules): number {
  if (!underlying.startsWith("I:")) return rules.strikeIncrement;
  return Math.max(rules.strikeIncrement, optionRootsOf(underlying).at(-1)!.strikeIncrement);
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** The expiries the rules choose on `date` among the listed ones. */
export function chosenExpiries(
  listed: readonly OptionContract[],
  date: string,
  rules: SelectionRules,
): string[] {
  const { dteMin = 0, dteMax = null } = rules;
  if (dteMax === null) {
    return [selectExpiry({
      date,
      convention: rules.expiry,
      fixed: rules.fixedExpiry ?? undefined,
      listed: listed.map((c) => c.expiry),
    })];
  }
  const all = [...new Set(listed.map((c) => c.expiry))].sort();
  const out = all.filter((e) => {
    const dte = daysBetween(date, e);
    return dte >= dteMin && dte <= dteMax;
  });
  if (out.length === 0) {
    throw new RangeError(
      `Cannot select contracts on ${date}: no listed expiry ${dteMin} to ${dteMax} days ahead ` +
        `among ${all.length} listed`,
    );
  }
  return out;
}

/**
 * Chooses contracts from a listed chain. The expiries: one by the `expiry` convention, or,
 * when `dteMax` is set, every listed expiry `dteMin` to `dteMax` calendar days ahead. The
 * strikes, by `select`:
 * - `nearest` (the default): `calls` strikes strictly above the open and `puts` at or below
 *   it, per expiry; a chosen contract that is not listed goes to `missing`, never invented
 *   (an index's missing tickers are written with its PM root, SPXW for I:SPX, and its grid
 *   is at least the root's listed increment, $5 for SPX). Every listed root of the expiry is
 *   taken (SPX and SPXW share the third Friday);
 * - `moneyness`, `delta`, `all`: chain-wide, both rights, in the money too (`selectChain`,
 *   the delta at the session's 09:30 open, with a flat `deltaVol`).
 *
 * Contracts are ordered by expiry, root, right (puts first) and strike.
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
  const expiries = chosenExpiries(listed, date, rules);
  const { select = "nearest" } = rules;
  if (select !== "nearest") {
    const selected = selectChain(listed, {
      mode: select,
      spot: open,
      tsMs: nyToUtcMs(date, 9, 30),
      expiries,
      moneyness: rules.moneyness,
      deltaMin: rules.deltaMin,
      deltaMax: rules.deltaMax,
      deltaVol: rules.deltaVol,
    });
    return { expiry: expiries[0], expiries, selected, missing: [] };
  }
  const { calls, puts } = selectStrikes({
    open,
    increment: selectionIncrement(underlying, rules),
    nCalls: rules.calls,
    nPuts: rules.puts,
  });
  const key = (expiry: string, right: string, strike: number) => `${expiry}|${right}|${strike}`;
  const byKey = new Map<string, OptionContract[]>();
  for (const c of listed) {
    const k = key(c.expiry, c.right, c.strike);
    const list = byKey.get(k);
    if (list) list.push(c);
    else byKey.set(k, [c]);
  }
  const missingRoot = optionRootsOf(underlying).at(-1)!.root;
  const selected: OptionContract[] = [];
  const missing: string[] = [];
  const wanted = [
    ...puts.slice().reverse().map((strike) => ({ strike, right: "put" as const })),
    ...calls.map((strike) => ({ strike, right: "call" as const })),
  ];
  for (const expiry of expiries) {
    for (const { strike, right } of wanted) {
      const found = byKey.get(key(expiry, right, strike));
      if (found) selected.push(...found);
      else {missing.push(
          formatOptionTicker({ underlying, root: missingRoot, expiry, right, strike }),
        );}
    }
  }
  return { expiry: expiries[0], expiries, selected: selected.sort(byChainOrder), missing };
}
