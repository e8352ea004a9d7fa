/**
 * Lazy reads of the lake: a Polars LazyFrame over the partitions of a dataset for a date
 * range and a set of key values, with the key and `date` columns restored from the path.
 *
 * @module
 */
import pl from "nodejs-polars";
import { checkParquetFiles } from "./_parquet_check.ts";
import { checkPartitionHashes } from "./integrity.ts";
import {
  type Dataset,
  datasetKey,
  decodeValue,
  encodeValue,
  partitionFile,
  type PartitionId,
} from "./paths.ts";

/** Options for {@linkcode listPartitions} and {@linkcode scanLake}. */
export interface ScanOptions {
  /** Key values to keep (symbols, underlyings, tickers); all when omitted. */
  values?: readonly string[];
  /** First date, inclusive. */
  from?: string;
  /** Last date, inclusive. */
  to?: string;
}

async function dirNames(path: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(path)) if (e.isDirectory) out.push(e.name);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return out.sort();
}

function noPartitions(root: string, dataset: Dataset, options: ScanOptions): RangeError {
  const { values, from, to } = options;
  return new RangeError(
    `No ${dataset} partitions in ${root}${values ? ` for ${values.join(", ")}` : ""}${
      from || to ? ` from ${from ?? "the start"} to ${to ?? "the end"}` : ""
    }: run \`deno task backfill\` (or the task that writes ${dataset}) first`,
  );
}

/** The partitions present on disk (with a data file), sorted by key value then date. */
export async function listPartitions(root: string, dataset: Dataset, options: ScanOptions = {}) {
  const { values, from = "0000-00-00", to = "9999-99-99" } = options;
  const key = datasetKey(dataset);
  const wanted = values ? new Set(values) : null;
  const out: PartitionId[] = [];
  for (const keyDir of await dirNames(`${root}/${dataset}`)) {
    if (!keyDir.startsWith(`${key}=`)) continue;
    const value = decodeValue(keyDir.slice(key.length + 1));
    if (wanted && !wanted.has(value)) continue;
    for (const dateDir of await dirNames(`${root}/${dataset}/${keyDir}`)) {
      const date = dateDir.slice(5);
      if (!dateDir.startsWith("date=") || date < from || date > to) continue;
      const id = { dataset, value, date };
      // A synchronous stat: a tenth of the cost of an async one, which adds up over years.
      try {
        Deno.statSync(`${root}/${partitionFile(id)}`);
        out.push(id);
      } catch (e) {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      }
    }
  }
  return out;
}

/**
 * A LazyFrame over the matching partitions, with the key column (e.g. `symbol`) and `date`
 * (a Polars Date) added from the path, rows in partition order. Each file's Parquet framing
 * is checked first, and its SHA-256 against the manifest, so a truncated, overwritten or
 * bit-flipped file is named in the error.
 *
 * @throws {RangeError} when no partition matches, saying what was asked and how to fill it.
 * @throws {Error} when a partition file is not a complete Parquet file, naming it.
 */
export async function scanLake(root: string, dataset: Dataset, options: ScanOptions = {}) {
  const parts = await listPartitions(root, dataset, options);
  if (parts.length === 0) throw noPartitions(root, dataset, options);
  checkParquetFiles(parts.map((id) => `${root}/${partitionFile(id)}`), dataset);
  await checkPartitionHashes(root, dataset, parts);
  const key = datasetKey(dataset);
  const frames = parts.map((id) =>
    pl.scanParquet(`${root}/${partitionFile(id)}`).withColumns(
      pl.lit(id.value).alias(key),
      pl.lit(id.date).str.strptime(pl.Date, "%Y-%m-%d").alias("date"),
    )
  );
  return frames.length === 1 ? frames[0] : pl.concat(frames, { how: "vertical" });
}

/** Options for {@linkcode scan}: the key value by its name, a date range and the lake root. */
export interface ScanByKeyOptions extends ScanOptions {
  /** Key value of datasets keyed by underlying (`option_minute`, `consolidated`, …). */
  underlying?: string;
  /** Key value of datasets keyed by symbol (`equity_minute`, `index_minute`). */
  symbol?: string;
  /** Key value of datasets keyed by ticker (`news`). */
  ticker?: string;
  /** The lake root. @default {"$STRIKELAB_DATA_DIR/lake", or "data/lake" when it is unset} */
  root?: string;
}

const KEY_OPTIONS = ["underlying", "symbol", "ticker"] as const;

/** `<STRIKELAB_DATA_DIR>/lake`, as the tasks resolve it, or `data/lake`. */
function defaultRoot(): string {
  let dir: string | undefined;
  try {
    dir = Deno.env.get("STRIKELAB_DATA_DIR");
  } catch {
    dir = undefined; // no env permission: the default folder
  }
  return `${dir || "data"}/lake`;
}

/**
 * The notebook form of {@linkcode scanLake}: `scan("consolidated", { underlying: "SPY", from,
 * to })`. The key is named as the dataset names it (`underlying`, `symbol` or `ticker`), or
 * given as `values`. Returns the same frame as `scanLake` (key column and `date` added from the
 * path, rows in partition order), read through one hive-partitioned glob scan, which is several
 * times faster than one scan a partition over long ranges.
 *
 * @throws {TypeError} when the key is named for another dataset (e.g. `symbol` for `consolidated`).
 * @throws {RangeError} when no partition matches, as `scanLake`.
 * @throws {Error} when a partition file is not a complete Parquet file, naming it.
 * @example
 * ```ts ignore
 * import * as lab from "../mod.ts";
 * const t = await lab.lake.scan("consolidated", { underlying: "SPY", from: "2025-03-03", to: "2025-03-31" });
 * console.log((await t.collect()).height);
 * ```
 */
export async function scan(dataset: Dataset, options: ScanByKeyOptions = {}) {
  const { root = defaultRoot(), from, to } = options;
  const key = datasetKey(dataset);
  let values = options.values;
  for (const name of KEY_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    if (name !== key) {
      throw new TypeError(`Cannot scan ${dataset}: it is keyed by ${key}, got ${name}`);
    }
    values = [value];
  }
  const range = { values, from, to };
  if (/[*?[\]{}]/.test(root)) return scanLake(root, dataset, range);
  const parts = await listPartitions(root, dataset, range);
  if (parts.length === 0) throw noPartitions(root, dataset, range);
  checkParquetFiles(parts.map((id) => `${root}/${partitionFile(id)}`), dataset);
  await checkPartitionHashes(root, dataset, parts);
  const keyGlob = values?.length === 1 ? encodeValue(values[0]) : "*";
  const day = (d: string) => pl.lit(d).str.strptime(pl.Date, "%Y-%m-%d");
  let frame = pl.scanParquet(`${root}/${dataset}/${key}=${keyGlob}/date=*/part-0.parquet`, {
    hivePartitioning: true,
    hiveSchema: { [key]: pl.Utf8, date: pl.Date },
  });
  if (values && values.length > 1) frame = frame.filter(pl.col(key).isIn([...values]));
  if (from) frame = frame.filter(pl.col("date").gtEq(day(from)));
  if (to) frame = frame.filter(pl.col("date").ltEq(day(to)));
  return frame;
}
