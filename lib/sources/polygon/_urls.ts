/**
 * The first-page URLs of the three REST endpoints the source reads, built from Polygon's
 * OpenAPI parameter names (`/work/shared/data/polygon-api/openapi/rest.json`), with the key
 * as `apiKey`. Later pages follow `next_url` (see `_fetch_all_pages.ts`).
 *
 * @module
 */

type Query = Record<string, string | number | boolean | undefined>;

/** `base` + `path` with the key first, then the defined query values in order. */
export function endpointUrl(base: string, path: string, apiKey: string, query: Query): string {
  const url = new URL(base.replace(/\/+$/, "") + path);
  url.searchParams.set("apiKey", apiKey);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url.href;
}

const seg = (s: string) => encodeURIComponent(s);

/**
 * Minute aggregates of a ticker: `/v2/aggs/ticker/{ticker}/range/1/minute/{from}/{to}`,
 * ascending; `adjusted=true` for stocks and options (indices take no `adjusted`).
 */
export function aggsPath(ticker: string, from: string, to: string, limit: number) {
  return {
    path: `/v2/aggs/ticker/${seg(ticker)}/range/1/minute/${seg(from)}/${seg(to)}`,
    query: { adjusted: ticker.startsWith("I:") ? undefined : true, sort: "asc", limit },
  };
}
