/**
 * Object keys exactly as Polygon publishes its flat files:
 * `<asset prefix>/<minute|day>_aggs_v1/YYYY/MM/YYYY-MM-DD.csv.gz`.
 *
 * @module
 */

/** The asset classes whose aggregates the lab reads. */
export type FlatFileAsset = "stocks" | "options" | "indices";

/** The aggregate files: one row per ticker and minute, or per ticker and day. */
export type FlatFileKind = "minute" | "day";

/** Polygon's prefix of each asset class. */
export const ASSET_PREFIX: Record<FlatFileAsset, string> = {
  stocks: "us_stocks_sip",
  options: "us_options_opra",
  indices: "us_indices",
};

/**
 * The CSV header of each asset class's aggregates. Indices carry no volume or trades.
 */
export const FLAT_FILE_HEADER: Record<FlatFileAsset, string> = {
  stocks: "ticker,volume,open,close,high,low,window_start,transactions",
  options: "ticker,volume,open,close,high,low,window_start,transactions",
  indices: "ticker,open,close,high,low,window_start",
};

/** Options for {@linkcode flatFileKey}. */
export interface FlatFileKeyOptions {
  /** @default "minute" */
  kind?: FlatFileKind;
}

/**
 * The object key of one asset class's aggregates for one trading date.
 *
 * @example
 * ```ts
 * import { flatFileKey } from "./object_key.ts";
 * import { equal } from "node:assert/strict";
 * equal(flatFileKey("options", "2025-03-03"),
 *   "us_options_opra/minute_aggs_v1/2025/03/2025-03-03.csv.gz");
 * equal(flatFileKey("stocks", "2025-03-03", { kind: "day" }),
 *   "us_stocks_sip/day_aggs_v1/2025/03/2025-03-03.csv.gz");
 * ```
 * @throws {RangeError} for a date not written `YYYY-MM-DD`.
 */
export function flatFileKey(
  asset: FlatFileAsset,
  date: string,
  options: FlatFileKeyOptions = {},
): string {
  const { kind = "minute" } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new RangeError(`Cannot name a flat file: date must be YYYY-MM-DD, got "${date}"`);
  }
  return `${ASSET_PREFIX[asset]}/${kind}_aggs_v1/${date.slice(0, 4)}/${
    date.slice(5, 7)
  }/${date}.csv.gz`;
}

/** The asset class whose file holds a ticker: `O:` options, `I:` indices, else stocks. */
export function assetOf(ticker: string): FlatFileAsset {
  return ticker.startsWith("O:") ? "options" : ticker.startsWith("I:") ? "indices" : "stocks";
}
