/** Helpers for tests that run notebooks through tasks/_nbrun.py and tasks/report.ts. */
import { findJupyter } from "../../tasks/_jupyter.ts";

export const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
export const FIXTURES = `${ROOT}/tests/fixtures/report`;

/** The Python that runs notebooks, or undefined (tests then fail with the reason). */
export async function python(): Promise<string> {
  const status = await findJupyter();
  if (!status.ok) throw new Error(`Jupyter is needed for this test: ${status.detail}`);
  return status.python;
}

/** Runs a command and returns exit code and decoded output; `signal` kills it. */
export async function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  clearEnv = false,
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(cmd, {
    args,
    env,
    clearEnv,
    signal,
    stdout: "piped",
    stderr: "piped",
    cwd: ROOT,
  })
    .output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** Runs the report task the way `deno task report` does. */
export function reportTask(args: string[], env: Record<string, string> = {}, clearEnv = false) {
  return run(Deno.execPath(), ["run", "-A", `${ROOT}/tasks/report.ts`, ...args], env, clearEnv);
}
