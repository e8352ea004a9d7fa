/**
 * The contracts the selection rules pick for one day, filling the underlying's equity
 * partition first when the lake lacks it (as `deno task discover` does).
 *
 * @module
 */
import { acquireLakeLock } from "../lake/mod.ts";
import type { Source } from "../sources/mod.ts";
import { discoverContracts, type DiscoverContractsOptions } from "./discover_contracts.ts";
import { openFromLake } from "./open_from_lake.ts";
import { barsJob } from "./plan.ts";
import { runJobs } from "./run_jobs.ts";

/**
 * Writes the underlying's `equity_minute` partition for `date` when the lake lacks it (under
 * the lake lock), then calls {@linkcode discoverContracts}.
 *
 * @throws {Error} when the source fails to deliver the underlying's bars.
 */
export async function discoverDay(source: Source, options: DiscoverContractsOptions) {
  const { root, underlying, date } = options;
  try {
    await openFromLake(root, underlying, date);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const release = await acquireLakeLock(root);
    try {
      const filled = await runJobs([barsJob(source, "equity_minute", underlying, date)], { root });
      if (filled.failed > 0) throw new Error(filled.failures[0].error);
    } finally {
      await release();
    }
  }
  return await discoverContracts(source, options);
}
