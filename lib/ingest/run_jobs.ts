/**
 * Runs partition jobs: skip what the manifest says is complete (resume), produce the rest
 * with bounded concurrency, write each partition atomically, record it in its manifest.
 * A failed partition does not stop the others; an abort stops between partitions.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { Manifest } from "../lake/mod.ts";
import { type Dataset, type PartitionId, partitionKey } from "../lake/mod.ts";
import { partitionIntact, type QuarantinedRow, writePartition } from "../lake/mod.ts";
import { createDriftCheck, type DriftPolicy } from "./_drift.ts";

/** What a job produces for its partition. */
export interface JobOutput {
  frame: pl.DataFrame;
  quarantine: QuarantinedRow[];
  /** Things to tell the user that are not errors (e.g. a selected strike not listed). */
  warnings?: string[];
  /** The source's wire fields (name → JSON type), for the schema drift check. */
  wireFields?: Record<string, string>;
  /** Runs after the partition is written and recorded (e.g. removes staged pieces). */
  cleanup?: () => Promise<void>;
}

/** One partition to fill. */
export interface PartitionJob {
  id: PartitionId;
  /** Fetches, validates and frames the partition's rows. */
  produce(signal: AbortSignal): Promise<JobOutput>;
}

/** A progress event, one per partition finished. */
export interface JobEvent {
  id: PartitionId;
  status: "written" | "skipped" | "failed";
  rows: number;
  quarantined: number;
  error?: string;
  warnings?: string[];
}

/** Options for {@linkcode runJobs}. */
export interface RunJobsOptions {
  /** The lake root folder. */
  root: string;
  /** Partitions produced at once. @default 4 */
  concurrency?: number;
  /** Rewrite partitions already complete. @default false */
  force?: boolean;
  /** Produce again bar partitions (`*_minute`) recorded with zero rows. @default false */
  retryEmpty?: boolean;
  /**
   * What schema drift does (a partition's columns or wire fields differ from the dataset's
   * baseline): `accept` makes the new schema the baseline, `quarantine` sets the partition
   * aside under `<root>/_drift/` and fails it. Either way the drift is logged. @default "accept"
   */
  schemaDrift?: DriftPolicy;
  /** Stops starting new partitions (Ctrl-C); partitions under way are abandoned cleanly. */
  signal?: AbortSignal;
  /** Called after every partition. */
  onEvent?: (event: JobEvent) => void;
}

/** One partition written, for run records. */
export interface WrittenPartition {
  partition: string;
  rows: number;
  sha256: string;
}

/** What a run did. */
export interface JobsSummary {
  planned: number;
  written: number;
  skipped: number;
  failed: number;
  rows: number;
  quarantined: number;
  /** True when the run was stopped before every partition was tried. */
  interrupted: boolean;
  failures: { partition: string; error: string }[];
  /** Warnings of the partitions written, prefixed with the partition. */
  warnings: string[];
  /** The error that stopped the whole run (e.g. a rejected API key), if any. */
  fatal: string | null;
  outputs: WrittenPartition[];
}

/** True for an error that says the disk (or quota) is full. */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  return err?.code === "ENOSPC" || err?.code === "EDQUOT" ||
    /No space left on device|os error 28|Disk quota exceeded/i.test(err?.message ?? "");
}

function diskFullMessage(root: string, doing: string): string {
  return `Disk full ${doing} under ${root}: free some space (see \`deno task space\` and \`deno task purge\`) and run the backfill again; it resumes where it stopped`;
}

/** Runs the jobs; never throws for a failed partition (see `failures`). */
export async function runJobs(jobs: PartitionJob[], options: RunJobsOptions): Promise<JobsSummary> {
  const {
    root,
    concurrency = 4,
    force = false,
    retryEmpty = false,
    schemaDrift = "accept",
    signal,
    onEvent,
  } = options;
  const drift = createDriftCheck(root, schemaDrift);
  const manifests = new Map<Dataset, Manifest>();
  for (const job of jobs) {
    if (!manifests.has(job.id.dataset)) {
      manifests.set(job.id.dataset, await Manifest.open(root, job.id.dataset));
    }
  }
  const summary: JobsSummary = {
    planned: jobs.length,
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
  const inner = new AbortController();
  const onAbort = () => inner.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort);
  /** Datasets whose source refused an entitlement: their other partitions fail at once. */
  const denied = new Map<Dataset, string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !inner.signal.aborted) {
      const job = jobs[next++];
      const manifest = manifests.get(job.id.dataset)!;
      const key = partitionKey(job.id);
      const entry = manifest.get(key);
      const retry = retryEmpty && entry?.rows === 0 && job.id.dataset.endsWith("_minute");
      if (!force && !retry && entry && await partitionIntact(root, job.id, entry)) {
        summary.skipped++;
        onEvent?.({ id: job.id, status: "skipped", rows: entry.rows, quarantined: 0 });
        continue;
      }
      try {
        const refused = denied.get(job.id.dataset);
        if (refused) throw new Error(`not fetched: ${refused}`);
        const out = await job.produce(inner.signal);
        if (inner.signal.aborted) break;
        const drifted = await drift(job.id, out.frame, out.wireFields);
        for (const w of drifted.warnings) summary.warnings.push(`${job.id.dataset}/${key}: ${w}`);
        if (drifted.quarantined) throw new Error(drifted.quarantined);
        if (entry) await manifest.forget(key);
        const written = await writePartition(root, job.id, out.frame, out.quarantine);
        await manifest.record(key, written);
        await out.cleanup?.();
        for (const w of out.warnings ?? []) summary.warnings.push(`${job.id.dataset}/${key}: ${w}`);
        summary.written++;
        summary.rows += written.rows;
        summary.quarantined += written.quarantined;
        summary.outputs.push({ partition: `${job.id.dataset}/${key}`, ...written });
        onEvent?.({
          id: job.id,
          status: "written",
          rows: written.rows,
          quarantined: written.quarantined,
        });
      } catch (e) {
        if (inner.signal.aborted) break;
        const error = e instanceof Error ? e.message : String(e);
        if ((e as { skip?: unknown })?.skip === true) {
          // Nothing to write yet (e.g. no flat file for the day): noted, not recorded.
          summary.skipped++;
          summary.warnings.push(`${job.id.dataset}/${key}: skipped: ${error}`);
          onEvent?.({ id: job.id, status: "skipped", rows: 0, quarantined: 0, error });
          continue;
        }
        summary.failed++;
        summary.failures.push({ partition: `${job.id.dataset}/${key}`, error });
        onEvent?.({ id: job.id, status: "failed", rows: 0, quarantined: 0, error });
        const name = (e as Error)?.name;
        if (name === "PolygonEntitlementError") denied.set(job.id.dataset, error);
        if (
          name === "PolygonAuthError" || name === "PolygonConnectError" ||
          (e as { fatal?: unknown })?.fatal === true
        ) {
          summary.fatal = error;
          inner.abort(e);
        } else if (isDiskFull(e)) {
          summary.fatal = diskFullMessage(root, `writing ${job.id.dataset}/${key}`);
          inner.abort(e);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    signal?.removeEventListener("abort", onAbort);
    for (const m of manifests.values()) {
      try {
        await m.flush();
      } catch (e) {
        // The journal still holds every partition recorded: the next run resumes from it.
        summary.fatal ??= isDiskFull(e)
          ? diskFullMessage(root, `folding ${m.path}`)
          : `Cannot write ${m.path}: ${
            (e as Error).message
          }; its journal keeps what was recorded, run again to resume`;
      }
    }
  }
  summary.interrupted = summary.written + summary.skipped + summary.failed < jobs.length;
  summary.outputs.sort((a, b) => (a.partition < b.partition ? -1 : 1));
  return summary;
}
