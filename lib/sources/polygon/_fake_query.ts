import { addDays, nyToUtcMs, parseIsoDate } from "../../calendar/mod.ts";
import type { Source } from "../source.ts";
import { BadRequest, decodeCursor, encodeCursor } from "./_fake_wire.ts";

/** What every fake endpoint handler gets. */
export interface RouteContext {
  provider: Source;
  /** `http://127.0.0.1:<port>`: next_url's origin. */
  origin: string;
  extendedHours: boolean;
  /** Rows repeated at the start of later news/contracts pages. */
  overlap: number;
  /** Memoises provider calls (they are pure and can be slow). */
  cached<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** The effective query of a request: its own, or the one its cursor carries. */
export function resolveQuery(url: URL): { params: URLSearchParams; offset: number } {
  const cursor = url.searchParams.get("cursor");
  if (cursor === null) return { params: url.searchParams, offset: 0 };
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new BadRequest("Invalid cursor");
  return { params: new URLSearchParams(decoded.query), offset: decoded.offset };
}

/** The absolute next_url for a page starting at `offset` (never carries the key). */
export function nextUrl(ctx: RouteContext, path: string, params: URLSearchParams, offset: number) {
  const query = new URLSearchParams(params);
  query.delete("apiKey");
  query.delete("cursor");
  return `${ctx.origin}${path}?cursor=${encodeCursor({ query: query.toString(), offset })}`;
}

/** An integer query parameter in [min, max], or its default. */
export function intParam(
  params: URLSearchParams,
  name: string,
  defaultValue: number,
  max: number,
): number {
  const text = params.get(name);
  if (text === null) return defaultValue;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new BadRequest(`${name} must be an integer from 1 to ${max}, got "${text}"`);
  }
  return n;
}

/** A number query parameter, or undefined. */
export function numParam(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new BadRequest(`${name} must be a number, got "${text}"`);
  return n;
}

/** `asc` or `desc`. */
export function orderParam(params: URLSearchParams, name: string, def: "asc" | "desc") {
  const text = params.get(name) ?? def;
  if (text !== "asc" && text !== "desc") {
    throw new BadRequest(`${name} must be asc or desc, got "${text}"`);
  }
  return text;
}

/**
 * An aggregates range bound as UTC ms: a millisecond timestamp as is, or a date read in
 * New York time (the start of its day for `from`, the last ms of its day for `to`).
 */
export function aggBoundMs(text: string, edge: "from" | "to"): number {
  if (/^\d+$/.test(text)) return Number(text);
  try {
    parseIsoDate(text);
  } catch {
    throw new BadRequest(`${edge} must be YYYY-MM-DD or a ms timestamp, got "${text}"`);
  }
  return edge === "from" ? nyToUtcMs(text, 0) : nyToUtcMs(addDays(text, 1), 0) - 1;
}

/** A `published_utc` bound: an ISO date (UTC midnight) or a date-time with offset, as UTC ms. */
export function instantParam(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  let ms = NaN;
  try {
    if (m) {
      parseIsoDate(m[1]);
      ms = Date.parse(text);
    }
  } catch {
    // not a real calendar date (2025-02-30): NaN below
  }
  if (Number.isNaN(ms)) {
    throw new BadRequest(`${name} must be an ISO date or date-time, got "${text}"`);
  }
  return ms;
}
