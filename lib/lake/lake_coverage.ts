/**
 * What the lake holds, from its manifests: one row per completed partition.
 *
 * @module
 */
import pl from "nodejs-polars";
import { Manifest } from "./manifest.ts";
import { type Dataset, DATASET_KEYS, datasetKey, decodeValue } from "./paths.ts";

/** Options for {@linkcode lakeCoverage}. */
export interface LakeCoverageOptions {
  /** Datasets to read. @default every dataset of `DATASET_KEYS` */
  datasets?: readonly Dataset[];
  /** First date, inclusive. */
  from?: string;
  /** Last date, inclusive. */
  to?: string;
}

const KEY_RE = /^([^=/]+)=([^/]+)\/date=(\d{4}-\d{2}-\d{2})$/;

/**
 * Lists the partitions the manifests record, with their row counts, sizes and hashes. The
 * manifests are the lake's ledger (what resume trusts), so this reads no Parquet file and
 * costs one small JSON read per dataset; a dataset without a manifest contributes no rows.
 *
 * Columns: `dataset`, `key` (the partition key, e.g. `symbol`), `value` (decoded, e.g.
 * `I:VIX`), `date` (`YYYY-MM-DD`), `rows`, `bytes`, `quarantined` (Int64) and `sha256`
 * (hex), sorted by dataset, value and date.
 *
 * @param root The lake folder (`<data dir>/lake`).
 * @param options Datasets and date range.
 * @returns A DataFrame of partitions (zero rows for an empty or missing lake).
 * @throws {TypeError} For an unknown dataset name.
 * @throws {Error} When a manifest exists but is not valid (the message names the file).
 *
 * @example
 * ```ts
 * import { lakeCoverage } from "./lake_coverage.ts";
 * import { equal } from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * await Deno.mkdir(`${root}/index_minute`);
 * await Deno.writeTextFile(`${root}/index_minute/_manifest.json`, JSON.stringify({
 *   dataset: "index_minute", version: 1, partitions: {
 *     "symbol=I%3AVIX/date=2025-03-03": { rows: 390, bytes: 9000, sha256: "a".repeat(64), quarantined: 0 },
 *   },
 * }));
 * const df = await lakeCoverage(root);
 * equal(df.height, 1);
 * equal(df.getColumn("value").get(0), "I:VIX");
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function lakeCoverage(
  root: string,
  options: LakeCoverageOptions = {},
): Promise<pl.DataFrame> {
  const {
    datasets = Object.keys(DATASET_KEYS) as Dataset[],
    from = "0000-00-00",
    to = "9999-99-99",
  } = options;
  const cols = {
    dataset: [] as string[],
    key: [] as string[],
    value: [] as string[],
    date: [] as string[],
    rows: [] as number[],
    bytes: [] as number[],
    quarantined: [] as number[],
    sha256: [] as string[],
  };
  for (const dataset of [...datasets].sort()) {
    datasetKey(dataset);
    const manifest = await Manifest.open(root, dataset);
    for (const k of manifest.keys()) {
      const m = KEY_RE.exec(k);
      if (!m || m[3] < from || m[3] > to) continue;
      const entry = manifest.get(k)!;
      cols.dataset.push(dataset);
      cols.key.push(m[1]);
      cols.value.push(decodeValue(m[2]));
      cols.date.push(m[3]);
      cols.rows.push(entry.rows);
      cols.bytes.push(entry.bytes);
      cols.quarantined.push(entry.quarantined);
      cols.sha256.push(entry.sha256);
    }
  }
  return pl.DataFrame([
    pl.Series("dataset", cols.dataset, pl.Utf8),
    pl.Series("key", cols.key, pl.Utf8),
    pl.Series("value", cols.value, pl.Utf8),
    pl.Series("date", cols.date, pl.Utf8),
    pl.Series("rows", cols.rows, pl.Int64),
    pl.Series("bytes", cols.bytes, pl.Int64),
    pl.Series("quarantined", cols.quarantined, pl.Int64),
    pl.Series("sha256", cols.sha256, pl.Utf8),
  ]).sort(["dataset", "value", "date"]);
}
