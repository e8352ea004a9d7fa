/**
 * Lake layout: `<root>/<dataset>/<key>=<value>/date=YYYY-MM-DD/part-0.parquet`, hive style.
 * Partition values are percent-encoded (every byte outside `A-Za-z0-9._-`), which is
 * reversible and what Hive, Spark, DuckDB and Polars decode: `I:VIX` is stored as
 * `symbol=I%3AVIX`.
 *
 * @module
 */

/** The datasets of the lake and the partition key (besides `date`) of each. */
export const DATASET_KEYS = {
  equity_minute: "symbol",
  index_minute: "symbol",
  option_contracts: "underlying",
  option_minute: "underlying",
  news: "ticker",
  consolidated: "underlying",
  training: "underlying",
  scan_events: "underlying",
} as const;

/** A lake dataset name. */
export type Dataset = keyof typeof DATASET_KEYS;

/** One partition: a dataset, its key value and a trading date. */
export interface PartitionId {
  dataset: Dataset;
  /** The key value, e.g. `SPY` or `I:VIX` (decoded). */
  value: string;
  /** Trading date `YYYY-MM-DD`. */
  date: string;
}

/** The partition key column of a dataset; TypeError for an unknown dataset. */
export function datasetKey(dataset: string): string {
  const key = (DATASET_KEYS as Record<string, string>)[dataset];
  if (!key) {
    throw new TypeError(
      `Unknown dataset "${dataset}": expected one of ${Object.keys(DATASET_KEYS).join(", ")}`,
    );
  }
  return key;
}

/** Percent-encodes a partition value (reversible; keeps `A-Za-z0-9._-`). */
export function encodeValue(value: string): string {
  if (value.length === 0) throw new RangeError("Cannot encode an empty partition value");
  return Array.from(new TextEncoder().encode(value), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9._-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** Reverses {@linkcode encodeValue}; RangeError for text that is not percent-encoding. */
export function decodeValue(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch (cause) {
    throw new RangeError(
      `Cannot decode partition value "${encoded}": not percent-encoded UTF-8`,
      { cause },
    );
  }
}

/**
 * The partition's folder relative to the lake root, e.g. `index_minute/symbol=I%3AVIX/date=2025-03-03`.
 *
 * @example
 * ```ts
 * import { partitionDir } from "./paths.ts";
 * import { equal } from "node:assert/strict";
 * equal(partitionDir({ dataset: "index_minute", value: "I:VIX", date: "2025-03-03" }),
 *   "index_minute/symbol=I%3AVIX/date=2025-03-03");
 * ```
 */
export function partitionDir(id: PartitionId): string {
  return `${id.dataset}/${datasetKey(id.dataset)}=${encodeValue(id.value)}/date=${id.date}`;
}

/** The manifest key of a partition: its folder below the dataset, e.g. `symbol=SPY/date=2025-03-03`. */
export function partitionKey(id: PartitionId): string {
  return partitionDir(id).slice(id.dataset.length + 1);
}

/** The data file of a partition relative to the lake root. */
export function partitionFile(id: PartitionId): string {
  return `${partitionDir(id)}/part-0.parquet`;
}
