/**
 * Where the lake's bytes go: partitions, rows, bytes, bytes a row and the compression ratio,
 * by dataset, by key value (symbol, underlying, ticker) or by month. Rows and bytes come from
 * the manifests; the uncompressed size from each file's Parquet footer (no data is read).
 *
 * @module
 */
import { type Dataset, Manifest, parquetSizes, partitionFile } from "../lake/mod.ts";
import { ALL_DATASETS, splitKey } from "./_lake_walk.ts";

/** How {@linkcode lakeSpace} groups partitions. */
export type SpaceGrouping = "dataset" | "symbol" | "month";

/** Options for {@linkcode lakeSpace}. */
export interface LakeSpaceOptions {
  /** @default {"dataset"} */
  by?: SpaceGrouping;
  /** @default {every dataset} */
  datasets?: readonly Dataset[];
}

/** One line of {@linkcode lakeSpace}. */
export interface SpaceLine {
  dataset: Dataset;
  /** The key value (`by: "symbol"`), else null. */
  value: string | null;
  /** `YYYY-MM` (`by: "month"`), else null. */
  month: string | null;
  partitions: number;
  rows: number;
  /** Bytes of the Parquet files. */
  bytes: number;
  /** Bytes of the column data before compression (footers). */
  uncompressedBytes: number;
  /** bytes / rows (0 without rows). */
  bytesPerRow: number;
  /** uncompressedBytes / compressed column bytes (0 when nothing is stored). */
  compressionRatio: number;
}

/**
 * Sizes of the lake under `root`, one line per group, sorted by dataset (layout order), then
 * value or month (no total line: {@linkcode formatSpace} adds one).
 */
export async function lakeSpace(
  root: string,
  options: LakeSpaceOptions = {},
): Promise<SpaceLine[]> {
  const { by = "dataset", datasets = ALL_DATASETS } = options;
  const lines: SpaceLine[] = [];
  for (const dataset of datasets) {
    const manifest = await Manifest.open(root, dataset);
    const groups = new Map<string, SpaceLine & { compressed: number }>();
    for (const key of manifest.keys()) {
      const { value, date } = splitKey(dataset, key);
      const g = by === "symbol" ? value : by === "month" ? date.slice(0, 7) : "";
      let line = groups.get(g);
      if (!line) {
        line = {
          dataset,
          value: by === "symbol" ? value : null,
          month: by === "month" ? g : null,
          partitions: 0,
          rows: 0,
          bytes: 0,
          uncompressedBytes: 0,
          bytesPerRow: 0,
          compressionRatio: 0,
          compressed: 0,
        };
        groups.set(g, line);
      }
      const e = manifest.get(key)!;
      line.partitions++;
      line.rows += e.rows;
      line.bytes += e.bytes;
      try {
        const s = await parquetSizes(`${root}/${partitionFile({ dataset, value, date })}`);
        line.uncompressedBytes += s.uncompressedBytes;
        line.compressed += s.compressedBytes;
      } catch (e) {
        if (!(e instanceof Deno.errors.NotFound)) throw e; // `deno task verify` reports it
      }
    }
    for (const g of [...groups.keys()].sort()) {
      const { compressed, ...line } = groups.get(g)!;
      line.bytesPerRow = line.rows > 0 ? line.bytes / line.rows : 0;
      line.compressionRatio = compressed > 0 ? line.uncompressedBytes / compressed : 0;
      lines.push(line);
    }
  }
  return lines;
}

const mb = (b: number) => (b / 1e6).toFixed(2);

/** {@linkcode lakeSpace}'s lines as an aligned text table with a total line. */
export function formatSpace(lines: readonly SpaceLine[]): string[] {
  const head = ["dataset", "group", "partitions", "rows", "MB", "bytes/row", "ratio"];
  const rows = lines.map((l) => [
    l.dataset,
    l.value ?? l.month ?? "",
    String(l.partitions),
    String(l.rows),
    mb(l.bytes),
    l.bytesPerRow.toFixed(1),
    l.compressionRatio.toFixed(2),
  ]);
  const sum = (f: (l: SpaceLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  const rowsAll = sum((l) => l.rows), bytesAll = sum((l) => l.bytes);
  rows.push([
    "total",
    "",
    String(sum((l) => l.partitions)),
    String(rowsAll),
    mb(bytesAll),
    (rowsAll > 0 ? bytesAll / rowsAll : 0).toFixed(1),
    "",
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join("  ").trimEnd();
  return [fmt(head), ...rows.map(fmt)];
}
