/**
 * The flat-file source a config describes: the S3 client (`source.flatfiles`), the cache
 * (`cache`), and the tickers to keep (`backfill.symbols`, `backfill.indices`,
 * `options.underlyings` when options are backfilled).
 *
 * @module
 */
import type { Config } from "../../config/mod.ts";
import { type CacheSummary, FlatFileCache } from "./cache.ts";
import { createFlatFilesSource, type FlatFilesSource } from "./flat_files_source.ts";
import { createS3Client, type S3Client } from "./s3_client.ts";

/** The cache folder of a config: `cache.dir`, else `<data.dir>/cache`. */
export function cacheDir(config: Config): string {
  return config.cache.dir ?? `${config.data.dir}/cache`;
}

/** Opens the cache a config names. */
export function openCache(config: Config): Promise<FlatFileCache> {
  return FlatFileCache.open(cacheDir(config), { maxBytes: config.cache.maxBytes });
}

/**
 * The S3 client of `source.flatfiles`.
 *
 * @throws {RangeError} when the S3 keys are not set.
 */
export function s3ClientFromConfig(
  config: Config,
  options: { onRetry?: (message: string) => void } = {},
): S3Client {
  const { endpoint, bucket, region, accessKeyId, secretAccessKey, maxRetries, timeoutMs } =
    config.source.flatfiles;
  if (!accessKeyId || !secretAccessKey) {
    throw new RangeError(
      "The flatfiles source needs S3 keys: set POLYGON_S3_ACCESS_KEY_ID and " +
        "POLYGON_S3_SECRET_ACCESS_KEY (environment or .env; the fake server accepts S3RVER/S3RVER)",
    );
  }
  return createS3Client({
    endpoint,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    maxRetries,
    timeoutMs,
    onRetry: options.onRetry,
  });
}

/** Options for {@linkcode flatFilesFromConfig}. */
export interface FlatFilesFromConfigOptions {
  logger?: { warn?: (message: string) => void; debug?: (message: string) => void };
}

/**
 * The flat-file source of a config.
 *
 * @throws {RangeError} when the S3 keys are not set.
 */
export function flatFilesFromConfig(
  config: Config,
  options: FlatFilesFromConfigOptions = {},
): FlatFilesSource {
  const { logger } = options;
  const client = s3ClientFromConfig(config, { onRetry: logger?.warn });
  const b = config.backfill;
  return createFlatFilesSource({
    client,
    cache: openCache(config),
    symbols: b.datasets.includes("equity") ? b.symbols : [],
    indices: b.datasets.includes("index") ? b.indices : [],
    underlyings: b.datasets.includes("options") ? config.options.underlyings : [],
    maxRetries: config.source.flatfiles.maxRetries,
    stallMs: config.source.flatfiles.timeoutMs,
    logger,
  });
}

/** Options for {@linkcode manageCache}. */
export interface ManageCacheOptions {
  /** Evict least recently used objects until the cache holds at most this many bytes. */
  evictTo?: number;
  /** Remove every object. */
  clear?: boolean;
}

/** What `deno task cache` did and shows. */
export interface ManageCacheResult extends CacheSummary {
  /** Objects removed by this call. */
  removed: number;
}

/** Opens the configured cache, evicts or clears as asked, and returns its summary. */
export async function manageCache(
  config: Config,
  options: ManageCacheOptions = {},
): Promise<ManageCacheResult> {
  const cache = await openCache(config);
  let removed = 0;
  if (options.clear) removed += await cache.clear();
  if (options.evictTo !== undefined) removed += await cache.evictTo(options.evictTo);
  return { ...cache.summary(), removed };
}

const UNITS: Record<string, number> = {
  "": 1,
  B: 1,
  K: 2 ** 10,
  KIB: 2 ** 10,
  M: 2 ** 20,
  MIB: 2 ** 20,
  G: 2 ** 30,
  GIB: 2 ** 30,
  T: 2 ** 40,
  TIB: 2 ** 40,
};

/**
 * A byte count written `123`, `500M`, `50GiB` (binary units, case-insensitive).
 *
 * @example
 * ```ts
 * import { parseByteSize } from "./from_config.ts";
 * import { equal } from "node:assert/strict";
 * equal(parseByteSize("1.5K"), 1536);
 * equal(parseByteSize("100GiB"), 107_374_182_400);
 * ```
 * @throws {RangeError} for anything else.
 */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2].toUpperCase()] : undefined;
  if (!m || unit === undefined) {
    throw new RangeError(`Cannot read a size from "${text}": write bytes, or e.g. 500M, 50GiB`);
  }
  return Math.floor(Number(m[1]) * unit);
}
