/**
 * Repairing what {@linkcode verifyLake} found: the bad files removed and forgotten by their
 * manifests, raw partitions fetched again from the configured source, derived ones recomputed
 * from their inputs.
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import { consolidateMissing } from "../consolidate/mod.ts";
import { backfill } from "../ingest/mod.ts";
import { acquireLakeLock, type Dataset, Manifest } from "../lake/mod.ts";
import type { Logger } from "../run/mod.ts";
import type { Source } from "../sources/mod.ts";
import type { BadPartition } from "./verify_lake.ts";

/** Options for {@linkcode repairLake}. */
export interface RepairLakeOptions {
  /** Where raw partitions are fetched again (e.g. `createSource(config)`). */
  source: Source;
  log: Logger;
  /** The command recorded in the backfills' run records. */
  command: string[];
}

/** What {@linkcode repairLake} did, per bad partition (`<dataset>/<key>`). */
export interface RepairLakeResult {
  repaired: string[];
  failed: { partition: string; error: string }[];
}

const RAW: Partial<Record<Dataset, "equity" | "index" | "news" | "options">> = {
  equity_minute: "equity",
  index_minute: "index",
  news: "news",
  option_contracts: "options",
  option_minute: "options",
};

const RERUN: Partial<Record<Dataset, string>> = {
  training: "deno task prepare-training",
  scan_events: "deno task scan",
};

/** Removes the files and manifest entries of `bad` under the lake lock. */
async function forgetAll(root: string, bad: readonly BadPartition[]): Promise<void> {
  const release = await acquireLakeLock(root);
  try {
    const manifests = new Map<Dataset, Manifest>();
    for (const b of bad) {
      if (!manifests.has(b.dataset)) manifests.set(b.dataset, await Manifest.open(root, b.dataset));
      await Deno.remove(b.path).catch((e) => {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      });
      await manifests.get(b.dataset)!.forget(b.key);
    }
    for (const m of manifests.values()) await m.flush();
  } finally {
    await release();
  }
}

/** Runs the one-partition backfill that rewrites a bad raw partition. */
async function refetch(config: Config, b: BadPartition, options: RepairLakeOptions) {
  const kind = RAW[b.dataset]!;
  const c: Config = {
    ...config,
    backfill: {
      ...config.backfill,
      from: b.date,
      to: b.date,
      datasets: [kind],
      symbols: kind === "index" ? config.backfill.symbols : [b.value],
      indices: kind === "index" ? [b.value] : [],
      force: false,
    },
    options: { ...config.options, underlyings: [b.value] },
  };
  const r = await backfill(c, { ...options, command: [...options.command, "(repair)"] });
  if (r.status !== "ok") {
    const why = r.summary.fatal ?? r.summary.failures.map((f) => f.error).join("; ");
    throw new Error(`the backfill ${r.status}: ${why} (record ${r.recordPath})`);
  }
}

/**
 * Removes each bad partition (file and manifest entry), then writes it again: raw datasets
 * through a backfill of that one partition from `options.source`, `consolidated` through
 * `consolidateMissing` with the config's parameters. `training` and `scan_events` are removed
 * and reported failed with the task that rebuilds them.
 */
export async function repairLake(
  config: Config,
  bad: readonly BadPartition[],
  options: RepairLakeOptions,
): Promise<RepairLakeResult> {
  const root = `${config.data.dir}/lake`;
  const result: RepairLakeResult = { repaired: [], failed: [] };
  if (bad.length === 0) return result;
  await forgetAll(root, bad);
  const { underlyings: _u, from: _f, to: _t, ...params } = config.consolidate;
  const done = new Set<string>();
  for (const b of bad) {
    const partition = `${b.dataset}/${b.key}`;
    try {
      if (RAW[b.dataset]) {
        const job = `${RAW[b.dataset]}/${b.value}/${b.date}`;
        if (!done.has(job)) await refetch(config, b, options);
        done.add(job);
      } else if (b.dataset === "consolidated") {
        await consolidateMissing(root, {
          ...params,
          underlying: b.value,
          from: b.date,
          to: b.date,
        });
      } else {
        throw new Error(
          `removed; run \`${RERUN[b.dataset]}\` for ${b.value} ${b.date} to rebuild it`,
        );
      }
      if (!(await Manifest.open(root, b.dataset)).get(b.key)) {
        throw new Error("the source gave nothing for it this time");
      }
      options.log.info(`repaired ${partition}`);
      result.repaired.push(partition);
    } catch (e) {
      result.failed.push({ partition, error: (e as Error).message });
    }
  }
  return result;
}
