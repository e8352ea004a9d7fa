import { Manifest } from "@lib/lake/mod.ts";
// Runs a task as a subprocess, the way a user would: `deno run -A tasks/<name>.ts ...`.
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a finished task printed and its exit code. */
export interface TaskResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command that runs `tasks/<name>.ts` from any working folder. */
export function taskCommand(
  name: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdout?: "piped" | "null" } = {},
): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${ROOT}deno.json`, `${ROOT}tasks/${name}.ts`, ...args],
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: "1", ...options.env },
    stdin: "null",
    stdout: options.stdout ?? "piped",
    stderr: "piped",
  });
}

/** Runs a task to the end. */
export async function runTask(
  name: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<TaskResult> {
  const out = await taskCommand(name, args, options).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

/** Every file below `dir` (relative, sorted). */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  await walk(dir, "");
  return out.sort();
}

/** Partitions recorded in the equity and index manifests of a lake, journals included. */
export async function manifestCount(lake: string): Promise<number> {
  let n = 0;
  for (const dataset of ["equity_minute", "index_minute"] as const) {
    try {
      n += (await Manifest.open(lake, dataset)).keys().length;
    } catch {
      // a journal line being written right now: count it on the next look
    }
  }
  return n;
}
