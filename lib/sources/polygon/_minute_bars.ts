import type { MinuteBar } from "../../market/mod.ts";
import type { MinuteBarsOptions } from "../source.ts";
import type { Deps } from "./_deps.ts";
import { fetchAllPages } from "./_fetch_all_pages.ts";
import { aggsPath, endpointUrl } from "./_urls.ts";
import { barWindow } from "./_windows.ts";
import { AggsResponseSchema } from "./schemas.ts";

/** A wire value's JSON type (numbers are one type: JSON does not tell 10 from 10.0). */
function jsonType(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

/** The fields of wire bars, name → JSON type, over every bar (a field absent in all is absent). */
function wireFields(wire: readonly Record<string, unknown>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of wire) {
    for (const k in b) if (!(k in out)) out[k] = jsonType(b[k]);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Minute bars of one ticker for one trading date: `range/1/minute/{from}/{to}` with `from`
 * and `to` as UTC ms (no time-zone reading of dates by the server), `adjusted=true`,
 * `sort=asc`. Every bar the server sent comes back once (an identical copy, as overlapping
 * pages give, is one bar), ascending by `ts` (stable): a bar outside the window or a second,
 * different bar for one minute is not dropped here but left to ingest's validation, which
 * quarantines it with its reason. Indices have no volume, VWAP or
 * trade count: null.
 */
export async function fetchMinuteBars(
  deps: Deps,
  pageLimit: number,
  ticker: string,
  date: string,
  options: MinuteBarsOptions,
): Promise<MinuteBar[]> {
  const { extendedHours = false, signal, onWireFields } = options;
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
  if (onWireFields) onWireFields(wireFields(wire));
  const bars: MinuteBar[] = [];
  const seen = new Map<number, string[]>(); // ts → the bars kept for it, as JSON
  for (const b of wire) {
    const bar: MinuteBar = {
      ts: b.t,
      open: b.o,
      high: b.h,
      low: b.l,
      close: b.c,
      volume: b.v ?? null,
      vwap: b.vw ?? null,
      trades: b.n ?? null,
    };
    // the same bar again (pages that overlap) is one bar; a different one for the minute is kept
    const json = JSON.stringify(bar), kept = seen.get(b.t);
    if (kept?.includes(json)) continue;
    if (kept) kept.push(json);
    else seen.set(b.t, [json]);
    bars.push(bar);
  }
  return bars.sort((a, b) => a.ts - b.ts);
}
