import type { MinuteBar } from "../../market/mod.ts";
import type { MinuteBarsOptions } from "../source.ts";
import type { Deps } from "./_deps.ts";
import { fetchAllPages } from "./_fetch_all_pages.ts";
import { aggsPath, endpointUrl } from "./_urls.ts";
import { barWindow } from "./_windows.ts";
import { AggsResponseSchema } from "./schemas.ts";

/**
 * Minute bars of one ticker for one trading date: `range/1/minute/{from}/{to}` with `from`
 * and `to` as UTC ms (no time-zone reading of dates by the server), `adjusted=true`,
 * `sort=asc`. Bars outside the window (pre/post-market unless `extendedHours`) are
 * dropped; the rest come back ascending by `ts`, one per minute (a repeated minute across
 * page boundaries keeps its first copy). Indices have no volume, VWAP or trade count: null.
 */
export async function fetchMinuteBars(
  deps: Deps,
  pageLimit: number,
  ticker: string,
  date: string,
  options: MinuteBarsOptions,
): Promise<MinuteBar[]> {
  const { extendedHours = false, signal } = options;
  const { startMs, endMs } = barWindow(ticker, date, extendedHours);
  const { path, query } = aggsPath(
    ticker,
    String(startMs),
    String(endMs - 1),
    Math.min(pageLimit, 50_000),
  );
  const first = endpointUrl(deps.base, path, deps.apiKey, query);
  const subject = { what: "minute aggregates", ticker, date };
  const wire = await fetchAllPages(deps, AggsResponseSchema, first, subject, signal);
  const byTs = new Map<number, MinuteBar>();
  for (const b of wire) {
    if (b.t < startMs || b.t >= endMs || byTs.has(b.t)) continue;
    byTs.set(b.t, {
      ts: b.t,
      open: b.o,
      high: b.h,
      low: b.l,
      close: b.c,
      volume: b.v ?? null,
      vwap: b.vw ?? null,
      trades: b.n ?? null,
    });
  }
  return [...byTs.values()].sort((a, b) => a.ts - b.ts);
}
