/**
 * One day's contract discovery: the underlying's open from the lake, the listed chain near
 * it from the source, and the selection.
 *
 * @module
 */
import { addDays, isTradingDay } from "../calendar/mod.ts";
import { selectExpiry } from "../market/mod.ts";
import type { Source } from "../sources/mod.ts";
import { openFromLake } from "./open_from_lake.ts";
import {
  selectContracts,
  type Selection,
  selectionIncrement,
  type SelectionRules,
} from "./select_contracts.ts";

/** Options for {@linkcode discoverContracts}. */
export interface DiscoverContractsOptions {
  /** The lake root folder (the underlying's `equity_minute` partition must be there). */
  root: string;
  underlying: string;
  /** Trading date `YYYY-MM-DD`. */
  date: string;
  rules: SelectionRules;
  signal?: AbortSignal;
}

/** A day's selection, with the open it was made from and how many contracts were listed. */
export interface Discovery extends Selection {
  /** The underlying's open, dollars. */
  open: number;
  /** Contracts the source listed in the strike and expiry window asked for. */
  listed: number;
}

/**
 * Discovers the day's contracts. The source is asked only for the strikes the selection can
 * take (`nearest`: within `(max(calls, puts) + 2) × strikeIncrement` of the open;
 * `moneyness`: within the band; `delta` and `all`: every strike), and for the expiries it can
 * take (the exact expiry the convention names; `nearest_listed`: every expiry from the date to
 * `listedHorizonDays` ahead; with `dteMax`: `dteMin` to `dteMax` days ahead), so that a
 * rate-limited API is asked for one page where it can.
 *
 * @throws {RangeError} When `date` is not a trading day, the underlying's open is not in
 *   the lake, or the expiry cannot be chosen.
 */
export async function discoverContracts(
  source: Source,
  options: DiscoverContractsOptions,
): Promise<Discovery> {
  const { root, underlying, date, rules, signal } = options;
  if (!isTradingDay(date)) {
    throw new RangeError(
      `Cannot discover ${underlying} contracts on ${date}: it is not a trading day (weekend or NYSE holiday)`,
    );
  }
  const open = await openFromLake(root, underlying, date);
  const { select = "nearest", dteMin = 0, dteMax = null, moneyness = 0.05 } = rules;
  const span = select === "nearest"
    ? (Math.max(rules.calls, rules.puts) + 2) * selectionIncrement(underlying, rules)
    : select === "moneyness"
    ? open * moneyness + rules.strikeIncrement
    : Infinity;
  const exact = rules.expiry === "nearest_listed" || dteMax !== null ? null : selectExpiry({
    date,
    convention: rules.expiry,
    fixed: rules.fixedExpiry ?? undefined,
  });
  const listed = await source.optionContracts(underlying, date, {
    signal,
    ...(span === Infinity ? {} : { strikeMin: open - span, strikeMax: open + span }),
    expiryFrom: exact ?? addDays(date, dteMax === null ? 0 : dteMin),
    expiryTo: exact ?? addDays(date, dteMax ?? rules.listedHorizonDays),
  });
  const selection = selectContracts(listed, underlying, date, open, rules);
  return { ...selection, open, listed: listed.length };
}
