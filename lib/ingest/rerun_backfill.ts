/**
 * Re-running a recorded simulated backfill somewhere else, to check that it reproduces.
 *
 * @module
 */
import { type Config, ConfigSchema } from "../config/mod.ts";
import { formatIssues } from "../config/mod.ts";
import type { Logger } from "../run/mod.ts";
import type { RunRecord } from "../run/mod.ts";

/** The parts of a run record a re-run reads. */
export type RerunnableRecord = Pick<RunRecord, "runId" | "task" | "config" | "seed">;
import { createSimSource } from "../sources/sim/mod.ts";
import { backfill, type BackfillResult } from "./backfill.ts";

/** Options for {@linkcode rerunBackfill}. */
export interface RerunBackfillOptions {
  /** An empty (or scratch) data folder to write the re-run's lake and run record into. */
  dataDir: string;
  log: Logger;
}

/** The config a re-run uses: the recorded one, in `dataDir`, on the simulator. */
function rerunConfig(record: RerunnableRecord, dataDir: string): Config {
  const parsed = ConfigSchema.safeParse(record.config);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot re-run ${record.runId}: its recorded config is not valid: ${
        formatIssues(parsed.error.issues, record.config).join("; ")
      }`,
    );
  }
  const config = structuredClone(parsed.data);
  const name = config.source.name === "auto"
    ? (config.source.polygon.apiKey ? "polygon" : "sim")
    : config.source.name;
  if (name !== "sim" || record.seed === null) {
    throw new RangeError(
      `Cannot re-run ${record.runId}: it read from ${name}, and only simulated runs (with a seed) can be reproduced offline`,
    );
  }
  config.data.dir = dataDir;
  config.source.name = "sim";
  config.source.sim.seed = record.seed;
  config.backfill.force = false;
  const b = config.backfill;
  if (b.datasets.includes("options")) {
    // Option selection reads the underlying's open from the lake: simulate it too.
    if (!b.datasets.includes("equity")) b.datasets = ["equity", ...b.datasets];
    b.symbols = [...new Set([...b.symbols, ...config.options.underlyings])];
  }
  return config;
}

/**
 * Re-runs a recorded backfill on the simulator, with the recorded config and seed, into
 * `dataDir`. The simulator makes every partition a pure function of (seed, ticker, date)
 * and the lake writes are byte-deterministic, so each recorded output should come back
 * with the same SHA-256 (compare with `compareHashes(record.outputs,
 * result.summary.outputs)`). The re-run writes every partition of the recorded range,
 * including those the original run skipped because the lake already had them, and adds
 * the option underlyings' equity bars when options were backfilled (contract selection
 * reads the day's open from the lake). It writes its own run record in `dataDir`.
 *
 * @param record A backfill run record (see `readRunRecord`).
 * @param options Where to write, and the logger.
 * @returns The re-run's backfill result; `summary.outputs` holds the reproduced hashes.
 * @throws {RangeError} When the record is not a backfill or did not use the simulator.
 * @throws {TypeError} When the recorded config does not parse.
 *
 * @example
 * ```ts
 * import { rerunBackfill } from "./rerun_backfill.ts";
 * import { backfill } from "./backfill.ts";
 * import { loadConfig } from "../config/mod.ts";
 * import { compareHashes, createLogger, readRunRecord } from "../run/mod.ts";
 * import { createSimSource } from "../sources/sim/mod.ts";
 * import { deepEqual } from "node:assert/strict";
 * const [a, b] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
 * const log = createLogger({ write: () => {} });
 * const config = loadConfig({ overrides: { data: { dir: a },
 *   backfill: { from: "2025-03-03", to: "2025-03-03", datasets: ["equity", "index"] } } });
 * const first = await backfill(config, { source: createSimSource(), command: ["example"], log });
 * const record = await readRunRecord(first.recordPath!);
 * const again = await rerunBackfill(record, { dataDir: b, log });
 * deepEqual(compareHashes(record.outputs, again.summary.outputs).getColumn("match").toArray(), [true, true]);
 * for (const d of [a, b]) await Deno.remove(d, { recursive: true });
 * ```
 */
export async function rerunBackfill(
  record: RerunnableRecord,
  options: RerunBackfillOptions,
): Promise<BackfillResult> {
  const { dataDir, log } = options;
  if (record.task !== "backfill") {
    throw new RangeError(
      `Cannot re-run ${record.runId} as a backfill: its task is "${record.task}"`,
    );
  }
  const config = rerunConfig(record, dataDir);
  return await backfill(config, {
    source: createSimSource({ seed: config.source.sim.seed }),
    command: ["rerun", record.runId],
    log,
  });
}
