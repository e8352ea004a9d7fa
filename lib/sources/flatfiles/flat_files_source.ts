/**
 * The flat-file source: a day's aggregates of an asset class are downloaded once (through
 * the cache) and read in one streaming pass (gunzip → CSV → typed columns) that keeps the
 * configured tickers only: the symbols, the indices, and every contract of the
 * underlyings' option roots. One day per asset class is held; asking for another day
 * replaces it. It implements {@linkcode Source} (minute bars, and the option contracts seen
 * traded that day), plus {@linkcode FlatFilesSource.chain} for whole-chain imports.
 *
 * @module
 */
import { session } from "../../calendar/mod.ts";
import { nyToUtcMs } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import type { OptionContract } from "../../market/mod.ts";
import { parseOptionTicker } from "../../market/mod.ts";
import type { FetchOptions, MinuteBarsOptions, OptionContractsOptions, Source } from "../source.ts";
import type { FlatFileCache } from "./cache.ts";
import type { TickerBars } from "./_columns.ts";
import { downloadObject } from "./download.ts";
import { FlatFileError } from "./errors.ts";
import { assetOf, FLAT_FILE_HEADER, type FlatFileAsset, flatFileKey } from "./object_key.ts";
import { parseDay, type ParsedDay } from "./_parse_day.ts";
import { optionRoots, rootOf } from "./_roots.ts";
import type { S3Client } from "./s3_client.ts";

/** Options for {@linkcode createFlatFilesSource}. */
export interface FlatFilesSourceOptions {
  client: S3Client;
  /** The download cache (or its opening, awaited at the first download). */
  cache: FlatFileCache | Promise<FlatFileCache>;
  /** Equities kept from the stocks file. */
  symbols?: readonly string[];
  /** Indices kept from the indices file. */
  indices?: readonly string[];
  /** Underlyings whose whole chains are kept from the options file (and their own bars). */
  underlyings?: readonly string[];
  /** Resumptions of a broken download. @default 5 */
  maxRetries?: number;
  /** Longest wait for the next chunk of a download, ms. @default 60000 */
  stallMs?: number;
  logger?: { warn?: (message: string) => void; debug?: (message: string) => void };
}

/** A day's file as read: its key and the wanted tickers' rows. */
export interface LoadedDay extends ParsedDay {
  objectKey: string;
  /** True when the object came from the cache. */
  hit: boolean;
}

/** What the source did, for summaries and benchmarks. */
export interface FlatFilesStats {
  /** Objects read (hits and downloads). */
  objects: number;
  downloads: number;
  downloadedBytes: number;
  /** CSV data rows read, every ticker. */
  rowsRead: number;
}

/** The flat-file source. */
export interface FlatFilesSource extends Source {
  readonly name: "flatfiles";
  readonly stats: FlatFilesStats;
  /** The day's file of an asset class, read once (the wanted tickers only). */
  day(asset: FlatFileAsset, date: string, options?: FetchOptions): Promise<LoadedDay>;
  /** Every contract of the underlying's roots that traded on the date, by ticker. */
  chain(underlying: string, date: string, options?: FetchOptions): Promise<TickerBars[]>;
}

/** The first malformed row of a ticker as an error, if it has one. */
function malformedError(day: LoadedDay, ticker: string): FlatFileError | null {
  const bad = day.malformed.filter((m) => m.ticker === ticker);
  if (bad.length === 0) return null;
  const { line, reason, text } = bad[0];
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more malformed rows of ${ticker})` : "";
  return new FlatFileError(
    day.objectKey,
    `Cannot import ${ticker} from ${day.objectKey}: line ${line}: ${reason}: "${text}"${more}`,
  );
}

/** Checks a ticker's rows for malformed lines; throws the first. */
export function assertWellFormed(day: LoadedDay, ticker: string): void {
  const e = malformedError(day, ticker);
  if (e) throw e;
}

/** The contracts of an underlying's roots in a day's options file, by ticker. */
export function chainOf(day: LoadedDay, underlying: string): TickerBars[] {
  const mine = new Set(optionRoots(underlying));
  return [...day.tickers.values()].filter((b) => mine.has(rootOf(b.ticker) ?? ""));
}

/** Creates the flat-file source. */
export function createFlatFilesSource(options: FlatFilesSourceOptions): FlatFilesSource {
  const { client, symbols = [], indices = [], underlyings = [], logger } = options;
  const opened = Promise.resolve(options.cache);
  opened.catch(() => {}); // reported at the first download
  const stocks = new Set([...symbols, ...underlyings.filter((u) => !u.startsWith("I:"))]);
  const index = new Set([...indices, ...underlyings.filter((u) => u.startsWith("I:"))]);
  const roots = new Set(underlyings.flatMap((u) => optionRoots(u)));
  const want: Record<FlatFileAsset, (t: string) => boolean> = {
    stocks: (t) => stocks.has(t),
    indices: (t) => index.has(t),
    options: (t) => roots.has(rootOf(t) ?? ""),
  };
  // The last two days of each asset class: at a day boundary, jobs of both days run at once.
  const held = new Map<FlatFileAsset, Map<string, Promise<LoadedDay>>>();
  const stats: FlatFilesStats = { objects: 0, downloads: 0, downloadedBytes: 0, rowsRead: 0 };

  async function load(asset: FlatFileAsset, date: string, signal?: AbortSignal) {
    const objectKey = flatFileKey(asset, date);
    const cache = await opened;
    const got = await downloadObject(client, cache, objectKey, {
      signal,
      maxRetries: options.maxRetries,
      stallMs: options.stallMs,
      onRetry: logger?.warn,
    });
    stats.objects++;
    if (!got.hit) {
      stats.downloads++;
      stats.downloadedBytes += got.downloadedBytes;
    }
    const file = await Deno.open(got.path, { read: true });
    try {
      const parsed = await parseDay(
        file.readable.pipeThrough(new DecompressionStream("gzip")),
        { objectKey, header: FLAT_FILE_HEADER[asset], want: want[asset] },
      );
      stats.rowsRead += parsed.rows;
      return { ...parsed, objectKey, hit: got.hit };
    } catch (e) {
      // A file that cannot be read is not kept: the next run downloads it again.
      await cache.drop(objectKey);
      throw e;
    }
  }

  function day(asset: FlatFileAsset, date: string, opts: FetchOptions = {}) {
    let days = held.get(asset);
    if (!days) held.set(asset, days = new Map());
    const known = days.get(date);
    if (known) return known;
    const loaded = load(asset, date, opts.signal);
    days.set(date, loaded);
    if (days.size > 2) days.delete(days.keys().next().value!);
    loaded.catch(() => days.delete(date)); // each caller sees the error; a later one retries
    return loaded;
  }

  return {
    name: "flatfiles",
    stats,
    day,
    async minuteBars(ticker: string, date: string, opts: MinuteBarsOptions = {}) {
      const asset = assetOf(ticker);
      if (!want[asset](ticker)) {
        throw new RangeError(
          `Cannot read ${ticker} from flat files: it is not configured (backfill.symbols, ` +
            "backfill.indices or options.underlyings), so the day's pass did not keep it",
        );
      }
      const d = await day(asset, date, opts);
      assertWellFormed(d, ticker);
      const bars = d.tickers.get(ticker);
      if (!bars) return [];
      const s = session(date);
      const window = opts.extendedHours || !s
        ? { startMs: nyToUtcMs(date, 4, 0), endMs: nyToUtcMs(date, 20, 0) }
        : { startMs: s.openMs, endMs: s.closeMs };
      const out: MinuteBar[] = [];
      for (let i = 0; i < bars.length; i++) {
        const ts = bars.ts[i];
        if (ts < window.startMs || ts >= window.endMs) continue;
        out.push({
          ts,
          open: bars.open[i],
          high: bars.high[i],
          low: bars.low[i],
          close: bars.close[i],
          volume: Number.isNaN(bars.volume[i]) ? null : bars.volume[i],
          vwap: null,
          trades: Number.isNaN(bars.trades[i]) ? null : bars.trades[i],
        });
      }
      return out.sort((a, b) => a.ts - b.ts);
    },
    async optionContracts(underlying: string, date: string, opts: OptionContractsOptions = {}) {
      const { strikeMin = 0, strikeMax = Infinity, expiryFrom = date, expiryTo = "9999-12-31" } =
        opts;
      const out: OptionContract[] = [];
      for (const b of await this.chain(underlying, date, opts)) {
        const f = parseOptionTicker(b.ticker);
        if (f.strike < strikeMin || f.strike > strikeMax) continue;
        if (f.expiry < expiryFrom || f.expiry > expiryTo) continue;
        out.push({
          ticker: b.ticker,
          underlying,
          expiry: f.expiry,
          right: f.right,
          strike: f.strike,
          multiplier: 100,
          style: underlying.startsWith("I:") ? "european" : "american",
        });
      }
      return out;
    },
    async chain(underlying: string, date: string, opts: FetchOptions = {}) {
      if (!optionRoots(underlying).some((r) => roots.has(r))) {
        throw new RangeError(
          `Cannot read the ${underlying} chain from flat files: it is not in options.underlyings`,
        );
      }
      return chainOf(await day("options", date, opts), underlying);
    },
    news() {
      return Promise.reject(
        new RangeError("Flat files carry no news: backfill news with --source polygon or sim"),
      );
    },
  };
}
