/**
 * Which partitions of a backfill the lake does not hold yet.
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import { Manifest } from "../lake/mod.ts";
import { type Dataset, type PartitionId, partitionKey } from "../lake/mod.ts";
import { partitionIntact } from "../lake/mod.ts";
import type { Source } from "../sources/mod.ts";
import { planOptions } from "./options.ts";
import { planBackfill } from "./plan.ts";

/** Options for {@linkcode missingPartitions}. */
export interface MissingPartitionsOptions {
  /** The source the plan is made for (nothing is fetched). */
  source: Source;
}

/**
 * The partitions the backfill `config.backfill` would write that the lake lacks: not in
 * the dataset's manifest, or listed but with the file gone or of another size — the same
 * test a resumed backfill applies before skipping a partition. Reads manifests and stats
 * files only; fetches nothing.
 *
 * @param config A config with `backfill.from` and `backfill.to` set.
 * @param options The source.
 * @returns Missing partitions in plan order (bars and news date by date, then option
 *   contracts, then option bars).
 * @throws {RangeError} When from/to are missing or the range has no trading day.
 *
 * @example
 * ```ts
 * import { missingPartitions } from "./missing_partitions.ts";
 * import { loadConfig } from "../config/mod.ts";
 * import { createSimSource } from "../sources/sim/mod.ts";
 * import { equal } from "node:assert/strict";
 * const config = loadConfig({ overrides: {
 *   data: { dir: "/nonexistent-strikelab-data" },
 *   backfill: { from: "2025-03-03", to: "2025-03-04", datasets: ["equity", "index"] },
 * } });
 * equal((await missingPartitions(config, { source: createSimSource() })).length, 4);
 * ```
 */
export async function missingPartitions(
  config: Config,
  options: MissingPartitionsOptions,
): Promise<PartitionId[]> {
  const { source } = options;
  const b = config.backfill;
  if (!b.from || !b.to) {
    throw new RangeError(
      "Cannot list missing partitions: backfill.from and backfill.to are needed",
    );
  }
  const root = `${config.data.dir}/lake`;
  const jobs = planBackfill(source, { ...b, from: b.from, to: b.to });
  if (b.datasets.includes("options")) {
    jobs.push(...planOptions(source, root, { ...config.options, from: b.from, to: b.to }).flat());
  }
  const manifests = new Map<Dataset, Manifest>();
  const missing: PartitionId[] = [];
  for (const { id } of jobs) {
    if (!manifests.has(id.dataset)) {
      manifests.set(id.dataset, await Manifest.open(root, id.dataset));
    }
    const entry = manifests.get(id.dataset)!.get(partitionKey(id));
    if (!entry || !(await partitionIntact(root, id, entry))) missing.push(id);
  }
  return missing;
}
