/**
 * Walking a lake's datasets and manifest keys (shared by verify, space, purge and health).
 *
 * @module
 */
import { type Dataset, DATASET_KEYS, datasetKey, decodeValue } from "../lake/mod.ts";

/** Every dataset name of the lake layout, in layout order. */
export const ALL_DATASETS = Object.keys(DATASET_KEYS) as Dataset[];

/** A manifest key (`symbol=I%3AVIX/date=2025-03-03`) split into its value and date. */
export function splitKey(dataset: Dataset, key: string): { value: string; date: string } {
  const m = /^([^=/]+)=([^/]+)\/date=(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!m || m[1] !== datasetKey(dataset)) {
    throw new RangeError(
      `Cannot read manifest key "${key}" of ${dataset}: not <key>=<value>/date=YYYY-MM-DD`,
    );
  }
  return { value: decodeValue(m[2]), date: m[3] };
}

/** Checks dataset names given on a command line; RangeError naming the unknown one. */
export function parseDatasets(names: readonly string[] | undefined): Dataset[] {
  if (!names || names.length === 0) return ALL_DATASETS;
  for (const n of names) datasetKey(n); // throws TypeError naming it
  return names as Dataset[];
}

/** True when the path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
