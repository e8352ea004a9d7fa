/**
 * Polygon's flat files: one gzipped CSV a day per asset class
 * (`us_stocks_sip/minute_aggs_v1/YYYY/MM/YYYY-MM-DD.csv.gz`, `us_options_opra/...`,
 * `us_indices/...`) read over the S3 API (SigV4 by `aws4fetch`), kept in an LRU download
 * cache, and parsed in one streaming pass; plus a fake flat-file server (`s3rver`) that
 * serves the simulator's days, with switchable faults. See docs/flatfiles.md.
 *
 * @example
 * ```ts
 * import { flatFileKey } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(flatFileKey("stocks", "2025-03-03"),
 *   "us_stocks_sip/minute_aggs_v1/2025/03/2025-03-03.csv.gz");
 * ```
 *
 * @module
 */
export {
  ASSET_PREFIX,
  assetOf,
  FLAT_FILE_HEADER,
  type FlatFileAsset,
  flatFileKey,
  type FlatFileKeyOptions,
  type FlatFileKind,
} from "./object_key.ts";
export { FlatFileAuthError, FlatFileError, FlatFileNotFound } from "./errors.ts";
export {
  createS3Client,
  type GetOptions,
  type S3Client,
  type S3ClientOptions,
  type S3Object,
} from "./s3_client.ts";
export { type CacheEntry, type CacheStats, type CacheSummary, FlatFileCache } from "./cache.ts";
export { type Downloaded, downloadObject, type DownloadOptions } from "./download.ts";
export type { TickerBars } from "./_columns.ts";
export {
  type MalformedRow,
  parseDay,
  type ParseDayOptions,
  type ParsedDay,
  parseDecimal,
  parseNanosToMs,
} from "./_parse_day.ts";
export { optionRoots, rootOf } from "./_roots.ts";
export {
  assertWellFormed,
  chainOf,
  createFlatFilesSource,
  type FlatFilesSource,
  type FlatFilesSourceOptions,
  type FlatFilesStats,
  type LoadedDay,
} from "./flat_files_source.ts";
export {
  cacheDir,
  flatFilesFromConfig,
  type FlatFilesFromConfigOptions,
  manageCache,
  type ManageCacheOptions,
  type ManageCacheResult,
  openCache,
  parseByteSize,
  s3ClientFromConfig,
} from "./from_config.ts";
export {
  type FakeFlatFiles,
  type FakeFlatFilesOptions,
  type FakeFlatFilesStats,
  startFakeFlatFiles,
} from "./fake_server.ts";
export { FLAT_FILE_FAULT_NAMES, type FlatFileFaults, parseFlatFileFaults } from "./fake_faults.ts";
export { fakeDayCsv, type FakeDayTickers, gzip } from "./_fake_csv.ts";
