/**
 * The download cache of flat files: one file per object under `<dir>/objects/`, an index
 * (`<dir>/index.json`, replaced atomically) with each object's size, ETag and last use, and
 * hit/miss/eviction statistics. Least recently used objects are evicted first once the
 * cache is over `maxBytes`. Last use is a counter, not a clock, so the order is exact.
 *
 * Crash safety: a download is written to `<dir>/tmp/`, checked (size, and ETag as MD5 for a
 * single-part object), fsynced and only then renamed into `objects/` and indexed, so a
 * killed download never leaves a file that looks complete. Opening the cache removes what a
 * crash left in `tmp/`, drops index entries whose file is gone or has the wrong size, and
 * adopts an object renamed but not yet indexed (its name carries the key's hash and ETag).
 * One process at a time should use a cache folder.
 *
 * @module
 */
import { writeFileAtomic } from "../../lake/mod.ts";

/** One cached object. */
export interface CacheEntry {
  key: string;
  /** File name under `objects/`. */
  file: string;
  size: number;
  etag: string;
  /** Use counter at the last hit or download (higher = more recent). */
  used: number;
}

/** Counters kept across runs. */
export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
  evictedBytes: number;
}

/** What `deno task cache` prints. */
export interface CacheSummary extends CacheStats {
  dir: string;
  entries: number;
  bytes: number;
  maxBytes: number;
  /** hits / (hits + misses), or null before the first lookup. */
  hitRate: number | null;
}

interface IndexFile {
  version: 1;
  seq: number;
  stats: CacheStats;
  entries: CacheEntry[];
}

const emptyStats = (): CacheStats => ({ hits: 0, misses: 0, evictions: 0, evictedBytes: 0 });

async function sha256Hex(text: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

const notFound = (e: unknown) => e instanceof Deno.errors.NotFound;

/** A cache folder; open it with {@linkcode FlatFileCache.open}. */
export class FlatFileCache {
  readonly dir: string;
  readonly maxBytes: number;
  #entries = new Map<string, CacheEntry>();
  #stats = emptyStats();
  #seq = 0;

  private constructor(dir: string, maxBytes: number) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** Opens (creating) a cache folder and repairs what a crash left behind. */
  static async open(dir: string, options: { maxBytes: number }): Promise<FlatFileCache> {
    const cache = new FlatFileCache(dir, options.maxBytes);
    await Deno.mkdir(`${dir}/objects`, { recursive: true });
    await Deno.remove(`${dir}/tmp`, { recursive: true }).catch((e) => {
      if (!notFound(e)) throw e;
    });
    await Deno.mkdir(`${dir}/tmp`, { recursive: true });
    let index: IndexFile | null = null;
    try {
      index = JSON.parse(await Deno.readTextFile(`${dir}/index.json`));
    } catch (e) {
      if (!notFound(e) && !(e instanceof SyntaxError)) throw e;
    }
    if (index) {
      cache.#seq = index.seq;
      cache.#stats = { ...emptyStats(), ...index.stats };
    }
    const files = new Map<string, number>();
    for await (const f of Deno.readDir(`${dir}/objects`)) {
      if (f.isFile) files.set(f.name, (await Deno.stat(`${dir}/objects/${f.name}`)).size);
    }
    const indexed = new Set<string>();
    for (const e of index?.entries ?? []) {
      indexed.add(e.file);
      if (files.get(e.file) === e.size) cache.#entries.set(e.key, e);
      else if (files.has(e.file)) {
        await Deno.remove(`${dir}/objects/${e.file}`); // damaged since: downloaded anew
        files.delete(e.file);
      }
    }
    for (const [name, size] of files) {
      if (indexed.has(name) || name.endsWith(".key")) continue;
      if (!await cache.#adopt(name, size)) await Deno.remove(`${dir}/objects/${name}`);
    }
    const hashes = new Set([...cache.#entries.values()].map((e) => e.file.slice(0, 64)));
    for (const [name] of files) {
      if (name.endsWith(".key") && !hashes.has(name.slice(0, 64))) {
        await Deno.remove(`${dir}/objects/${name}`);
      }
    }
    await cache.#save();
    return cache;
  }

  /** An object renamed into place whose index line a crash prevented: its key sits beside it. */
  async #adopt(name: string, size: number): Promise<boolean> {
    const m = /^([0-9a-f]{64})-([0-9A-Za-z-]*)\.obj$/.exec(name);
    if (!m) return false;
    const key = await Deno.readTextFile(`${this.dir}/objects/${m[1]}.key`).catch(() => null);
    if (key === null || (await sha256Hex(key)) !== m[1]) return false;
    this.#entries.set(key, { key, file: name, size, etag: m[2], used: 0 });
    return true;
  }

  /** The cached file of `key` (a hit, counted and marked as used), or null (a miss). */
  async lookup(key: string, expect?: { size: number; etag: string }): Promise<string | null> {
    const e = this.#entries.get(key);
    const fresh = e && (!expect || (expect.size === e.size && expect.etag === e.etag));
    if (e && fresh) {
      const size = await Deno.stat(this.path(e)).then((s) => s.size, () => -1);
      if (size === e.size) {
        this.#stats.hits++;
        e.used = ++this.#seq;
        await this.#save();
        return this.path(e);
      }
    }
    if (e) this.#entries.delete(key);
    this.#stats.misses++;
    await this.#save();
    return null;
  }

  /** A fresh temporary path for a download (removed at the next open if left behind). */
  tempPath(): string {
    const rand = crypto.getRandomValues(new Uint32Array(2)).join("");
    return `${this.dir}/tmp/${rand}.part`;
  }

  /**
   * Moves a checked, fsynced download into the cache, indexes it, then evicts least recently
   * used objects (never this one) until the cache fits `maxBytes`. Returns its path.
   */
  async commit(key: string, tmp: string, meta: { size: number; etag: string }): Promise<string> {
    const hash = await sha256Hex(key);
    const file = `${hash}-${meta.etag.replace(/[^0-9A-Za-z-]/g, "")}.obj`;
    await writeFileAtomic(`${this.dir}/objects/${hash}.key`, key);
    const old = this.#entries.get(key);
    await Deno.rename(tmp, `${this.dir}/objects/${file}`);
    if (old && old.file !== file) await Deno.remove(this.path(old)).catch(() => {});
    const entry = { key, file, size: meta.size, etag: meta.etag, used: ++this.#seq };
    this.#entries.set(key, entry);
    await this.#evict(this.maxBytes, key);
    await this.#save();
    return this.path(entry);
  }

  /** Evicts least recently used objects until the cache holds at most `bytes`. */
  async evictTo(bytes: number): Promise<number> {
    const n = await this.#evict(bytes, null);
    await this.#save();
    return n;
  }

  /** Forgets one object (e.g. found corrupt when read); not counted as an eviction. */
  async drop(key: string): Promise<void> {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    await Deno.remove(this.path(e)).catch(() => {});
    await this.#save();
  }

  /** Removes every object (statistics are kept, evictions counted). */
  async clear(): Promise<number> {
    return await this.evictTo(0);
  }

  /** Size, entries and statistics. */
  summary(): CacheSummary {
    const { hits, misses } = this.#stats;
    return {
      dir: this.dir,
      entries: this.#entries.size,
      bytes: this.bytes(),
      maxBytes: this.maxBytes,
      ...this.#stats,
      hitRate: hits + misses === 0 ? null : hits / (hits + misses),
    };
  }

  /** Bytes of all cached objects. */
  bytes(): number {
    let n = 0;
    for (const e of this.#entries.values()) n += e.size;
    return n;
  }

  /** The cached entries, least recently used first. */
  entries(): CacheEntry[] {
    return [...this.#entries.values()].sort((a, b) => a.used - b.used);
  }

  path(e: CacheEntry): string {
    return `${this.dir}/objects/${e.file}`;
  }

  async #evict(limit: number, keep: string | null): Promise<number> {
    let bytes = this.bytes(), n = 0;
    for (const e of this.entries()) {
      if (bytes <= limit) break;
      if (e.key === keep) continue;
      await Deno.remove(this.path(e)).catch((err) => {
        if (!notFound(err)) throw err;
      });
      await Deno.remove(`${this.dir}/objects/${e.file.slice(0, 64)}.key`).catch(() => {});
      this.#entries.delete(e.key);
      bytes -= e.size;
      n++;
      this.#stats.evictions++;
      this.#stats.evictedBytes += e.size;
    }
    return n;
  }

  async #save() {
    const index: IndexFile = {
      version: 1,
      seq: this.#seq,
      stats: this.#stats,
      entries: this.entries(),
    };
    await writeFileAtomic(`${this.dir}/index.json`, JSON.stringify(index, null, 1) + "\n");
  }
}
