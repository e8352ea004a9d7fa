/**
 * Integrity of what a reader reads: each partition's bytes hashed (SHA-256) and compared with
 * the manifest's hash before any engine parses them, so that flipped bytes or a rewritten
 * footer fail the read naming the file instead of flowing on as numbers. The hashes read are
 * what run records list. A hash is remembered per file (size and mtime), so two reads of one
 * unchanged file in one process hash it once.
 *
 * @module
 */
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import { Manifest } from "./manifest.ts";
import { type Dataset, partitionFile, type PartitionId, partitionKey } from "./paths.ts";

/** A partition read: `<dataset>/<key>=<value>/date=…`, its rows (manifest) and hash (bytes). */
export interface ReadItem {
  partition: string;
  rows?: number;
  /** SHA-256 of the bytes actually read. */
  sha256: string;
}

/** A partition whose bytes do not match its manifest entry or do not parse. */
export class PartitionCorruptError extends Error {
  /** The file. */
  readonly path: string;
  constructor(path: string, why: string, options?: ErrorOptions) {
    super(
      `Corrupt partition ${path}: ${why}; run \`deno task verify --repair\` to refetch or recompute it`,
      options,
    );
    this.name = "PartitionCorruptError";
    this.path = path;
  }
}

const memo = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

/** SHA-256 (hex) of a file's bytes, remembered while its size and mtime stay the same. */
export async function hashFile(path: string): Promise<string> {
  const st = await Deno.stat(path);
  const mtimeMs = st.mtime?.getTime() ?? -1;
  const known = memo.get(path);
  if (known && known.size === st.size && known.mtimeMs === mtimeMs) return known.sha256;
  const sha256 = createHash("sha256").update(await Deno.readFile(path)).digest("hex");
  memo.set(path, { size: st.size, mtimeMs, sha256 });
  return sha256;
}

/**
 * Hashes every partition's file and compares it with the dataset's manifest (a partition the
 * manifest does not list is hashed and passed: nothing to compare with).
 *
 * @returns One item per partition, in order, with the hash of the bytes read.
 * @throws {PartitionCorruptError} naming the first file whose hash differs.
 */
export async function checkPartitionHashes(
  root: string,
  dataset: Dataset,
  parts: readonly PartitionId[],
): Promise<ReadItem[]> {
  if (parts.length === 0) return [];
  const manifest = await Manifest.open(root, dataset);
  const items: ReadItem[] = [];
  for (const id of parts) {
    const path = `${root}/${partitionFile(id)}`;
    const entry = manifest.get(partitionKey(id));
    const sha256 = await hashFile(path);
    if (entry && entry.sha256 !== sha256) {
      throw new PartitionCorruptError(
        path,
        `its SHA-256 is ${sha256.slice(0, 12)}…, the manifest recorded ${
          entry.sha256.slice(0, 12)
        }…`,
      );
    }
    items.push({ partition: `${dataset}/${partitionKey(id)}`, rows: entry?.rows, sha256 });
  }
  return items;
}

/**
 * Runs a read of several Parquet files; when it throws, finds the first file that does not
 * parse on its own and throws an error naming it (with the original as `cause`).
 */
export async function nameBadParquet<T>(paths: readonly string[], read: () => Promise<T>) {
  try {
    return await read();
  } catch (e) {
    for (const path of paths) {
      const why = parquetProblem(path);
      if (why) throw new PartitionCorruptError(path, why, { cause: e });
    }
    throw e;
  }
}

/** Why a Parquet file does not read in full with Polars, or null when it does. */
export function parquetProblem(path: string, rows?: number): string | null {
  try {
    const df = pl.readParquet(path);
    if (rows !== undefined && df.height !== rows) {
      return `it holds ${df.height} rows, the manifest recorded ${rows}`;
    }
    return null;
  } catch (e) {
    return `it does not parse as Parquet (${(e as Error).message})`;
  }
}
