/**
 * The per-dataset manifest, `<root>/<dataset>/_manifest.json`: every completed partition
 * with its row count, byte size and SHA-256. Written atomically, keys sorted and no
 * timestamps, so the same lake gives the same manifest bytes. Resume trusts it after
 * checking that the file is there with the recorded size.
 *
 * @module
 */
import { z } from "zod";
import { writeFileAtomic } from "./_fsync.ts";
import type { Dataset } from "./paths.ts";

/** One completed partition. */
export const ManifestEntrySchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rows set aside in `_quarantine.jsonl` beside the file. */
  quarantined: z.number().int().nonnegative(),
});

/** One completed partition. */
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

const ManifestSchema = z.strictObject({
  dataset: z.string(),
  version: z.literal(1),
  partitions: z.record(z.string(), ManifestEntrySchema),
});

/** The manifest of one dataset, held in memory and flushed to disk atomically. */
export class Manifest {
  readonly dataset: Dataset;
  readonly path: string;
  #entries: Map<string, ManifestEntry>;
  #writing: Promise<void> = Promise.resolve();
  #dirty = false;

  private constructor(dataset: Dataset, path: string, entries: Map<string, ManifestEntry>) {
    this.dataset = dataset;
    this.path = path;
    this.#entries = entries;
  }

  /**
   * Reads the manifest of `dataset` under the lake `root` (empty when there is none).
   *
   * @throws {Error} when the file exists but is not a valid manifest, naming the file.
   */
  static async open(root: string, dataset: Dataset): Promise<Manifest> {
    const path = `${root}/${dataset}/_manifest.json`;
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return new Manifest(dataset, path, new Map());
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new Error(`Cannot read manifest ${path}: not valid JSON; delete it to rebuild`, {
        cause,
      });
    }
    const parsed = ManifestSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `Cannot read manifest ${path}: ${z.prettifyError(parsed.error)}; delete it to rebuild`,
      );
    }
    return new Manifest(dataset, path, new Map(Object.entries(parsed.data.partitions)));
  }

  /** The entry of a partition key (`symbol=SPY/date=2025-03-03`), if complete. */
  get(key: string): ManifestEntry | undefined {
    return this.#entries.get(key);
  }

  /** Every partition key, sorted. */
  keys(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /** Records a completed partition and schedules a flush (coalesced with others). */
  record(key: string, entry: ManifestEntry): Promise<void> {
    this.#entries.set(key, entry);
    this.#dirty = true;
    this.#writing = this.#writing.then(() => this.#flushIfDirty());
    return this.#writing;
  }

  /** Removes a partition (before it is rewritten) and schedules a flush. */
  forget(key: string): Promise<void> {
    if (this.#entries.delete(key)) this.#dirty = true;
    this.#writing = this.#writing.then(() => this.#flushIfDirty());
    return this.#writing;
  }

  /** Waits until every recorded entry is on disk. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#flushIfDirty());
    return this.#writing;
  }

  /** The manifest as written: keys sorted, no timestamps. */
  toJSON(): z.infer<typeof ManifestSchema> {
    const partitions: Record<string, ManifestEntry> = {};
    for (const key of this.keys()) partitions[key] = this.#entries.get(key)!;
    return { dataset: this.dataset, version: 1, partitions };
  }

  async #flushIfDirty(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    await writeFileAtomic(this.path, JSON.stringify(this.toJSON(), null, 1) + "\n");
  }
}
