/**
 * Backfill planning: datasets × symbols × trading days → partition jobs, date by date.
 *
 * @module
 */
import { nyToUtcMs, tradingDateWindow, tradingDays } from "../calendar/mod.ts";
import { sessionOf } from "./_dates.ts";
import { barsFrame, newsFrame } from "../lake/mod.ts";
import { NewsArticleSchema } from "../market/mod.ts";
import type { Source } from "../sources/mod.ts";
import type { PartitionJob } from "./run_jobs.ts";
import { cleanBars } from "./validate.ts";

/** Options for {@linkcode planBackfill}. */
export interface PlanBackfillOptions {
  /** Which datasets: `equity` (symbols), `index` (indices), `news` (symbols). */
  datasets: readonly ("equity" | "index" | "options" | "news")[];
  symbols: readonly string[];
  indices: readonly string[];
  /** First trading date, inclusive. */
  from: string;
  /** Last trading date, inclusive. */
  to: string;
  /** Keep 04:00–20:00 New York instead of the regular session. @default false */
  extendedHours?: boolean;
}

/** The warning of a bar partition recorded with zero bars. */
export function emptyWarning(source: string, ticker: string, received: number): string {
  const why = received === 0
    ? `${source} returned no bars`
    : `all ${received} bars were quarantined`;
  return `zero bars for ${ticker}: ${why} (an unknown symbol, or nothing published yet); recorded as empty, --retry-empty fetches it again`;
}

/** A bar job: one ticker's minute bars for one trading date into `dataset`. */
export function barsJob(
  source: Source,
  dataset: "equity_minute" | "index_minute",
  ticker: string,
  date: string,
  extendedHours = false,
): PartitionJob {
  return {
    id: { dataset, value: ticker, date },
    async produce(signal) {
      const s = sessionOf(date, `fetch ${ticker}`);
      const window = extendedHours
        ? { startMs: nyToUtcMs(date, 4, 0), endMs: nyToUtcMs(date, 20, 0) }
        : { startMs: s.openMs, endMs: s.closeMs };
      let wireFields: Record<string, string> | undefined;
      const raw = await source.minuteBars(ticker, date, {
        signal,
        extendedHours,
        onWireFields: (f) => (wireFields = f),
      });
      const { bars, quarantine } = cleanBars(raw, window);
      return {
        frame: barsFrame(bars, source.name),
        quarantine,
        wireFields,
        warnings: bars.length === 0 ? [emptyWarning(source.name, ticker, raw.length)] : [],
      };
    },
  };
}

/**
 * A news job: one ticker's articles for one trading date, de-duplicated on id (the first
 * copy wins), sorted by publication time then id. An article that fails the schema, or was
 * published outside the date's window (after the New York midnight that ends the previous
 * trading date, up to the one that ends this date: weekend news belongs to Monday), is
 * quarantined, so that no article can land in two dates' partitions.
 */
export function newsJob(source: Source, ticker: string, date: string): PartitionJob {
  return {
    id: { dataset: "news", value: ticker, date },
    async produce(signal) {
      const articles = await source.news(ticker, date, { signal });
      const { startMs, endMs } = tradingDateWindow(date);
      const seen = new Set<string>();
      const kept = [];
      const quarantine = [];
      for (const a of articles) {
        const parsed = NewsArticleSchema.safeParse(a);
        if (!parsed.success) {
          const { path, message } = parsed.error.issues[0];
          quarantine.push({ reason: `${path.join(".") || "article"}: ${message}`, row: a });
        } else if (a.publishedMs < startMs || a.publishedMs >= endMs) {
          const at = new Date(a.publishedMs).toISOString();
          quarantine.push({
            reason: `published ${at} is outside the news window of ${date}`,
            row: a,
          });
        } else if (!seen.has(a.id)) {
          seen.add(a.id);
          kept.push(parsed.data);
        }
      }
      kept.sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : 1));
      return { frame: newsFrame(kept, source.name), quarantine };
    },
  };
}

/**
 * The trading days a backfill covers, `from`..`to` inclusive.
 *
 * @throws {RangeError} when `from` is after `to` or the range has no trading day.
 */
export function backfillDays(from: string, to: string): string[] {
  if (from > to) throw new RangeError(`Cannot plan a backfill: from ${from} is after to ${to}`);
  const days = tradingDays(from, to);
  if (days.length === 0) {
    throw new RangeError(`Cannot plan a backfill: no trading day from ${from} to ${to}`);
  }
  return days;
}

/**
 * The jobs of a backfill, date-major (every dataset of a day before the next day), so an
 * interrupted run leaves whole days behind it.
 *
 * @throws {RangeError} when `from` is after `to` or the range has no trading day.
 */
export function planBackfill(source: Source, options: PlanBackfillOptions): PartitionJob[] {
  const { datasets, symbols, indices, from, to, extendedHours = false } = options;
  const days = backfillDays(from, to);
  const jobs: PartitionJob[] = [];
  for (const date of days) {
    if (datasets.includes("equity")) {
      for (const s of symbols) jobs.push(barsJob(source, "equity_minute", s, date, extendedHours));
    }
    if (datasets.includes("index")) {
      for (const s of indices) jobs.push(barsJob(source, "index_minute", s, date, extendedHours));
    }
    if (datasets.includes("news")) { for (const s of symbols) jobs.push(newsJob(source, s, date)); }
  }
  return jobs;
}
