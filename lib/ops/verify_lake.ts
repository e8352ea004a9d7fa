/**
 * Re-reading a lake: every recorded partition's file hashed and parsed again.
 *
 * @module
 */
import { createHash } from "node:crypto";
import {
  type Dataset,
  listPartitions,
  Manifest,
  parquetProblem,
  partitionFile,
  partitionKey,
  staleDerived,
} from "../lake/mod.ts";
import { ALL_DATASETS, splitKey } from "./_lake_walk.ts";

/** Options for {@linkcode verifyLake}. */
export interface VerifyLakeOptions {
  /** Datasets to check. @default {every dataset} */
  datasets?: readonly Dataset[];
  /** First date, inclusive. */
  from?: string;
  /** Last date, inclusive. */
  to?: string;
}

/**
 * What is wrong with a partition: gone, another size, another hash, it does not parse, or
 * (derived datasets) an input it was built from has changed since.
 */
export type Problem = "missing" | "size" | "hash" | "parse" | "stale";

/** A partition that failed a check. */
export interface BadPartition {
  dataset: Dataset;
  /** Key value (decoded), e.g. `I:VIX`. */
  value: string;
  date: string;
  /** The manifest key. */
  key: string;
  /** The file, under the lake root. */
  path: string;
  problem: Problem;
  detail: string;
}

/** What {@linkcode verifyLake} found. */
export interface VerifyLakeResult {
  /** Partitions checked (manifest entries in the range). */
  checked: number;
  /** Bytes read and hashed. */
  bytes: number;
  bad: BadPartition[];
  /** Files on disk that no manifest lists (`<dataset>/<key>`): a write cut before its record. */
  unrecorded: string[];
}

/**
 * Checks every partition the manifests list in the range: the file is there, has the
 * recorded size and SHA-256, and parses as Parquet with the recorded row count; a derived
 * partition (with provenance) is also stale when an input it was built from has changed
 * since. Reads every byte (no cached hashes).
 *
 * @param root The lake folder (`<data dir>/lake`).
 * @returns Counts, the bad partitions (sorted by dataset then key) and unrecorded files.
 */
export async function verifyLake(
  root: string,
  options: VerifyLakeOptions = {},
): Promise<VerifyLakeResult> {
  const { datasets = ALL_DATASETS, from = "0000-00-00", to = "9999-99-99" } = options;
  const out: VerifyLakeResult = { checked: 0, bytes: 0, bad: [], unrecorded: [] };
  for (const dataset of datasets) {
    const manifest = await Manifest.open(root, dataset);
    const recorded = new Set(manifest.keys());
    for (const key of manifest.keys()) {
      const { value, date } = splitKey(dataset, key);
      if (date < from || date > to) continue;
      out.checked++;
      const path = `${root}/${partitionFile({ dataset, value, date })}`;
      const entry = manifest.get(key)!;
      const bad = (problem: Problem, detail: string) =>
        out.bad.push({ dataset, value, date, key, path, problem, detail });
      let bytes: Uint8Array;
      try {
        bytes = await Deno.readFile(path);
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) {
          bad("missing", "the file is gone");
          continue;
        }
        throw e;
      }
      out.bytes += bytes.length;
      if (bytes.length !== entry.bytes) {
        bad("size", `${bytes.length} bytes, the manifest recorded ${entry.bytes}`);
        continue;
      }
      const sha = createHash("sha256").update(bytes).digest("hex");
      if (sha !== entry.sha256) {
        bad(
          "hash",
          `SHA-256 ${sha.slice(0, 12)}…, the manifest recorded ${entry.sha256.slice(0, 12)}…`,
        );
        continue;
      }
      const why = parquetProblem(path, entry.rows);
      if (why) bad("parse", why);
    }
    const known = new Set(out.bad.filter((b) => b.dataset === dataset).map((b) => b.key));
    const inRange = manifest.keys().filter((k) => {
      const d = splitKey(dataset, k).date;
      return d >= from && d <= to && !known.has(k);
    });
    for (const s of await staleDerived(root, dataset, inRange)) {
      const { value, date } = splitKey(dataset, s.key);
      const path = `${root}/${partitionFile({ dataset, value, date })}`;
      out.bad.push({
        dataset,
        value,
        date,
        key: s.key,
        path,
        problem: "stale",
        detail: `built from ${s.why}`,
      });
    }
    for (const id of await listPartitions(root, dataset, { from, to })) {
      if (!recorded.has(partitionKey(id))) out.unrecorded.push(`${dataset}/${partitionKey(id)}`);
    }
  }
  return out;
}
