/**
 * Sources of market records: the `Source` interface, the simulator (`sim`), Polygon.io
 * (`polygon`, with a local fake server), Polygon's flat files over S3 (`flatfiles`, with a
 * download cache and a fake S3 server) and CSV replay (`replay`).
 *
 * @example
 * ```ts
 * import { createSource } from "./mod.ts";
 * import { loadConfig } from "../config/mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(createSource(loadConfig()).name, "sim");
 * ```
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import { createPolygonSource } from "./polygon/mod.ts";
import { createReplaySource } from "./replay/mod.ts";
import { flatFilesFromConfig } from "./flatfiles/mod.ts";
import { createSimSource } from "./sim/mod.ts";
import type { Source } from "./source.ts";

export type {
  FetchOptions,
  MinuteBarsOptions,
  OptionContractsOptions,
  Source,
  SourceName,
} from "./source.ts";
export { createSimSource, type SimSourceOptions } from "./sim/mod.ts";
export { createReplaySource, type ReplaySourceOptions } from "./replay/mod.ts";
export * as polygon from "./polygon/mod.ts";
export * as flatfiles from "./flatfiles/mod.ts";

/** Options for {@linkcode createSource}. */
export interface CreateSourceOptions {
  /** Where the polygon source reports retries (already redacted). */
  logger?: { warn?: (message: string) => void; debug?: (message: string) => void };
}

/** The name of the source a config selects: `auto` is polygon with an API key, else sim. */
export function sourceName(config: Config): "sim" | "polygon" | "replay" | "flatfiles" {
  const { name, polygon } = config.source;
  return name === "auto" ? (polygon.apiKey ? "polygon" : "sim") : name;
}

/**
 * The source a config selects.
 *
 * @throws {RangeError} for polygon without an API key, flatfiles without S3 keys, or replay
 *   without files.
 */
export function createSource(config: Config, options: CreateSourceOptions = {}): Source {
  const name = sourceName(config);
  if (name === "sim") return createSimSource({ seed: config.source.sim.seed });
  if (name === "flatfiles") return flatFilesFromConfig(config, { logger: options.logger });
  if (name === "replay") {
    const replay = config.source.replay;
    if (Object.keys(replay.files).length === 0 && Object.keys(replay.dailyFiles).length === 0) {
      throw new RangeError(
        "The replay source needs files: set source.replay.files (ticker: minute CSV path) or source.replay.dailyFiles (ticker: daily CSV path) in the config",
      );
    }
    return createReplaySource(replay);
  }
  if (!config.source.polygon.apiKey) {
    throw new RangeError(
      "The polygon source needs an API key: set POLYGON_API_KEY (environment or .env)",
    );
  }
  const {
    apiKey,
    baseUrl,
    rateLimitPerMinute,
    maxRetries,
    timeoutMs,
    connectTimeoutMs,
    maxRetryAfterMs,
    pageLimit,
  } = config.source.polygon;
  return createPolygonSource({
    apiKey,
    baseUrl,
    rateLimitPerMinute,
    maxRetries,
    timeoutMs,
    connectTimeoutMs,
    maxRetryAfterMs,
    pageLimit,
    logger: options.logger,
  });
}
