/**
 * The flat-file source a config describes: the S3 client (`source.flatfiles`), the cache
 * (`cache`), and the tickers to keep (`backfill.symbols`, `backfill.indices`,
 * `options.underlyings` when options are backfilled).
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { FlatFileCache } from "./cache.ts";
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
