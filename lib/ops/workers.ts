/**
 * Backfills as worker processes: several `deno task backfill` runs (one per symbol or per
 * date range) started in the background, listed and stopped. Each worker records itself in
 * `<data dir>/workers/<id>.json` and logs to `<id>.log` beside it. Workers share the lake
 * through its lock: each waits its turn (`--lock-wait`), so manifests never race; fetching is
 * not yet concurrent across workers (see docs/ops.md).
 *
 * @module
 */
import { tradingDays } from "../calendar/mod.ts";
import { processAlive } from "../lake/mod.ts";

/** One worker's command-line arguments for `tasks/backfill.ts` and its id. */
export interface WorkerPlan {
  id: string;
  args: string[];
}

/** Options for {@linkcode planWorkers}. */
export interface PlanWorkersOptions {
  /** One worker per symbol, or per date range. */
  by: "symbol" | "range";
  symbols: readonly string[];
  from: string;
  to: string;
  /** Workers for `by: "range"` (the trading days split evenly). @default 2 */
  parts?: number;
  /** Arguments every worker gets (e.g. `--datasets equity,index --source sim`). */
  common?: readonly string[];
  /** Seconds each waits for the lake lock. @default 86400 */
  lockWaitS?: number;
}

/**
 * The workers of a parallel backfill: per symbol (each with the whole range) or per
 * contiguous block of trading days (each with every symbol).
 *
 * @example
 * ```ts
 * import { planWorkers } from "./workers.ts";
 * import { deepEqual } from "node:assert/strict";
 * const w = planWorkers({ by: "range", symbols: ["SPY"], from: "2025-03-03", to: "2025-03-07", parts: 2 });
 * deepEqual(w.map((p) => p.id), ["range-2025-03-03", "range-2025-03-06"]);
 * ```
 */
export function planWorkers(options: PlanWorkersOptions): WorkerPlan[] {
  const { by, symbols, from, to, parts = 2, common = [], lockWaitS = 86_400 } = options;
  const tail = [...common, "--lock-wait", String(lockWaitS)];
  if (by === "symbol") {
    return symbols.map((s) => ({
      id: `symbol-${s.replace(/[^A-Za-z0-9._-]/g, "_")}`,
      args: ["--symbols", s, "--from", from, "--to", to, ...tail],
    }));
  }
  const days = tradingDays(from, to);
  const n = Math.max(1, Math.min(parts, days.length));
  const size = Math.ceil(days.length / n);
  const out: WorkerPlan[] = [];
  for (let i = 0; i < days.length; i += size) {
    const block = days.slice(i, i + size);
    out.push({
      id: `range-${block[0]}`,
      args: ["--symbols", symbols.join(","), "--from", block[0], "--to", block.at(-1)!, ...tail],
    });
  }
  return out;
}

/** A worker as recorded, with whether it still runs. */
export interface WorkerInfo {
  id: string;
  pid: number;
  args: string[];
  startedAt: string;
  log: string;
  running: boolean;
  /** The last line of its log. */
  lastLine: string;
}

const dirOf = (dataDir: string) => `${dataDir}/workers`;

/**
 * Starts each plan as a background process (in its own session, so it outlives this one) running
 * `deno run -A --config <denoConfig> <backfillScript> <args>`, logging to `<data dir>/workers/<id>.log`.
 *
 * @throws {Error} when a worker of the same id still runs.
 */
export async function startWorkers(
  dataDir: string,
  plans: readonly WorkerPlan[],
  options: { backfillScript: string; denoConfig: string; env?: Record<string, string> },
): Promise<WorkerInfo[]> {
  await Deno.mkdir(dirOf(dataDir), { recursive: true });
  const running = new Set((await listWorkers(dataDir)).filter((w) => w.running).map((w) => w.id));
  for (const p of plans) {
    if (running.has(p.id)) throw new Error(`Cannot start worker ${p.id}: it is still running`);
  }
  const out: WorkerInfo[] = [];
  for (const p of plans) {
    const log = `${dirOf(dataDir)}/${p.id}.log`;
    const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
    const { backfillScript, denoConfig } = options;
    const argv = [Deno.execPath(), "run", "-A", "--config", denoConfig, backfillScript, ...p.args];
    const cmd = argv.map(quote).join(" ");
    // a background job of a shell that exits at once: the worker is re-parented (and reaped)
    // by init, in its own session, so it outlives this process
    const out0 = await new Deno.Command("sh", {
      args: ["-c", `setsid ${cmd} > ${quote(log)} 2>&1 < /dev/null & echo $!`],
      env: { ...options.env, STRIKELAB_DATA_DIR: dataDir, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
    }).output();
    const pid = Number(new TextDecoder().decode(out0.stdout).trim());
    if (!out0.success || !Number.isInteger(pid) || pid <= 0) {
      throw new Error(`Cannot start worker ${p.id}: ${new TextDecoder().decode(out0.stderr)}`);
    }
    const info = { id: p.id, pid, args: p.args, startedAt: new Date().toISOString(), log };
    await Deno.writeTextFile(
      `${dirOf(dataDir)}/${p.id}.json`,
      JSON.stringify(info, null, 1) + "\n",
    );
    out.push({ ...info, running: true, lastLine: "" });
  }
  return out;
}

/** The recorded workers, sorted by id, each with whether its process still runs. */
export async function listWorkers(dataDir: string): Promise<WorkerInfo[]> {
  const out: WorkerInfo[] = [];
  try {
    for await (const e of Deno.readDir(dirOf(dataDir))) {
      if (!e.name.endsWith(".json")) continue;
      const info = JSON.parse(await Deno.readTextFile(`${dirOf(dataDir)}/${e.name}`));
      const text = await Deno.readTextFile(info.log).catch(() => "");
      const lines = text.split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean);
      out.push({ ...info, running: processAlive(info.pid), lastLine: lines.at(-1) ?? "" });
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Stops running workers (all, or those in `ids`) with SIGINT, which a backfill takes as
 * "finish the partitions under way, write the record, exit"; returns the ids signalled.
 */
export async function stopWorkers(dataDir: string, ids?: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of await listWorkers(dataDir)) {
    if (!w.running || (ids && !ids.includes(w.id))) continue;
    try {
      Deno.kill(w.pid, "SIGINT");
      out.push(w.id);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  return out;
}
