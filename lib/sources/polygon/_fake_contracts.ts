import type { OptionContract } from "../../market/mod.ts";
import {
  intParam,
  nextUrl,
  numParam,
  orderParam,
  resolveQuery,
  type RouteContext,
} from "./_fake_query.ts";
import { BadRequest, contractToWire, pageOf } from "./_fake_wire.ts";

const SORTS = ["ticker", "underlying_ticker", "expiration_date", "strike_price"] as const;
type SortKey = typeof SORTS[number];

function key(c: OptionContract, sort: SortKey): string | number {
  if (sort === "strike_price") return c.strike;
  if (sort === "expiration_date") return c.expiry;
  if (sort === "underlying_ticker") return c.underlying;
  return c.ticker;
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `/v3/reference/options/contracts`: the provider's chain as of `as_of`, filtered by
 * expiration, strike and type (exact, `.gte`, `.gt`, `.lte`, `.lt`), sorted by `sort` (then
 * ticker) in `order`, `limit` 10 by default and at most 1000. The fake has no clock, so
 * `underlying_ticker` and `as_of` are required; `expired=true` lists nothing because the
 * provider knows only contracts live on a date.
 */
export async function serveContracts(ctx: RouteContext, url: URL) {
  const { params, offset } = resolveQuery(url);
  const underlying = params.get("underlying_ticker");
  const asOf = params.get("as_of");
  if (!underlying || !asOf) {
    throw new BadRequest("The fake server needs underlying_ticker and as_of (it has no clock)");
  }
  const limit = intParam(params, "limit", 10, 1000);
  const order = orderParam(params, "order", "asc");
  const sort = (params.get("sort") ?? "ticker") as SortKey;
  if (!SORTS.includes(sort)) throw new BadRequest(`sort must be one of ${SORTS.join(", ")}`);
  const strike = (op: string) => numParam(params, `strike_price${op}`);
  const expiry = (op: string) => params.get(`expiration_date${op}`) ?? undefined;
  let rows: OptionContract[] = [];
  if (params.get("expired") !== "true") {
    const opts = {
      strikeMin: strike(".gte"),
      strikeMax: strike(".lte"),
      expiryFrom: expiry(".gte") ?? asOf,
      expiryTo: expiry(".lte"),
    };
    rows = await ctx.cached(
      `contracts|${underlying}|${asOf}|${JSON.stringify(opts)}`,
      () => ctx.provider.optionContracts(underlying, asOf, opts),
    );
  }
  const type = params.get("contract_type");
  const [sEq, sGt, sLt] = [strike(""), strike(".gt"), strike(".lt")];
  const [eEq, eGt, eLt] = [expiry(""), expiry(".gt"), expiry(".lt")];
  rows = rows.filter((c) =>
    (type === null || c.right === type) &&
    (sEq === undefined || c.strike === sEq) && (sGt === undefined || c.strike > sGt) &&
    (sLt === undefined || c.strike < sLt) && (eEq === undefined || c.expiry === eEq) &&
    (eGt === undefined || c.expiry > eGt) && (eLt === undefined || c.expiry < eLt) &&
    c.expiry >= asOf
  );
  const sign = order === "asc" ? 1 : -1;
  rows = [...rows].sort((a, b) =>
    sign * (compare(key(a, sort), key(b, sort)) || compare(a.ticker, b.ticker))
  );
  const { page, next } = pageOf(rows, offset, limit, ctx.overlap);
  const body: Record<string, unknown> = { results: page.map(contractToWire), status: "OK" };
  if (next !== null) body.next_url = nextUrl(ctx, url.pathname, params, next);
  return body;
}
