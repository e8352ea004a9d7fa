/**
 * The per-dataset manifest, `<root>/<dataset>/_manifest.json`: every completed partition
 * with its row count, byte size and SHA-256. Keys sorted and no timestamps, so the same lake
 * gives the same manifest bytes. Resume trusts it after checking that the file is there with
 * the recorded size.
 *
 * While a run records partitions, each one is appended (and fsynced) as a line of
 * `_manifest.journal` beside it — constant work per partition, however large the lake; lines
 * recorded while an append is under way share the next write and fsync —
 * and {@linkcode Manifest.flush} folds the journal into `_manifest.json` atomically and
 * removes it. A journal left by a killed run is replayed when the manifest is opened; a torn
 * last line (the kill landed mid-append) is ignored, so that partition is simply produced
 * again, with the same bytes. A damaged journal is never appended to: the first write after
 * opening one (by the lock holder) folds what it holds into `_manifest.json` and starts a new
 * journal, so a torn line can never end up in the middle. A journal already damaged that way
 * (a line an older version appended after a torn one) is salvaged line by line: the entry
 * that follows the torn bytes on the same line is kept, and no recorded entry is dropped.
 *
 * @module
 */
import { z } from "zod";
import { syncPath, writeFileAtomic } from "./_fsync.ts";
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

const JournalLineSchema = z.union([
  z.strictObject({ key: z.string(), entry: ManifestEntrySchema }),
  z.strictObject({ key: z.string(), forget: z.literal(true) }),
]);

async function readOptional(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function corrupt(path: string, why: string, cause?: unknown): Error {
  return new Error(`Cannot read manifest ${path}: ${why}; delete it to rebuild`, { cause });
}

/** The manifest of one dataset, held in memory, journaled per partition, compacted on flush. */
export class Manifest {
  readonly dataset: Dataset;
  readonly path: string;
  readonly journalPath: string;
  #entries: Map<string, ManifestEntry>;
  #writing: Promise<void> = Promise.resolve();
  /** The journal append not yet started, which newly recorded lines join. */
  #batch: Promise<void> | null = null;
  #pending: string[] = [];
  #journaled: boolean;
  /** The journal on disk has a torn or salvaged line: fold it away before appending. */
  #damaged = false;

  private constructor(
    dataset: Dataset,
    path: string,
    entries: Map<string, ManifestEntry>,
    j: boolean,
  ) {
    this.dataset = dataset;
    this.path = path;
    this.journalPath = path.replace(/\.json$/, ".journal");
    this.#entries = entries;
    this.#journaled = j;
  }

  /**
   * Reads the manifest of `dataset` under the lake `root` (empty when there is none), with
   * any journal a killed run left replayed on top.
   *
   * @throws {Error} when the file or the journal is not valid, naming the file.
   */
  static async open(root: string, dataset: Dataset): Promise<Manifest> {
    const path = `${root}/${dataset}/_manifest.json`;
    const entries = new Map<string, ManifestEntry>();
    const text = await readOptional(path);
    if (text !== null) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw corrupt(path, "not valid JSON", cause);
      }
      const parsed = ManifestSchema.safeParse(json);
      if (!parsed.success) throw corrupt(path, z.prettifyError(parsed.error));
      for (const [k, v] of Object.entries(parsed.data.partitions)) entries.set(k, v);
    }
    const journalPath = path.replace(/\.json$/, ".journal");
    const journal = await readOptional(journalPath);
    const damaged = replayJournal(journal ?? "", entries);
    const m = new Manifest(dataset, path, entries, journal !== null);
    m.#damaged = damaged;
    return m;
  }

  /** True when the journal read at open had a torn or salvaged line (folded away on the next write). */
  get journalDamaged(): boolean {
    return this.#damaged;
  }

  /** The entry of a partition key (`symbol=SPY/date=2025-03-03`), if complete. */
  get(key: string): ManifestEntry | undefined {
    return this.#entries.get(key);
  }

  /** Every partition key, sorted. */
  keys(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /** Records a completed partition durably (one fsynced journal line). */
  record(key: string, entry: ManifestEntry): Promise<void> {
    this.#entries.set(key, entry);
    return this.#append({ key, entry });
  }

  /** Removes a partition (before it is rewritten), durably. */
  forget(key: string): Promise<void> {
    if (!this.#entries.delete(key)) return this.#writing;
    return this.#append({ key, forget: true });
  }

  /** Folds everything recorded into `_manifest.json` atomically and removes the journal. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      if (this.#journaled) await this.#compact();
    });
    return this.#writing;
  }

  /** Writes `_manifest.json` from memory atomically, then removes the journal. */
  async #compact(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(this.toJSON(), null, 1) + "\n");
    await Deno.remove(this.journalPath).catch((e) => {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    });
    this.#journaled = false;
    this.#damaged = false;
  }

  /** The manifest as written: keys sorted, no timestamps. */
  toJSON(): z.infer<typeof ManifestSchema> {
    const partitions: Record<string, ManifestEntry> = {};
    for (const key of this.keys()) partitions[key] = this.#entries.get(key)!;
    return { dataset: this.dataset, version: 1, partitions };
  }

  /**
   * Queues a journal line. Lines queued while an append is under way are written together,
   * with one write and one fsync (a group commit); each promise resolves once its own line is
   * durable.
   */
  #append(line: z.infer<typeof JournalLineSchema>): Promise<void> {
    this.#pending.push(JSON.stringify(line) + "\n");
    this.#batch ??= this.#writing = this.#writing.then(async () => {
      this.#batch = null; // lines queued from now on go into the next batch
      const text = this.#pending.join("");
      this.#pending = [];
      const dir = this.path.slice(0, this.path.lastIndexOf("/"));
      await Deno.mkdir(dir, { recursive: true });
      if (this.#damaged) await this.#compact(); // never append after a torn line
      const f = await Deno.open(this.journalPath, { append: true, create: true });
      try {
        await writeAll(f, new TextEncoder().encode(text));
        await f.sync();
      } finally {
        f.close();
      }
      if (!this.#journaled) await syncPath(dir);
      this.#journaled = true;
    });
    return this.#batch;
  }
}

/**
 * Applies a journal's lines to `entries`; returns true when the journal is damaged (a torn
 * last line, a last line without its newline, or a line holding torn bytes before an entry).
 */
function replayJournal(text: string, entries: Map<string, ManifestEntry>): boolean {
  let damaged = false;
  const lines = text.split("\n");
  const complete = lines.length - 1; // the part after the last newline is unterminated
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "") continue;
    if (i === complete) damaged = true; // no newline yet: written in part, or not synced
    const line = parseLine(lines[i]) ?? salvage(lines[i]);
    if (line === null) {
      damaged = true; // torn: that partition is produced again
      continue;
    }
    if (line.salvaged) damaged = true;
    if ("entry" in line.line) entries.set(line.line.key, line.line.entry);
    else entries.delete(line.line.key);
  }
  return damaged;
}

type JournalLine = z.infer<typeof JournalLineSchema>;

function parseLine(text: string): { line: JournalLine; salvaged: boolean } | null {
  try {
    const r = JournalLineSchema.safeParse(JSON.parse(text));
    return r.success ? { line: r.data, salvaged: false } : null;
  } catch {
    return null;
  }
}

/** The whole entry after torn bytes on one line (`{"key":"a","en{"key":"b",...}`), if any. */
function salvage(text: string): { line: JournalLine; salvaged: boolean } | null {
  const at = text.lastIndexOf('{"key":');
  if (at <= 0) return null;
  const r = parseLine(text.slice(at));
  return r && { line: r.line, salvaged: true };
}

/** Writes every byte (a single `write` may write fewer). */
async function writeAll(f: Deno.FsFile, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length;) off += await f.write(bytes.subarray(off));
}
