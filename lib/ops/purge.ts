/**
 * Retention: deleting what is older than a cutoff, by category — raw and derived lake
 * partitions (by trading date), their quarantine files, run records, logs and caches (by
 * modification time). A dry run by default: it lists what would go and how many bytes that
 * frees. Applied, it forgets each partition in its manifest before deleting its folder (under
 * the lake lock), so a kill in between leaves only an unrecorded file, which `verify` lists
 * and a backfill rewrites — never a manifest entry without its file.
 *
 * @module
 */
import { acquireLakeLock, type Dataset, Manifest, partitionDir } from "../lake/mod.ts";
import { ALL_DATASETS, splitKey } from "./_lake_walk.ts";

/** What {@linkcode purge} can delete. */
export const PURGE_CATEGORIES = ["raw", "derived", "quarantine", "runs", "logs", "cache"] as const;

/** One of {@linkcode PURGE_CATEGORIES}. */
export type PurgeCategory = typeof PURGE_CATEGORIES[number];

const RAW: readonly Dataset[] = [
  "equity_minute",
  "index_minute",
  "option_contracts",
  "option_minute",
  "news",
];

/** Options for {@linkcode purge}. */
export interface PurgeOptions {
  categories: readonly PurgeCategory[];
  /** Limits raw, derived and quarantine to these datasets. @default {all} */
  datasets?: readonly Dataset[];
  /**
   * Partitions dated before this `YYYY-MM-DD`, files modified before this day's UTC
   * midnight. Required unless `all`.
   */
  before?: string;
  /** Everything of the categories, whatever its age. @default false */
  all?: boolean;
  /** Delete (otherwise only list). @default false */
  apply?: boolean;
}

/** One thing {@linkcode purge} deletes or would delete. */
export interface PurgeItem {
  category: PurgeCategory;
  /** File or folder. */
  path: string;
  bytes: number;
}

/** What {@linkcode purge} found (and deleted when `applied`). */
export interface PurgeResult {
  items: PurgeItem[];
  bytes: number;
  applied: boolean;
}

async function sizeOf(path: string): Promise<number> {
  let st: Deno.FileInfo;
  try {
    st = await Deno.lstat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return 0;
    throw e;
  }
  if (!st.isDirectory) return st.size;
  let n = 0;
  for await (const e of Deno.readDir(path)) n += await sizeOf(`${path}/${e.name}`);
  return n;
}

async function entries(dir: string): Promise<Deno.DirEntry[]> {
  const out: Deno.DirEntry[] = [];
  try {
    for await (const e of Deno.readDir(dir)) out.push(e);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Files and folders directly in `dir` last modified before `cutMs`. */
async function oldEntries(category: PurgeCategory, dir: string, cutMs: number) {
  const out: PurgeItem[] = [];
  for (const e of await entries(dir)) {
    const path = `${dir}/${e.name}`;
    const st = await Deno.lstat(path);
    if ((st.mtime?.getTime() ?? 0) < cutMs) out.push({ category, path, bytes: await sizeOf(path) });
  }
  return out;
}

/**
 * Lists (and with `apply`, deletes) what the categories hold before the cutoff, under the
 * data folder `dataDir` (`lake/`, `runs/`, `logs/`, `cache/`, and `lake/_staging/` as cache).
 *
 * @throws {RangeError} without `before` or `all`, or with a malformed `before`.
 */
export async function purge(dataDir: string, options: PurgeOptions): Promise<PurgeResult> {
  const { categories, datasets = ALL_DATASETS, before, all = false, apply = false } = options;
  if (!all && !before) {
    throw new RangeError(
      "Cannot purge without an age: give --older-than DAYS, --before YYYY-MM-DD or --all",
    );
  }
  if (before && !/^\d{4}-\d{2}-\d{2}$/.test(before)) {
    throw new RangeError(`Cannot purge: --before must be YYYY-MM-DD, got "${before}"`);
  }
  const cutDate = all ? "9999-99-99" : before!;
  const cutMs = all ? Infinity : Date.parse(`${before}T00:00:00Z`);
  const root = `${dataDir}/lake`;
  const items: PurgeItem[] = [];
  const release = apply ? await acquireLakeLock(root) : async () => {};
  try {
    for (const dataset of datasets) {
      const raw = RAW.includes(dataset);
      const whole = categories.includes(raw ? "raw" : "derived");
      const quarantine = !whole && categories.includes("quarantine");
      if (!whole && !quarantine) continue;
      const manifest = await Manifest.open(root, dataset);
      for (const key of manifest.keys()) {
        const { value, date } = splitKey(dataset, key);
        if (date >= cutDate) continue;
        const dir = `${root}/${partitionDir({ dataset, value, date })}`;
        const path = whole ? dir : `${dir}/_quarantine.jsonl`;
        const bytes = await sizeOf(path);
        if (!whole && bytes === 0) continue;
        items.push({ category: whole ? (raw ? "raw" : "derived") : "quarantine", path, bytes });
        if (!apply) continue;
        if (whole) await manifest.forget(key);
        else await manifest.record(key, { ...manifest.get(key)!, quarantined: 0 });
        await Deno.remove(path, { recursive: true }).catch((e) => {
          if (!(e instanceof Deno.errors.NotFound)) throw e;
        });
      }
      if (apply) await manifest.flush();
    }
    if (categories.includes("runs")) {
      items.push(...await oldEntries("runs", `${dataDir}/runs`, cutMs));
    }
    if (categories.includes("logs")) {
      items.push(...await oldEntries("logs", `${dataDir}/logs`, cutMs));
    }
    if (categories.includes("cache")) {
      items.push(...await oldEntries("cache", `${dataDir}/cache`, cutMs));
      items.push(...await oldEntries("cache", `${root}/_staging`, cutMs));
    }
    if (apply) {
      for (const it of items) {
        if (it.category === "runs" || it.category === "logs" || it.category === "cache") {
          await Deno.remove(it.path, { recursive: true }).catch(() => {});
        }
      }
      await removeEmptyKeyDirs(root, datasets);
    }
  } finally {
    await release();
  }
  return { items, bytes: items.reduce((n, i) => n + i.bytes, 0), applied: apply };
}

/** Removes `<dataset>/<key>=<value>/` folders left without any date folder. */
async function removeEmptyKeyDirs(root: string, datasets: readonly Dataset[]): Promise<void> {
  for (const dataset of datasets) {
    for (const e of await entries(`${root}/${dataset}`)) {
      if (!e.isDirectory || !e.name.includes("=")) continue;
      const dir = `${root}/${dataset}/${e.name}`;
      if ((await entries(dir)).length === 0) await Deno.remove(dir).catch(() => {});
    }
  }
}
