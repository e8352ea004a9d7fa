/**
 * Records to Polygon's JSON shapes, and the paging helpers of the fake server. Field names
 * and order follow the client-python mocks and the OpenAPI examples in
 * `/work/shared/data/polygon-api`.
 */
import type { MinuteBar } from "../../market/mod.ts";
import type { OptionContract } from "../../market/mod.ts";
import type { NewsArticle } from "../../market/mod.ts";

/** An aggregate bar; indices (null volume, VWAP, trades) come out as `{ o, c, h, l, t }`. */
export function barToWire(b: MinuteBar): Record<string, number> {
  const out: Record<string, number> = {};
  if (b.volume !== null) out.v = b.volume;
  if (b.vwap !== null) out.vw = b.vwap;
  Object.assign(out, { o: b.open, c: b.close, h: b.high, l: b.low, t: b.ts });
  if (b.trades !== null) out.n = b.trades;
  return out;
}

/** A contract as `/v3/reference/options/contracts` lists it (CFI per ISO 10962). */
export function contractToWire(c: OptionContract): Record<string, unknown> {
  const european = c.style === "european";
  const cfi = `O${c.right === "call" ? "C" : "P"}${european ? "EICS" : "ASPS"}`;
  return {
    cfi,
    contract_type: c.right,
    exercise_style: c.style,
    expiration_date: c.expiry,
    primary_exchange: "BATO",
    shares_per_contract: c.multiplier,
    strike_price: c.strike,
    ticker: c.ticker,
    underlying_ticker: c.underlying,
  };
}

/** `2024-06-24T18:33:53Z`: Polygon's form, milliseconds only when not zero. */
export function isoSeconds(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/** An article as `/v2/reference/news` lists it, with an insight for the requested ticker. */
export function articleToWire(a: NewsArticle, ticker: string): Record<string, unknown> {
  const slug = a.publisher.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const out: Record<string, unknown> = {
    id: a.id,
    publisher: {
      name: a.publisher,
      homepage_url: `https://${slug}.example/`,
      logo_url: `https://${slug}.example/logo.png`,
      favicon_url: `https://${slug}.example/favicon.ico`,
    },
    title: a.title,
    author: a.publisher,
    published_utc: isoSeconds(a.publishedMs),
    article_url: a.url,
    tickers: a.tickers,
  };
  if (a.sentimentLabel !== null) {
    out.insights = [{
      ticker,
      sentiment: a.sentimentLabel,
      sentiment_reasoning: a.sentimentReasoning ?? "",
    }];
  }
  return out;
}

/** What a cursor holds: the original query (without the key) and the next row offset. */
export interface Cursor {
  query: string;
  offset: number;
}

/** An opaque, URL-safe cursor. */
export function encodeCursor(c: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([c.query, c.offset]));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Reads a cursor; null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
    const [query, offset] = JSON.parse(json) as [unknown, unknown];
    if (typeof query !== "string" || !Number.isInteger(offset) || (offset as number) < 0) {
      return null;
    }
    return { query, offset: offset as number };
  } catch {
    return null;
  }
}

/**
 * One page of rows and the offset of the next (null on the last page). With `overlap`,
 * the next page starts that many rows before this one ends (never at or before its start).
 */
export function pageOf<T>(rows: T[], offset: number, limit: number, overlap: number) {
  const page = rows.slice(offset, offset + limit);
  const end = offset + page.length;
  const next = end < rows.length ? Math.max(offset + 1, end - overlap) : null;
  return { page, next };
}

/** A 400 with Polygon's error body. */
export class BadRequest extends Error {
  override readonly name = "BadRequest";
}
