/**
 * deno task notebooks:setup
 *
 * Registers the Deno Jupyter kernel (`deno jupyter --install --force`: idempotent, and
 * it points the kernel at the running deno binary), then checks that Jupyter can run
 * notebooks and says how to install it if not.
 *
 * Exit codes: 0 ready; 1 kernel registration failed; 2 Jupyter is missing. `--help` only
 * prints the help (it installs nothing).
 *
 * @module
 */
import { defineTask } from "../lib/task/mod.ts";
import { findJupyter, jupyterProblemMessage } from "./_jupyter.ts";

export const task = defineTask({
  name: "notebooks:setup",
  summary: "register the Deno Jupyter kernel and check that Jupyter can run notebooks",
  example: "deno task notebooks:setup",
  run: setup,
});

/** Registers the kernel (idempotent), then looks for Jupyter; returns the exit code. */
async function setup(): Promise<number> {
  const install = await new Deno.Command(Deno.execPath(), {
    args: ["jupyter", "--install", "--force"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(new Uint8Array([...install.stdout, ...install.stderr]))
    .split("\n").filter((l) => l.trim() !== "" && !l.includes("is unstable")).join("\n");
  if (!install.success) {
    console.error(`Cannot register the Deno Jupyter kernel:\n${text}`);
    return 1;
  }
  console.log(text);
  const jupyter = await findJupyter();
  if (!jupyter.ok) {
    console.error(jupyterProblemMessage(jupyter));
    return 2;
  }
  console.log(`Jupyter found (${jupyter.python}); run notebooks with: deno task report`);
  return 0;
}

if (import.meta.main) await task.main();
