/**
 * The simulator's listed option chain, as an exchange lists it: for each option root of the
 * underlying (`SPY`; `SPX` and `SPXW` for `I:SPX`), the root's expiries out to
 * {@linkcode SIM_CHAIN}`.horizonDays` (dailies, Friday weeklies and third-Friday monthlies for
 * daily roots, monthlies only for AM-settled SPX) and strikes at the root's increments within
 * ±15% of the previous close, both rights. Equity options are American, index options
 * European; the multiplier is 100. An AM-settled root is not listed on its expiry date (it
 * settled at the open).
 *
 * @module
 */
import { CALENDAR_LAST_YEAR } from "../../calendar/mod.ts";
import type { OptionContract } from "../../market/mod.ts";
import { formatOptionTicker } from "../../market/mod.ts";
import { listedExpiries } from "../../market/mod.ts";
import { listedStrikes } from "../../market/mod.ts";
import { optionRootsOf } from "../../market/mod.ts";
import type { OptionContractsOptions } from "../source.ts";
import { dailySeries, dayIndex, previousClose } from "./_daily.ts";

/** How far the simulated chain reaches. */
export const SIM_CHAIN = {
  /** Calendar days ahead of the last expiry listed (monthlies). */
  horizonDays: 60,
  /** Calendar days ahead daily expiries are listed. */
  dailyHorizonDays: 21,
  /** Calendar days ahead Friday weeklies are listed. */
  weeklyHorizonDays: 45,
  /** Strikes within this fraction of the previous close. */
  band: 0.15,
} as const;

const DAY_MS = 86_400_000;

/** The contracts the simulator lists for `underlying` on `date`, filtered as asked. */
export function simOptionContracts(
  seed: number,
  underlying: string,
  date: string,
  options: OptionContractsOptions = {},
): OptionContract[] {
  const { strikeMin = 0, strikeMax = Infinity, expiryFrom = date, expiryTo = "9999-12-31" } =
    options;
  const lastDay = Date.parse(`${CALENDAR_LAST_YEAR}-12-31`);
  const horizonDays = Math.min(
    SIM_CHAIN.horizonDays,
    Math.floor((lastDay - Date.parse(date)) / DAY_MS),
  );
  const reference = previousClose(dailySeries(seed, underlying), dayIndex(date));
  const out: OptionContract[] = [];
  for (const spec of optionRootsOf(underlying)) {
    const expiries = listedExpiries(date, {
      horizonDays,
      dailyHorizonDays: SIM_CHAIN.dailyHorizonDays,
      weeklyHorizonDays: SIM_CHAIN.weeklyHorizonDays,
      cycle: spec.cycle,
    }).filter((e) => e >= expiryFrom && e <= expiryTo && !(spec.settlement === "am" && e === date));
    const strikes = listedStrikes(reference, {
      increment: spec.strikeIncrement,
      band: SIM_CHAIN.band,
      nearBand: Math.min(spec.nearBand, SIM_CHAIN.band),
      farIncrement: spec.farIncrement,
    }).filter((k) => k >= strikeMin && k <= strikeMax);
    for (const expiry of expiries) {
      for (const right of ["call", "put"] as const) {
        for (const strike of strikes) {
          out.push({
            ticker: formatOptionTicker({ underlying, root: spec.root, expiry, right, strike }),
            underlying,
            expiry,
            right,
            strike,
            multiplier: 100,
            style: spec.style,
          });
        }
      }
    }
  }
  return out;
}
