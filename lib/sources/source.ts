/**
 * The `Source` interface: where market records come from (the simulator, Polygon, a replay).
 * A source yields typed records for one `(dataset, symbol, trading date)` and does no
 * validation beyond parsing its wire format; `ingest` validates, de-duplicates and writes.
 *
 * @module
 */
import type { DailyBar, MinuteBar } from "../market/mod.ts";
import type { OptionContract } from "../market/mod.ts";
import type { NewsArticle } from "../market/mod.ts";

/** The name a source labels its records with (the `source` column). */
export type SourceName = "sim" | "polygon" | "replay" | "flatfiles";

/** Options common to every source call. */
export interface FetchOptions {
  /** Aborts the request (Ctrl-C). */
  signal?: AbortSignal;
}

/** Options for {@linkcode Source.minuteBars}. */
export interface MinuteBarsOptions extends FetchOptions {
  /** Also return pre- and post-market minutes (04:00–20:00 New York). @default false */
  extendedHours?: boolean;
  /**
   * Receives the wire fields of the bars fetched (name → JSON type, the union over bars), for
   * schema drift checks; sources without a wire format never call it.
   */
  onWireFields?: (fields: Record<string, string>) => void;
}

/** Options for {@linkcode Source.optionContracts}. */
export interface OptionContractsOptions extends FetchOptions {
  /** Lowest strike wanted (inclusive). */
  strikeMin?: number;
  /** Highest strike wanted (inclusive). */
  strikeMax?: number;
  /** Earliest expiry wanted, `YYYY-MM-DD` (inclusive). @default the date itself */
  expiryFrom?: string;
  /** Latest expiry wanted, `YYYY-MM-DD` (inclusive). */
  expiryTo?: string;
}

/** A provider of market records. */
export interface Source {
  /** The label written in the `source` column. */
  readonly name: SourceName;
  /**
   * Minute bars of one ticker (equity `SPY`, index `I:VIX`, option `O:SPY...`) for one
   * trading date (America/New_York), ascending by `ts`. Minutes without trades are absent.
   */
  minuteBars(ticker: string, date: string, options?: MinuteBarsOptions): Promise<MinuteBar[]>;
  /**
   * Daily bars of one ticker for the trading dates `from`..`to` (inclusive), ascending by
   * date; sources without daily data leave it out.
   */
  dailyBars?(ticker: string, from: string, to: string, options?: FetchOptions): Promise<DailyBar[]>;
  /**
   * Minute bars of many option contracts of one underlying on one trading date in one call,
   * by ticker (every ticker asked is a key; minutes without trades are absent). Optional: a
   * source that makes or reads a whole chain per day (the simulator, flat files) offers it,
   * and ingest then fetches a day's chain at once instead of contract by contract.
   */
  optionChainBars?(
    underlying: string,
    date: string,
    tickers: readonly string[],
    options?: FetchOptions,
  ): Promise<Map<string, MinuteBar[]>>;
  /** Option contracts of an underlying listed (and not expired) as of a trading date. */
  optionContracts(
    underlying: string,
    date: string,
    options?: OptionContractsOptions,
  ): Promise<OptionContract[]>;
  /**
   * News mentioning a ticker, published in the window that belongs to a trading date: after
   * the New York midnight that ends the previous trading date, up to the New York midnight
   * that ends this one (so weekend news belongs to Monday).
   */
  news(ticker: string, date: string, options?: FetchOptions): Promise<NewsArticle[]>;
}
