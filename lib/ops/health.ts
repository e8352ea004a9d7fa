/**
 * The state of a lab at a glance: lake coverage against the trading calendar, the last runs
 * of each task, failures grouped by cause, stale or hung runs, performance regressions and a
 * stream's last message age.
 *
 * @module
 */
import { tradingDays } from "../calendar/mod.ts";
import { type Dataset, Manifest } from "../lake/mod.ts";
import { listRunRecords, type RunRecordEntry } from "../run/mod.ts";
import { ALL_DATASETS, splitKey } from "./_lake_walk.ts";

/** Options for {@linkcode lakeHealth}. */
export interface LakeHealthOptions {
  /** Now, UTC ms (the clock is passed in). */
  nowMs: number;
  /** A run this many times slower per row than the median of earlier runs is flagged. @default 2 */
  regressionFactor?: number;
  /** Earlier runs needed before judging. @default 3 */
  regressionMinRuns?: number;
  /** A stream status older than this is stale, seconds. @default 120 */
  streamStaleS?: number;
  /** Whether a process id is alive (the shell passes a real check). */
  alive: (pid: number) => boolean;
}

/** Missing trading dates of one key value of a dataset, between its first and last date. */
export interface CoverageGap {
  dataset: Dataset;
  value: string;
  first: string;
  last: string;
  have: number;
  /** Missing trading dates, as `from..to` ranges (or single dates). */
  gaps: string[];
  missing: number;
}

/** Everything {@linkcode lakeHealth} reports. */
export interface LakeHealth {
  coverage: CoverageGap[];
  lastRuns: { task: string; runId: string; status: string; startedAt: string; elapsedMs: number }[];
  /** Failure message patterns (digits and quoted names generalised) → count, most first. */
  failures: { cause: string; count: number; example: string }[];
  /** Problems: a dead lock holder, a run folder without its record. */
  stale: string[];
  regressions: string[];
  stream: string | null;
}

/** Runs of consecutive missing trading days joined as `a..b`. */
function joinRuns(missing: readonly string[], all: readonly string[]): string[] {
  const index = new Map(all.map((d, i) => [d, i]));
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= missing.length; i++) {
    if (i < missing.length && index.get(missing[i])! === index.get(missing[i - 1])! + 1) continue;
    out.push(i - 1 === start ? missing[start] : `${missing[start]}..${missing[i - 1]}`);
    start = i;
  }
  return missing.length === 0 ? [] : out;
}

async function coverage(root: string): Promise<CoverageGap[]> {
  const out: CoverageGap[] = [];
  for (const dataset of ALL_DATASETS) {
    const m = await Manifest.open(root, dataset);
    const byValue = new Map<string, string[]>();
    for (const key of m.keys()) {
      const { value, date } = splitKey(dataset, key);
      byValue.set(value, [...byValue.get(value) ?? [], date]);
    }
    for (const [value, dates] of [...byValue].sort(([a], [b]) => (a < b ? -1 : 1))) {
      dates.sort();
      const all = tradingDays(dates[0], dates[dates.length - 1]);
      const have = new Set(dates);
      const missing = all.filter((d) => !have.has(d));
      out.push({
        dataset,
        value,
        first: dates[0],
        last: dates[dates.length - 1],
        have: dates.length,
        gaps: joinRuns(missing, all),
        missing: missing.length,
      });
    }
  }
  return out;
}

/** An error message with its particulars (dates, numbers, partitions, URLs) generalised. */
export function failureCause(message: string): string {
  return message
    .replace(/\(GET [^)]*(\)|$)/g, "(GET …)")
    .replace(/\b[a-z_]+\/[a-z]+=[^/\s]+\/date=\d{4}-\d{2}-\d{2}/g, "<partition>")
    .replace(/\d{4}-\d{2}-\d{2}/g, "<date>")
    .replace(/\bO:[A-Z]+\d{6}[CP]\d{8}\b/g, "<option>")
    .replace(/\d+(\.\d+)?/g, "N")
    .slice(0, 160);
}

function perRowMs(e: RunRecordEntry): number | null {
  const rows = e.record.outputs.reduce((n, o) => n + (o.rows ?? 0), 0);
  return rows > 0 ? e.record.timings.elapsedMs / rows : null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Reads the data folder's lake, run records, lock and stream status and reports on them.
 * Nothing is written.
 */
export async function lakeHealth(dataDir: string, options: LakeHealthOptions): Promise<LakeHealth> {
  const { nowMs, regressionFactor = 2, regressionMinRuns = 3, streamStaleS = 120, alive } = options;
  const root = `${dataDir}/lake`;
  const runs = await listRunRecords(dataDir);
  const byTask = new Map<string, RunRecordEntry[]>();
  for (const r of runs) byTask.set(r.record.task, [...byTask.get(r.record.task) ?? [], r]);
  const lastRuns = [...byTask.keys()].sort().map((task) => {
    const r = byTask.get(task)!.at(-1)!.record;
    return {
      task,
      runId: r.runId,
      status: r.status,
      startedAt: r.timings.startedAt,
      elapsedMs: r.timings.elapsedMs,
    };
  });
  const causes = new Map<string, { count: number; example: string }>();
  for (const r of runs) {
    const s = r.record.summary as { failures?: { error?: string }[]; fatal?: string | null };
    const errors = [...(s.failures ?? []).map((f) => f.error ?? ""), ...(s.fatal ? [s.fatal] : [])];
    for (const e of errors) {
      const cause = failureCause(e);
      const c = causes.get(cause) ?? { count: 0, example: e };
      c.count++;
      causes.set(cause, c);
    }
  }
  const failures = [...causes].map(([cause, c]) => ({ cause, ...c }))
    .sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1));
  const stale: string[] = [];
  try {
    const pid = Number((await Deno.readTextFile(`${root}/.lock`)).trim());
    stale.push(
      alive(pid)
        ? `the lake is being written by process ${pid} (${root}/.lock)`
        : `${root}/.lock is held by process ${pid}, which is gone: a killed run; the next writer takes the lock over`,
    );
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  try {
    for await (const e of Deno.readDir(`${dataDir}/runs`)) {
      if (!e.isDirectory) continue;
      try {
        await Deno.stat(`${dataDir}/runs/${e.name}/manifest.json`);
      } catch {
        stale.push(
          `run ${e.name} has no record (manifest.json): it was killed or is still running`,
        );
      }
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const regressions: string[] = [];
  for (const [task, list] of byTask) {
    const ok = list.filter((r) => r.record.status === "ok");
    const last = ok.at(-1), earlier = ok.slice(0, -1).map(perRowMs).filter((x) => x !== null);
    const lastMs = last ? perRowMs(last) : null;
    if (!last || lastMs === null || earlier.length < regressionMinRuns) continue;
    const med = median(earlier as number[]);
    if (lastMs > regressionFactor * med) {
      regressions.push(
        `${task} ${last.record.runId}: ${lastMs.toFixed(4)} ms a row, ${
          (lastMs / med).toFixed(1)
        }× the median ${med.toFixed(4)} of ${earlier.length} earlier runs`,
      );
    }
  }
  return {
    coverage: await coverage(root),
    lastRuns,
    failures,
    stale: stale.sort(),
    regressions: regressions.sort(),
    stream: await streamStatus(dataDir, nowMs, streamStaleS),
  };
}

/**
 * `data/stream/status.json` if present: `{ "lastMessageAt": ISO text or UTC ms, "state"?: text }`
 * (the shape docs/ops.md documents).
 */
async function streamStatus(
  dataDir: string,
  nowMs: number,
  staleS: number,
): Promise<string | null> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${dataDir}/stream/status.json`);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  let s: { lastMessageAt?: unknown; state?: unknown };
  try {
    s = JSON.parse(text);
  } catch {
    return `stream status ${dataDir}/stream/status.json is not JSON`;
  }
  const at = typeof s.lastMessageAt === "number"
    ? s.lastMessageAt
    : typeof s.lastMessageAt === "string"
    ? Date.parse(s.lastMessageAt)
    : NaN;
  if (!Number.isFinite(at)) {
    return `stream status has no lastMessageAt (state ${String(s.state ?? "?")})`;
  }
  const ageS = Math.round((nowMs - at) / 1000);
  return `stream ${String(s.state ?? "?")}: last message ${ageS} s ago${
    ageS > staleS ? " (stale)" : ""
  }`;
}
