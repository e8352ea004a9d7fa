import { type NewsArticle, sentimentScore } from "../../market/mod.ts";
import type { FetchOptions } from "../source.ts";
import type { Deps } from "./_deps.ts";
import { fetchAllPages } from "./_fetch_all_pages.ts";
import { endpointUrl } from "./_urls.ts";
import { newsWindow } from "./_windows.ts";
import { NewsResponseSchema } from "./schemas.ts";

/**
 * News mentioning a ticker in a trading date's window: `ticker`, `published_utc.gte` /
 * `.lt` (ISO instants of the window's New York midnights), `order=asc`,
 * `sort=published_utc`, `limit` up to 1000. Articles repeated across pages are kept once
 * (first copy, by `id`); articles outside the window are dropped; the rest come back
 * ascending by publication time (ties keep Polygon's order). The sentiment is the `insights` entry for the requested ticker;
 * null when Polygon has none.
 */
export async function fetchNews(
  deps: Deps,
  pageLimit: number,
  ticker: string,
  date: string,
  options: FetchOptions,
): Promise<NewsArticle[]> {
  const { startMs, endMs } = newsWindow(ticker, date);
  const first = endpointUrl(deps.base, "/v2/reference/news", deps.apiKey, {
    ticker,
    "published_utc.gte": new Date(startMs).toISOString(),
    "published_utc.lt": new Date(endMs).toISOString(),
    order: "asc",
    limit: Math.min(pageLimit, 1000),
    sort: "published_utc",
  });
  const subject = { what: "news", ticker, date };
  const wire = await fetchAllPages(deps, NewsResponseSchema, first, subject, options.signal);
  const byId = new Map<string, NewsArticle>();
  for (const a of wire) {
    if (byId.has(a.id) || a.published_utc < startMs || a.published_utc >= endMs) continue;
    const insight = a.insights?.find((i) => i.ticker === ticker);
    byId.set(a.id, {
      id: a.id,
      publishedMs: a.published_utc,
      title: a.title,
      publisher: a.publisher.name,
      url: a.article_url,
      tickers: a.tickers,
      sentiment: insight ? sentimentScore(insight.sentiment) : null,
      sentimentLabel: insight?.sentiment ?? null,
      sentimentReasoning: insight?.sentiment_reasoning ?? null,
    });
  }
  return [...byId.values()].sort((a, b) => a.publishedMs - b.publishedMs);
}
