/**
 * Run records: every task writes `<data>/runs/<run-id>/manifest.json` with the command, the
 * config (secrets redacted), the code revision, Deno and package versions, inputs and
 * outputs with hashes, timings and the seed.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { redactText } from "../config/mod.ts";
import { writeFileAtomic } from "../lake/mod.ts";

/** A partition or file with its content hash. */
export interface HashedItem {
  partition: string;
  rows?: number;
  sha256: string;
}

/** What a run record holds. */
export interface RunRecord {
  runId: string;
  task: string;
  command: string[];
  config: unknown;
  code: { revision: string | null; dirty: boolean | null };
  versions: { deno: string; v8: string; typescript: string; packages: Record<string, string> };
  seed: number | null;
  inputs: HashedItem[];
  outputs: HashedItem[];
  timings: { startedAt: string; finishedAt: string; elapsedMs: number };
  status: "ok" | "failed" | "interrupted";
  summary: Record<string, unknown>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A new run id: `<UTC time>-<task>-<random>`, e.g. `20250303T143000Z-backfill-3f9a1c`. */
export function newRunId(task: string, nowMs: number): string {
  const t = new Date(nowMs).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const rand = crypto.getRandomValues(new Uint8Array(3));
  return `${t}-${task}-${Array.from(rand, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The git revision of the code and whether the work tree has changes (null outside git). */
export async function codeRevision(): Promise<RunRecord["code"]> {
  const git = async (...args: string[]) => {
    const out = await new Deno.Command("git", { args, cwd: ROOT, stdout: "piped", stderr: "null" })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  };
  try {
    const revision = await git("rev-parse", "HEAD");
    if (revision === null) return { revision: null, dirty: null };
    const status = await git("status", "--porcelain", "--untracked-files=no");
    return { revision, dirty: status === null ? null : status.length > 0 };
  } catch {
    return { revision: null, dirty: null };
  }
}

/** Deno's versions and the npm packages pinned in deno.json. */
export async function versions(): Promise<RunRecord["versions"]> {
  const packages: Record<string, string> = {};
  const json = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  for (const [name, spec] of Object.entries(json.imports ?? {})) {
    const m = /^npm:(@?[^@]+)@(.+)$/.exec(String(spec));
    if (m) packages[name] = m[2];
  }
  return { ...Deno.version, packages };
}

/** Writes the record atomically; returns its path. Secrets are redacted from every string. */
export async function writeRunRecord(dataDir: string, record: RunRecord, secrets: string[] = []) {
  const path = `${dataDir}/runs/${record.runId}/manifest.json`;
  await writeFileAtomic(path, redactText(JSON.stringify(record, null, 2), secrets) + "\n");
  return path;
}

/** What a task adds to its run record; the task layer fills in the rest. */
export interface RunRecordParts {
  inputs?: HashedItem[];
  outputs?: HashedItem[];
  summary?: Record<string, unknown>;
  seed?: number | null;
  status?: RunRecord["status"];
  /** Replaces the (redacted) config in the record. */
  config?: unknown;
  /** A run id other than the task's own. */
  runId?: string;
}

/**
 * What a lake runner needs from the task that calls it: the run id (the folder its files go
 * to), the command line and a writer of the run record (`lib/task` supplies all three).
 */
export interface RunHooks {
  runId: string;
  command: string[];
  record(parts: RunRecordParts): Promise<string>;
}
