import { type DefaultApi, ListNewsOrderEnum, ListNewsSortEnum } from "@polygon.io/client-js";
import { type NewsArticle, sentimentScore } from "../../market/mod.ts";
import type { FetchOptions } from "../source.ts";
import type { Deps } from "./_deps.ts";
import { fetchAllPages } from "./_fetch_all_pages.ts";
import type { ClientCall } from "./_transport.ts";
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
  rest: DefaultApi,
  pageLimit: number,
  ticker: string,
  date: string,
  options: FetchOptions,
): Promise<NewsArticle[]> {
  const { startMs, endMs } = newsWindow(ticker, date);
  // client-js 8.2.0 types the published_utc filters as strings but copies them into the
  // query with Object.entries (a string would become `0=2&1=0&…`): pass { name: value }.
  const gte = { "published_utc.gte": new Date(startMs).toISOString() } as unknown as string;
  const lt = { "published_utc.lt": new Date(endMs).toISOString() } as unknown as string;
  const limit = Math.min(pageLimit, 1000);
  const call: ClientCall = (o) =>
    rest.listNews(
      ticker,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      gte,
      undefined,
      undefined,
      lt,
      ListNewsOrderEnum.Asc,
      limit,
      ListNewsSortEnum.PublishedUtc,
      o,
    );
  const subject = { what: "news", ticker, date };
  const wire = await fetchAllPages(deps, NewsResponseSchema, call, subject, options.signal);
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
