/**
 * What the lake holds: per dataset, the partitions, rows, key values and date range, read
 * from the manifests (no Parquet file is opened).
 *
 * @module
 */
import pl from "nodejs-polars";
import { Manifest } from "./manifest.ts";
import { type Dataset, DATASET_KEYS, decodeValue } from "./paths.ts";

/** One dataset's line of {@linkcode lakeSummary}. */
export interface DatasetSummary {
  dataset: Dataset;
  partitions: number;
  rows: number;
  quarantined: number;
  /** Decoded key values (symbols, underlyings, tickers), sorted. */
  values: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/** Per dataset present in the lake at `root`, what its manifest lists (datasets in a fixed order). */
export async function lakeSummary(root: string): Promise<DatasetSummary[]> {
  const out: DatasetSummary[] = [];
  for (const dataset of Object.keys(DATASET_KEYS) as Dataset[]) {
    const manifest = await Manifest.open(root, dataset);
    const keys = manifest.keys();
    if (keys.length === 0) continue;
    const values = new Set<string>(), dates: string[] = [];
    let rows = 0, quarantined = 0;
    for (const key of keys) {
      const [valuePart, datePart] = key.split("/");
      values.add(decodeValue(valuePart.slice(valuePart.indexOf("=") + 1)));
      dates.push(datePart.slice(5));
      const e = manifest.get(key)!;
      rows += e.rows;
      quarantined += e.quarantined;
    }
    dates.sort();
    out.push({
      dataset,
      partitions: keys.length,
      rows,
      quarantined,
      values: [...values].sort(),
      firstDate: dates[0],
      lastDate: dates[dates.length - 1],
    });
  }
  return out;
}

/** {@linkcode lakeSummary} as a DataFrame (values joined with commas), for tables. */
export function lakeSummaryFrame(summary: DatasetSummary[]): pl.DataFrame {
  return pl.DataFrame({
    dataset: summary.map((s) => s.dataset),
    partitions: pl.Series("partitions", summary.map((s) => s.partitions), pl.Int64),
    rows: pl.Series("rows", summary.map((s) => s.rows), pl.Int64),
    quarantined: pl.Series("quarantined", summary.map((s) => s.quarantined), pl.Int64),
    values: summary.map((s) => s.values.join(",")),
    first_date: summary.map((s) => s.firstDate),
    last_date: summary.map((s) => s.lastDate),
  });
}
