/**
 * The simulator's listed option chain: daily expiries for three weeks plus the monthlies
 * (third Fridays) for two months, strikes every 1.0 within 40 of the previous close, every
 * contract American-style with a multiplier of 100.
 *
 * @module
 */
import { CALENDAR_LAST_YEAR } from "../../calendar/mod.ts";
import type { OptionContract } from "../../market/mod.ts";
import { formatOptionTicker } from "../../market/mod.ts";
import { listedExpiries } from "../../market/mod.ts";
import { listedStrikes } from "../../market/mod.ts";
import type { OptionContractsOptions } from "../source.ts";
import { dailySeries, dayIndex, previousClose } from "./_daily.ts";

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
  const horizonDays = Math.min(60, Math.floor((lastDay - Date.parse(date)) / DAY_MS));
  const expiries = listedExpiries(date, { horizonDays, dailyHorizonDays: 21 })
    .filter((e) => e >= expiryFrom && e <= expiryTo);
  const reference = previousClose(dailySeries(seed, underlying), dayIndex(date));
  const strikes = listedStrikes(reference, { increment: 1, width: 40 })
    .filter((k) => k >= strikeMin && k <= strikeMax);
  const out: OptionContract[] = [];
  for (const expiry of expiries) {
    for (const right of ["call", "put"] as const) {
      for (const strike of strikes) {
        out.push({
          ticker: formatOptionTicker({ underlying, expiry, right, strike }),
          underlying,
          expiry,
          right,
          strike,
          multiplier: 100,
          style: "american",
        });
      }
    }
  }
  return out;
}
