import { nyDate, tradingDays } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import {
  aggBoundMs,
  intParam,
  nextUrl,
  orderParam,
  resolveQuery,
  type RouteContext,
} from "./_fake_query.ts";
import { BadRequest, barToWire, pageOf } from "./_fake_wire.ts";

/** `/v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}`. */
export const AGGS_PATH = /^\/v2\/aggs\/ticker\/([^/]+)\/range\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/;

const MAX_RANGE_MS = 31 * 86_400_000;

/**
 * Minute aggregates of any ticker the provider knows (`SPY`, `I:VIX`, `O:…`), over the
 * trading dates the range touches. `limit` defaults to 5000 and caps at 50000 as on Polygon;
 * indices get no `adjusted` field and bars without `v`, `vw`, `n`; an empty result has no
 * `results` key.
 */
export async function serveAggs(ctx: RouteContext, url: URL, m: RegExpMatchArray) {
  const ticker = decodeURIComponent(m[1]);
  if (m[2] !== "1" || m[3] !== "minute") {
    throw new BadRequest(`The fake server serves 1-minute aggregates only, got ${m[2]}/${m[3]}`);
  }
  const fromMs = aggBoundMs(decodeURIComponent(m[4]), "from");
  const toMs = aggBoundMs(decodeURIComponent(m[5]), "to");
  if (toMs - fromMs > MAX_RANGE_MS) {
    throw new BadRequest("The fake server serves at most 31 days a request");
  }
  const { params, offset } = resolveQuery(url);
  const limit = intParam(params, "limit", 5000, 50_000);
  const sort = orderParam(params, "sort", "asc");
  const rows: MinuteBar[] = [];
  for (const date of tradingDays(nyDate(fromMs), nyDate(toMs))) {
    const bars = await ctx.cached(
      `bars|${ticker}|${date}|${ctx.extendedHours}`,
      () => ctx.provider.minuteBars(ticker, date, { extendedHours: ctx.extendedHours }),
    );
    for (const b of bars) if (b.ts >= fromMs && b.ts <= toMs) rows.push(b);
  }
  rows.sort((a, b) => sort === "asc" ? a.ts - b.ts : b.ts - a.ts);
  const { page, next } = pageOf(rows, offset, limit, 0);
  const index = ticker.startsWith("I:");
  const body: Record<string, unknown> = {
    ticker,
    queryCount: page.length,
    resultsCount: page.length,
  };
  if (!index) body.adjusted = params.get("adjusted") !== "false";
  if (page.length > 0) body.results = page.map(barToWire);
  body.status = "OK";
  body.count = page.length;
  if (next !== null) body.next_url = nextUrl(ctx, url.pathname, params, next);
  return body;
}
