import { nextTradingDay, nyDate, tradingDays } from "../../calendar/mod.ts";
import type { NewsArticle } from "../../market/mod.ts";
import {
  instantParam,
  intParam,
  nextUrl,
  orderParam,
  resolveQuery,
  type RouteContext,
} from "./_fake_query.ts";
import { articleToWire, BadRequest, pageOf } from "./_fake_wire.ts";

const MAX_RANGE_MS = 40 * 86_400_000;

/**
 * `/v2/reference/news`: the provider's articles about `ticker` published inside the
 * `published_utc` bounds (`.gte`/`.gt` and `.lte`/`.lt`, both sides required by the fake),
 * sorted by `published_utc` (then id) in `order` (default `desc`), `limit` 10 by default
 * and at most 1000. Articles are gathered from every trading date whose window touches the
 * bounds, including the next trading date (weekend news belongs to Monday).
 */
export async function serveNews(ctx: RouteContext, url: URL) {
  const { params, offset } = resolveQuery(url);
  const ticker = params.get("ticker");
  if (!ticker) throw new BadRequest("The fake server needs ticker");
  const gte = instantParam(params, "published_utc.gte");
  const gt = instantParam(params, "published_utc.gt");
  const lte = instantParam(params, "published_utc.lte");
  const lt = instantParam(params, "published_utc.lt");
  const lowMs = gte ?? gt;
  const highMs = lt ?? lte;
  if (lowMs === undefined || highMs === undefined) {
    throw new BadRequest("The fake server needs lower and upper published_utc bounds");
  }
  if (highMs - lowMs > MAX_RANGE_MS) throw new BadRequest("The fake server serves at most 40 days");
  const limit = intParam(params, "limit", 10, 1000);
  const order = orderParam(params, "order", "desc");
  const byId = new Map<string, NewsArticle>();
  const last = nextTradingDay(nyDate(Math.max(lowMs, highMs)));
  for (const date of tradingDays(nyDate(lowMs), last)) {
    const articles = await ctx.cached(
      `news|${ticker}|${date}`,
      () => ctx.provider.news(ticker, date),
    );
    for (const a of articles) byId.set(a.id, a);
  }
  const rows = [...byId.values()].filter((a) =>
    (gte === undefined || a.publishedMs >= gte) && (gt === undefined || a.publishedMs > gt) &&
    (lte === undefined || a.publishedMs <= lte) && (lt === undefined || a.publishedMs < lt)
  );
  const sign = order === "asc" ? 1 : -1;
  rows.sort((a, b) =>
    sign * (a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
  const { page, next } = pageOf(rows, offset, limit, ctx.overlap);
  const body: Record<string, unknown> = {
    count: page.length,
    results: page.map((a) => articleToWire(a, ticker)),
    status: "OK",
  };
  if (next !== null) body.next_url = nextUrl(ctx, url.pathname, params, next);
  return body;
}
