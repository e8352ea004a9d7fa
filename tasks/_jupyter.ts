/**
 * Finding a Python that can run notebooks (nbclient + nbconvert) and checking that the
 * Deno kernel is registered. I/O helpers for tasks/report.ts and notebooks_setup.ts.
 */
import { delimiter, join } from "node:path";

/** Where Jupyter was found, or what is missing. */
export type JupyterStatus =
  | { ok: true; python: string }
  | { ok: false; missing: "jupyter" | "kernel"; detail: string };

export const INSTALL_JUPYTER = [
  "sudo apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient \\",
  "  jupyter-client python3-ipykernel",
  "  (or, in a virtual environment: pip install nbclient nbconvert jupyter_client)",
].join("\n");

const PROBE = [
  "import sys",
  "try:",
  "    import nbclient, nbconvert, nbformat",
  "    from jupyter_client.kernelspec import KernelSpecManager",
  "except ImportError as e:",
  "    print('modules:' + str(e)); sys.exit(0)",
  "specs = KernelSpecManager().find_kernel_specs()",
  "print('ok' if sys.argv[1] in specs else 'kernel:' + ', '.join(sorted(specs)))",
].join("\n");

/** Looks for a usable Python: $STRIKELAB_PYTHON, then jupyter's own interpreter, then python3. */
export async function findJupyter(kernel = "deno"): Promise<JupyterStatus> {
  const tried: string[] = [];
  let kernelProblem: string | undefined;
  for (const python of await candidates()) {
    if (tried.includes(python)) continue;
    tried.push(python);
    const out = await probe(python, kernel);
    if (out === "ok") return { ok: true, python };
    if (out?.startsWith("kernel:")) {
      kernelProblem = `${python} has Jupyter, but no kernel named "${kernel}" is registered` +
        ` (found: ${out.slice(7) || "none"})`;
    }
  }
  if (kernelProblem) return { ok: false, missing: "kernel", detail: kernelProblem };
  const detail = tried.length === 0
    ? "no jupyter-nbconvert, jupyter or python3 on PATH"
    : `none of ${tried.join(", ")} can import nbclient and nbconvert`;
  return { ok: false, missing: "jupyter", detail };
}

/** The one message printed (to stderr) when notebooks cannot run; exit code 2 follows. */
export function jupyterProblemMessage(status: Exclude<JupyterStatus, { ok: true }>): string {
  if (status.missing === "kernel") {
    return `Cannot run notebooks: the Deno Jupyter kernel is not registered (${status.detail}).\n` +
      `Register it with:\n  deno task notebooks:setup    (runs: deno jupyter --install --force)`;
  }
  return `Cannot run notebooks: Jupyter is not installed (${status.detail}).\n` +
    `Install it, then register the Deno kernel:\n  ${INSTALL_JUPYTER}\n  deno task notebooks:setup`;
}

async function candidates(): Promise<string[]> {
  const out: string[] = [];
  const forced = Deno.env.get("STRIKELAB_PYTHON");
  if (forced) out.push(forced);
  for (const tool of ["jupyter-nbconvert", "jupyter"]) {
    const path = which(tool);
    const shebang = path ? await interpreterOf(path) : undefined;
    if (shebang) out.push(shebang);
  }
  const py = which("python3");
  if (py) out.push(py);
  return out;
}

/** First executable named `name` on PATH. */
export function which(name: string): string | undefined {
  for (const dir of (Deno.env.get("PATH") ?? "").split(delimiter)) {
    if (dir === "") continue;
    const path = join(dir, name);
    try {
      const info = Deno.statSync(path);
      if (info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0) return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function interpreterOf(script: string): Promise<string | undefined> {
  try {
    const file = await Deno.open(script);
    const buf = new Uint8Array(256);
    const n = (await file.read(buf)) ?? 0;
    file.close();
    const first = new TextDecoder().decode(buf.subarray(0, n)).split("\n")[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return undefined;
    return m[1].endsWith("/env") && m[2] ? which(m[2]) : m[1];
  } catch {
    return undefined;
  }
}

async function probe(python: string, kernel: string): Promise<string | undefined> {
  try {
    const out = await new Deno.Command(python, {
      args: ["-c", PROBE, kernel],
      stdout: "piped",
      stderr: "null",
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    }).output();
    return new TextDecoder().decode(out.stdout).trim().split("\n").pop();
  } catch {
    return undefined;
  }
}
