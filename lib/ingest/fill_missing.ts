/**
 * Filling only what the lake lacks (for notebooks and demos that need some data present).
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import type { PartitionId } from "../lake/mod.ts";
import { backfill, type BackfillOptions, type BackfillResult } from "./backfill.ts";
import { missingPartitions } from "./missing_partitions.ts";

/** Options for {@linkcode fillMissing}: those of `backfill`. */
export type FillMissingOptions = BackfillOptions;

/** What {@linkcode fillMissing} found and did. */
export interface FillMissingResult {
  /** The partitions that were missing before the fill. */
  missing: PartitionId[];
  /** The backfill that filled them, or null when nothing was missing (no run record). */
  result: BackfillResult | null;
}

/**
 * Runs the backfill `config.backfill` describes only when the lake lacks some of its
 * partitions (see `missingPartitions`); the backfill then writes just those, skipping the
 * ones the manifests list, and writes its run record. With nothing missing it touches
 * nothing and writes no record, so re-running a notebook does not pile up empty records.
 *
 * @param config A config with `backfill.from` and `backfill.to` set.
 * @param options The options of `backfill` (source, command, logger, …).
 * @returns The missing partitions and the backfill result (null when none was needed).
 * @throws {RangeError} When from/to are missing or the range has no trading day.
 * @throws {Error} When the backfill fails (the message lists the first failures).
 *
 * @example
 * ```ts
 * import { fillMissing } from "./fill_missing.ts";
 * import { loadConfig } from "../config/mod.ts";
 * import { createLogger } from "../run/mod.ts";
 * import { createSimSource } from "../sources/sim/mod.ts";
 * import { equal } from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const config = loadConfig({ overrides: { data: { dir },
 *   backfill: { from: "2025-03-03", to: "2025-03-04", datasets: ["equity"] } } });
 * const options = { source: createSimSource(), command: ["example"], log: createLogger({ write: () => {} }) };
 * equal((await fillMissing(config, options)).result?.summary.written, 2);
 * equal((await fillMissing(config, options)).result, null); // nothing missing the second time
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function fillMissing(
  config: Config,
  options: FillMissingOptions,
): Promise<FillMissingResult> {
  const missing = await missingPartitions(config, { source: options.source });
  if (missing.length === 0) return { missing, result: null };
  const result = await backfill(config, options);
  if (result.status !== "ok") {
    const first = result.summary.failures.slice(0, 3)
      .map((f) => `${f.partition}: ${f.error}`).join("; ");
    throw new Error(
      `Cannot fill the lake: the backfill ${result.status} (record ${result.recordPath})${
        first ? `: ${first}` : ""
      }${result.summary.fatal ? `: ${result.summary.fatal}` : ""}`,
    );
  }
  return { missing, result };
}
