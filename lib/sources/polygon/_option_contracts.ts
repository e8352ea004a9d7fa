import type { OptionContract } from "../../market/mod.ts";
import type { OptionContractsOptions } from "../source.ts";
import type { Deps } from "./_deps.ts";
import { fetchAllPages } from "./_fetch_all_pages.ts";
import { endpointUrl } from "./_urls.ts";
import { isTradingDay } from "../../calendar/mod.ts";
import { OptionContractsResponseSchema } from "./schemas.ts";

/**
 * Option contracts of an underlying listed as of a trading date:
 * `underlying_ticker`, `as_of=date`, `expired=false`, `expiration_date.gte` (default the
 * date) / `.lte`, `strike_price.gte` / `.lte`, sorted by ticker ascending, `limit` up to 1000.
 *
 * `expired` is judged as of `as_of`, not as of today: an `as_of` query in the past returns
 * contracts that were live then even though they have expired since (the behaviour
 * reported in polygon-io/issues#242). Contracts of type `other` or with `bermudan` exercise
 * cannot be represented as an `OptionContract`; they are skipped with a warning.
 */
export async function fetchOptionContracts(
  deps: Deps,
  pageLimit: number,
  underlying: string,
  date: string,
  options: OptionContractsOptions,
): Promise<OptionContract[]> {
  const { strikeMin, strikeMax, expiryFrom = date, expiryTo, signal } = options;
  if (!isTradingDay(date)) {
    throw new RangeError(
      `Cannot fetch ${underlying} option contracts for ${date}: the exchange is closed`,
    );
  }
  const first = endpointUrl(deps.base, "/v3/reference/options/contracts", deps.apiKey, {
    underlying_ticker: underlying,
    as_of: date,
    expired: false,
    "expiration_date.gte": expiryFrom,
    "expiration_date.lte": expiryTo,
    "strike_price.gte": strikeMin,
    "strike_price.lte": strikeMax,
    order: "asc",
    limit: Math.min(pageLimit, 1000),
    sort: "ticker",
  });
  const subject = { what: "option contracts", ticker: underlying, date };
  const wire = await fetchAllPages(deps, OptionContractsResponseSchema, first, subject, signal);
  const out: OptionContract[] = [];
  const seen = new Set<string>();
  for (const c of wire) {
    if (c.contract_type === "other" || c.exercise_style === "bermudan") {
      deps.logger.warn?.(`Skipping ${c.ticker}: ${c.contract_type} ${c.exercise_style} contract`);
      continue;
    }
    if (seen.has(c.ticker)) continue;
    seen.add(c.ticker);
    out.push({
      ticker: c.ticker,
      underlying: c.underlying_ticker,
      expiry: c.expiration_date,
      right: c.contract_type,
      strike: c.strike_price,
      multiplier: c.shares_per_contract,
      style: c.exercise_style,
    });
  }
  return out;
}
