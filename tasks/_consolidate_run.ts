/**
 * The shell of `deno task consolidate` and `deno task prepare-training`: run the lake
 * runners of `lib/consolidate` for each underlying, print their statistics and write the run
 * record.
 *
 * @module
 */
import type { Config } from "../lib/config/mod.ts";
import {
  consolidateLake,
  type ConsolidateLakeResult,
  formatStats,
  prepareTrainingLake,
  type PrepareTrainingLakeResult,
} from "../lib/consolidate/mod.ts";
import type { RunHooks } from "../lib/run/mod.ts";
import { isDiskFull } from "../lib/ingest/mod.ts";
import { say } from "./_task.ts";

const int = (n: number) => n.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * A consolidation that failed part way (disk full, a corrupt input): the summary of what was
 * done, a failed run record when one can be written, exit 1. Partitions written before the
 * failure are recorded in the manifest, so a rerun redoes only the rest.
 */
async function failed(
  hooks: RunHooks,
  results: ConsolidateLakeResult[],
  underlying: string,
  e: unknown,
): Promise<number> {
  const message = (e as Error).message;
  const why = isDiskFull(e)
    ? `disk full: free some space (deno task space, deno task purge) and run it again`
    : message;
  say(`consolidate ${underlying}: failed: ${why}`);
  say(
    `  consolidated before the failure: ${results.map((r) => r.underlying).join(", ") || "none"}`,
  );
  try {
    const path = await hooks.record({
      inputs: results.flatMap((r) => r.inputs),
      outputs: results.flatMap((r) => r.outputs),
      summary: { failed: underlying, error: message },
      status: "failed",
    });
    say(`  run record: ${path}`);
  } catch (err) {
    say(`  run record: not written: ${(err as Error).message}`);
  }
  console.error(`error: ${message}`);
  return 1;
}

/** Consolidates every configured underlying; prints the statistics; returns the exit code. */
export async function runConsolidate(config: Config, hooks: RunHooks): Promise<number> {
  const t0 = performance.now();
  const { underlyings, from, to, vix, ...options } = config.consolidate;
  const root = `${config.data.dir}/lake`;
  const results: ConsolidateLakeResult[] = [];
  for (const underlying of underlyings) {
    let r: ConsolidateLakeResult;
    try {
      r = await consolidateLake(root, {
        ...options,
        underlying,
        from: from!,
        to: to!,
        vix,
        clock: () => performance.now(),
      });
    } catch (e) {
      if (e instanceof RangeError) throw e; // bad input: exit 2, nothing to record
      return await failed(hooks, results, underlying, e);
    }
    results.push(r);
    say(`consolidate ${underlying} ${from}..${to}`);
    for (const line of formatStats(r.stats)) say(`  ${line}`);
    for (const w of r.warnings) say(`  warning: ${w}`);
    const t = r.timings;
    say(`  consolidated: ${r.outputs.length} partitions written`);
    say(
      `  elapsed: read ${seconds(t.readMs)}, compute ${seconds(t.computeMs)}, write ${
        seconds(t.writeMs)
      }`,
    );
  }
  const elapsedMs = performance.now() - t0;
  const peak = peakRssMb();
  const path = await hooks.record({
    inputs: results.flatMap((r) => r.inputs),
    outputs: results.flatMap((r) => r.outputs),
    summary: {
      peakRssMb: peak,
      underlyings: Object.fromEntries(results.map((r) => [r.underlying, {
        ...r.stats,
        warnings: r.warnings,
        timings: Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [k, Math.round(v)])),
      }])),
    },
  });
  say(`  elapsed: ${seconds(elapsedMs)} in all, peak memory ${peak ?? "?"} MB`);
  say(`  run record: ${path}`);
  return 0;
}

/** Prepares training targets for every configured underlying; returns the exit code. */
export async function runPrepareTraining(config: Config, hooks: RunHooks): Promise<number> {
  const t0 = performance.now();
  const { underlyings, from, to, ...options } = config.training;
  const root = `${config.data.dir}/lake`;
  const results: PrepareTrainingLakeResult[] = [];
  for (const underlying of underlyings) {
    const r = await prepareTrainingLake(root, { ...options, underlying, from: from!, to: to! });
    results.push(r);
    const s = r.stats;
    say(
      `prepare-training ${underlying} ${from}..${to}: horizon ${options.horizonMin} min, ` +
        `tolerance ${options.toleranceMin} min, min coverage ${options.minCoverage}`,
    );
    say(
      `  rows: ${int(s.rowsIn)} read, ${int(s.eligible)} with the horizon in the session, ` +
        `${int(s.withTarget)} with a target, ${int(s.rowsOut)} written`,
    );
    say(`  contract-days: ${int(s.contractDays)} read, ${int(s.contractDaysKept)} kept`);
    say(`  training: ${r.outputs.length} partitions written`);
  }
  const elapsedMs = performance.now() - t0;
  const path = await hooks.record({
    inputs: results.flatMap((r) => r.inputs),
    outputs: results.flatMap((r) => r.outputs),
    summary: {
      peakRssMb: peakRssMb(),
      underlyings: Object.fromEntries(results.map((r) => [r.underlying, r.stats])),
    },
  });
  say(`  elapsed: ${seconds(elapsedMs)}`);
  say(`  run record: ${path}`);
  return 0;
}
