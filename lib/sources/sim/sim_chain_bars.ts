/**
 * A whole listed chain's option bars for one day in one pass, sharing the underlying's path.
 *
 * @module
 */
import { session } from "../../calendar/mod.ts";
import type { OptionContract } from "../../market/mod.ts";
import { parseOptionTicker } from "../../market/mod.ts";
import { simOptionContracts } from "./_chain.ts";
import {
  appendChainBars,
  type BarColumns,
  barColumns,
  dayPaths,
  type SimContract,
} from "./_options.ts";

/** Options of {@linkcode simChainBars}. */
export interface SimChainBarsOptions {
  /** The seed every series derives from. @default 42 */
  seed?: number;
  /** The contracts wanted (of `underlying`); @default the whole listed chain of the day */
  contracts?: readonly OptionContract[];
}

/** A day's chain and its bars, column-wise. */
export interface SimChainDay {
  /** The contracts, in listing order. */
  contracts: OptionContract[];
  /** Bars of every contract, contract by contract, minutes ascending; `contract` indexes
   * {@linkcode SimChainDay.contracts}. */
  bars: BarColumns;
}

/**
 * The listed chain of `underlying` on `date` and every bar its contracts traded, column-wise.
 * Each contract's bars equal `createSimSource({ seed }).minuteBars(ticker, date)`: the
 * underlying's path is computed once for the day instead of once per contract.
 *
 * @throws {RangeError} When the exchange is closed on `date`, or a contract is not on
 *   `underlying`.
 *
 * @example
 * ```ts
 * import { simChainBars } from "./sim_chain_bars.ts";
 * import { ok } from "node:assert/strict";
 * const day = simChainBars("SPY", "2025-03-04", { seed: 1 });
 * ok(day.contracts.length > 5000);
 * ok(day.bars.ts.length > 0 && day.bars.ts.length < day.contracts.length * 390 / 2);
 * ```
 */
export function simChainBars(
  underlying: string,
  date: string,
  options: SimChainBarsOptions = {},
): SimChainDay {
  const { seed = 42 } = options;
  const s = session(date);
  if (!s) {
    throw new RangeError(
      `Cannot simulate ${underlying} options on ${date}: the exchange is closed`,
    );
  }
  const contracts = options.contracts?.slice() ?? simOptionContracts(seed, underlying, date);
  const paths = dayPaths(seed, underlying, date, { openMs: s.openMs, minutes: s.minutes });
  const specs: SimContract[] = contracts.map((c) => {
    const f = parseOptionTicker(c.ticker);
    if (f.underlying !== underlying) {
      throw new RangeError(
        `Cannot simulate ${underlying} options: contract ${c.ticker} is an option on ${f.underlying}`,
      );
    }
    return { ...f, ticker: c.ticker, root: f.root! };
  });
  const bars = barColumns();
  appendChainBars(seed, paths, specs, date, bars);
  return { contracts, bars };
}
