/**
 * Consolidating only the dates the `consolidated` dataset lacks (for notebooks that need the
 * table present).
 *
 * @module
 */
import { listPartitions } from "../lake/mod.ts";
import { Manifest } from "../lake/mod.ts";
import { partitionKey } from "../lake/mod.ts";
import { partitionIntact } from "../lake/mod.ts";
import { resolveConsolidate } from "./_resolve.ts";
import {
  consolidateLake,
  type ConsolidateLakeOptions,
  type ConsolidateLakeResult,
} from "./consolidate_lake.ts";

/** Options for {@linkcode consolidateMissing}: those of `consolidateLake`. */
export type ConsolidateMissingOptions = ConsolidateLakeOptions;

/** What {@linkcode consolidateMissing} found and did. */
export interface ConsolidateMissingResult {
  /** Dates with option bars but no intact `consolidated` partition, before the run. */
  missing: string[];
  /** The consolidation run, or null when nothing was missing. */
  result: ConsolidateLakeResult | null;
}

/**
 * Runs `consolidateLake` for the dates of [from, to] that have `option_minute` partitions
 * of the underlying but no `consolidated` partition listed in its manifest with the file
 * intact (the test a resumed backfill applies). It consolidates the span from the first to
 * the last missing date; a date in that span that was already there is rewritten with the
 * same bytes (per-session indicators, the default, make a date depend on that date alone).
 * With nothing missing it reads and writes nothing but the manifests.
 *
 * @param root The lake folder (`<data dir>/lake`).
 * @param options The underlying, date range and consolidation options.
 * @returns The missing dates and the run (null when none was needed).
 * @throws {RangeError} As `consolidateLake` does (a date with option bars and no underlying).
 *
 * @example
 * ```ts
 * import { consolidateMissing } from "./consolidate_missing.ts";
 * import { deepEqual } from "node:assert/strict";
 * // An empty lake: no option bars, so nothing to consolidate.
 * deepEqual(await consolidateMissing("/nonexistent-strikelab-lake", {
 *   underlying: "SPY", from: "2025-03-03", to: "2025-03-07",
 * }), { missing: [], result: null });
 * ```
 */
export async function consolidateMissing(
  root: string,
  options: ConsolidateMissingOptions,
): Promise<ConsolidateMissingResult> {
  const { from, to } = options;
  const underlying = resolveConsolidate(options).underlying;
  const range = { values: [underlying], from, to };
  const manifest = await Manifest.open(root, "consolidated");
  const missing: string[] = [];
  for (const p of await listPartitions(root, "option_minute", range)) {
    const id = { dataset: "consolidated" as const, value: p.value, date: p.date };
    const entry = manifest.get(partitionKey(id));
    if (!entry || !(await partitionIntact(root, id, entry))) missing.push(p.date);
  }
  if (missing.length === 0) return { missing, result: null };
  const result = await consolidateLake(root, {
    ...options,
    from: missing[0],
    to: missing[missing.length - 1],
  });
  return { missing, result };
}
