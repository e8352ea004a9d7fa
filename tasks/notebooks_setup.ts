/**
 * deno task notebooks:setup
 *
 * Registers the Deno Jupyter kernel (`deno jupyter --install --force`: idempotent, and
 * it points the kernel at the running deno binary), then checks that Jupyter can run
 * notebooks and says how to install it if not.
 *
 * Exit codes: 0 ready; 1 kernel registration failed; 2 Jupyter is missing.
 */
import { findJupyter, jupyterProblemMessage } from "./_jupyter.ts";

async function main(): Promise<number> {
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

Deno.exit(await main());
