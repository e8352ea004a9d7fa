/**
 * A whole backfill: lock the lake, clear temporary files left by an interrupted run, plan,
 * run the jobs, write the run record. Tasks add flags, progress and Ctrl-C on top.
 *
 * @module
 */
import { type Config, redactConfig, secretsOf } from "../config/mod.ts";
import { acquireLakeLock, removeTempFiles } from "../lake/mod.ts";
import {
  codeRevision,
  type Logger,
  newRunId,
  startPerf,
  versions,
  writeRunRecord,
} from "../run/mod.ts";
import type { Source } from "../sources/mod.ts";
import type { flatfiles } from "../sources/mod.ts";
type FlatFilesSource = flatfiles.FlatFilesSource;
import { planFlatFiles } from "./flat_files.ts";
import { pruneStaging } from "./_staging.ts";
import { planOptions } from "./options.ts";
import { planBackfill } from "./plan.ts";
import { isDiskFull, type JobEvent, type JobsSummary, runJobs } from "./run_jobs.ts";

/** Options for {@linkcode backfill}. */
export interface BackfillOptions {
  /** The source to read. */
  source: Source;
  /** The command recorded in the run record. */
  command: string[];
  log: Logger;
  signal?: AbortSignal;
  /** Called before the first job with the number planned. */
  onStart?: (total: number) => void;
  onEvent?: (event: JobEvent) => void;
}

/** What a backfill did and where its record is. */
export interface BackfillResult {
  summary: JobsSummary;
  status: "ok" | "failed" | "interrupted";
  elapsedMs: number;
  /** The run record, or null when it could not be written (see `recordError`). */
  recordPath: string | null;
  /** Why the run record could not be written (e.g. the disk is full), else null. */
  recordError: string | null;
}

/**
 * Runs the backfill the config describes (`config.backfill`).
 *
 * @throws {RangeError} when `from`/`to` are missing or give no trading day, or extended
 *   hours are asked of the simulator (which has the regular session only).
 */
/** Source methods that make requests (counted in the run record's requests/s). */
const COUNTED = new Set<string | symbol>([
  "minuteBars",
  "optionContracts",
  "news",
  "optionChainBars",
  "dailyBars",
  "day",
]);

export async function backfill(config: Config, options: BackfillOptions): Promise<BackfillResult> {
  const { command, log, signal, onStart, onEvent } = options;
  const perf = startPerf();
  perf.phase("plan");
  let requests = 0;
  // Every source call counts as a request; the source's other methods (a whole chain's bars,
  // a flat-file day) pass through unchanged.
  const source: Source = new Proxy(options.source, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (COUNTED.has(key)) requests++;
        return value.apply(target, args);
      };
    },
  });
  const b = config.backfill;
  if (!b.from || !b.to) {
    throw new RangeError("A backfill needs backfill.from and backfill.to (--from, --to)");
  }
  if (b.extendedHours && source.name === "sim") {
    throw new RangeError(
      "Cannot backfill extended hours from the sim source: it simulates the regular session only; drop --extended-hours or use --source polygon",
    );
  }
  const root = `${config.data.dir}/lake`;
  const range = { from: b.from, to: b.to };
  const flat = source.name === "flatfiles";
  const phases = flat
    ? [planFlatFiles(source as FlatFilesSource, { ...b, ...range, ...config.options })]
    : [planBackfill(source, { ...b, ...range })];
  if (!flat && b.datasets.includes("options")) {
    phases.push(
      ...planOptions(source, root, {
        ...config.options,
        from: b.from,
        to: b.to,
        merge: b.force && !b.replace,
      }),
    );
  }
  const total = phases.reduce((n, p) => n + p.length, 0);
  const release = await acquireLakeLock(root, { waitMs: b.lockWaitS * 1000 });
  const started = Date.now();
  const t0 = performance.now();
  try {
    perf.phase("clean");
    const cleaned = await removeTempFiles(root);
    if (cleaned > 0) log.info(`removed ${cleaned} temporary file(s) left by an interrupted run`);
    log.info(`backfill ${b.from}..${b.to} from ${source.name}: ${total} partitions`);
    if (flat && b.datasets.includes("options")) {
      log.info(
        "option_contracts from flat files lists the contracts that traded each day; " +
          "non-standard deliverables cannot be seen in flat files (multiplier 100 assumed)",
      );
    }
    onStart?.(total);
    let summary: JobsSummary = emptySummary();
    perf.phase("fetch+write");
    try {
      for (const jobs of phases) {
        if (jobs.length === 0) continue;
        const part = await runJobs(jobs, {
          root,
          concurrency: b.concurrency,
          force: b.force,
          retryEmpty: b.retryEmpty,
          schemaDrift: b.schemaDrift,
          signal,
          onEvent,
        });
        summary = mergeSummaries(summary, part);
        if (part.fatal || part.interrupted) break;
      }
      await pruneStaging(root);
    } catch (e) {
      // e.g. the disk filled while reading the lake between phases: still a summary and a record
      summary.fatal ??= isDiskFull(e)
        ? `Disk full under ${root}: free some space and run the backfill again; it resumes where it stopped`
        : (e as Error).message;
    }
    // Partitions finish in any order; the summary (and the run record) should not.
    summary.warnings.sort();
    summary.failures.sort((x, y) => compare(x.partition, y.partition));
    summary.planned = total;
    summary.interrupted = summary.written + summary.skipped + summary.failed < total;
    const elapsedMs = performance.now() - t0;
    const status = summary.fatal || summary.failed > 0
      ? "failed"
      : summary.interrupted
      ? "interrupted"
      : "ok";
    perf.phase("record");
    const bytes = summary.outputs.reduce((n, o) => n + ((o as { bytes?: number }).bytes ?? 0), 0);
    const figures = perf.finish({ rows: summary.rows, bytes, requests });
    let recordPath: string | null = null, recordError: string | null = null;
    try {
      recordPath = await writeRunRecord(config.data.dir, {
        runId: newRunId("backfill", started),
        task: "backfill",
        command,
        config: redactConfig(config),
        code: await codeRevision(),
        versions: await versions(),
        seed: source.name === "sim" ? config.source.sim.seed : null,
        inputs: [],
        outputs: summary.outputs,
        timings: {
          startedAt: new Date(started).toISOString(),
          finishedAt: new Date(started + elapsedMs).toISOString(),
          elapsedMs: Math.round(elapsedMs),
        },
        status,
        summary: { ...summary, outputs: undefined, perf: figures },
      }, secretsOf(config));
    } catch (e) {
      recordError = `the run record was not written: ${(e as Error).message}`;
    }
    return { summary, status, elapsedMs, recordPath, recordError };
  } finally {
    await release();
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A summary of nothing done. */
export function emptySummary(): JobsSummary {
  return {
    planned: 0,
    written: 0,
    skipped: 0,
    failed: 0,
    rows: 0,
    quarantined: 0,
    interrupted: false,
    failures: [],
    warnings: [],
    fatal: null,
    outputs: [],
  };
}

/** Adds up two runs' summaries (phases of one backfill). */
export function mergeSummaries(a: JobsSummary, b: JobsSummary): JobsSummary {
  return {
    planned: a.planned + b.planned,
    written: a.written + b.written,
    skipped: a.skipped + b.skipped,
    failed: a.failed + b.failed,
    rows: a.rows + b.rows,
    quarantined: a.quarantined + b.quarantined,
    interrupted: a.interrupted || b.interrupted,
    failures: [...a.failures, ...b.failures],
    warnings: [...a.warnings, ...b.warnings],
    fatal: a.fatal ?? b.fatal,
    outputs: [...a.outputs, ...b.outputs].sort((x, y) => (x.partition < y.partition ? -1 : 1)),
  };
}
