import type { z } from "zod";
import type { PageRequest } from "./_attempt.ts";
import type { Deps, Subject } from "./_deps.ts";
import { fetchPage } from "./_fetch_page.ts";
import { redactSecret } from "./_redact_secret.ts";
import { PolygonRequestError } from "./errors.ts";
import type { WirePage } from "./schemas.ts";

/**
 * The URL of the page after this one, with the key added. `next_url` never carries the key;
 * it must stay on the configured origin so the key is never sent anywhere else.
 */
function nextPageUrl(deps: Deps, nextUrl: string, subject: Subject): string {
  const url = new URL(nextUrl, deps.origin);
  if (url.origin !== deps.origin) {
    throw new PolygonRequestError(
      `next_url points to ${url.origin}, not ${deps.origin}; refusing to send the API key there`,
      {
        status: null,
        attempts: 0,
        context: { ...subject, url: redactSecret(url.href, deps.apiKey) },
      },
    );
  }
  url.searchParams.set("apiKey", deps.apiKey);
  return url.href;
}

/**
 * Fetches the first page, then follows `next_url` page by page (each
 * under the rate limiter and retry policy), returning every row in page order.
 *
 * @throws {PolygonRequestError} When a `next_url` repeats (the cursor would loop forever) or
 *   leaves the configured origin.
 */
export async function fetchAllPages<Row>(
  deps: Deps,
  schema: z.ZodType<WirePage<Row>, string>,
  first: string,
  subject: Subject,
  signal?: AbortSignal,
): Promise<Row[]> {
  const rows: Row[] = [];
  const seen = new Set<string>();
  let page: PageRequest = { url: first };
  for (;;) {
    const body: WirePage<Row> = await fetchPage(deps, schema, page, subject, signal);
    for (const row of body.results) rows.push(row);
    if (!body.next_url) return rows;
    if (seen.has(body.next_url)) {
      throw new PolygonRequestError(`next_url repeats after ${seen.size} pages`, {
        status: null,
        attempts: 1,
        context: { ...subject, url: redactSecret(body.next_url, deps.apiKey) },
      });
    }
    seen.add(body.next_url);
    page = { url: nextPageUrl(deps, body.next_url, subject) };
  }
}
