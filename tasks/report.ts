/**
 * deno task report [NOTEBOOK.ipynb ...] [--param NAME=VALUE ...] [--out-dir reports]
 *                  [--timeout-s 600] [--no-input]
 *
 * Executes notebooks with the Deno Jupyter kernel (through tasks/_nbrun.py, which does
 * not lose late outputs as `jupyter nbconvert --execute` does) and writes one
 * self-contained HTML page per notebook: reports/<name>.html. Without notebook
 * arguments it runs every notebooks/*.ipynb. Parameters reach the notebook as
 * environment variables (read them with Deno.env.get in the first cell) and are listed
 * at the top of the report. The time limit applies to each notebook.
 *
 * Exit codes: 0 all written; 1 a notebook failed or timed out (its failing cell and
 * error are printed); 2 bad arguments, or Jupyter or the Deno kernel is missing.
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { ensurePlotlyOnce, externalReferences } from "../lib/report/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";
import { findJupyter, jupyterProblemMessage } from "./_jupyter.ts";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const RUNNER = join(ROOT, "tasks", "_nbrun.py");

/** What `run` needs of the command line. */
interface Args {
  params: string[];
  timeoutS: number;
  noInput: boolean;
}

async function allNotebooks(): Promise<string[]> {
  const dir = join(ROOT, "notebooks");
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && e.name.endsWith(".ipynb")) out.push(join(dir, e.name));
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  return out.sort();
}

async function runOne(
  python: string,
  notebook: string,
  outDir: string,
  args: Args,
) {
  const html = join(outDir, basename(notebook, extname(notebook)) + ".html");
  const params = args.params.map((p) => p.split(/=(.*)/s).slice(0, 2) as [string, string]);
  const started = performance.now();
  const cmd = new Deno.Command(python, {
    args: [
      "-Xfrozen_modules=off",
      RUNNER,
      notebook,
      "--html",
      html,
      "--timeout-s",
      String(args.timeoutS),
      ...(args.noInput ? ["--no-input"] : []),
      ...args.params.flatMap((p) => ["--param", p]),
    ],
    env: { ...Object.fromEntries(params), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout((args.timeoutS + 90) * 1000),
  });
  const out = await cmd.output();
  const seconds = (performance.now() - started) / 1000;
  const stderr = new TextDecoder().decode(out.stderr).split("\n")
    .filter((l) => !/^\d+\.\d+s - /.test(l) && !l.includes('"deno jupyter" is unstable'))
    .join("\n").trim();
  if (!out.success) return { ok: false as const, code: out.code, stderr, seconds };
  const page = ensurePlotlyOnce(await Deno.readTextFile(html));
  const tmp = `${html}.tmp`;
  await Deno.writeTextFile(tmp, page.html);
  await Deno.rename(tmp, html);
  const bytes = (await Deno.stat(html)).size;
  return { ok: true as const, html, bytes, seconds, external: externalReferences(page.html) };
}

const PARAM = /^[A-Za-z_][A-Za-z0-9_]*=/;

export const task = defineTask({
  name: "report",
  summary: "run notebooks headlessly with the Deno kernel into self-contained HTML pages",
  example: [
    "deno task report",
    "deno task report notebooks/scanner_review.ipynb --param FROM=2025-03-03 --out-dir reports",
  ],
  positionals: "[NOTEBOOK.ipynb ...]",
  flags: {
    param: {
      type: "string",
      multiple: true,
      default: [],
      metavar: "NAME=VALUE",
      help: "A notebook parameter, as an environment variable (repeat the flag for more)",
    },
    "out-dir": { type: "string", default: "reports", metavar: "DIR", help: "Folder of the pages" },
    "timeout-s": { type: "number", default: 600, help: "Time limit of each notebook, seconds" },
    "no-input": { type: "boolean", default: false, help: "Leave the code cells out of the pages" },
  },
  check: (_config, flags) => {
    for (const p of flags.param as string[]) {
      if (!PARAM.test(p)) {
        throw new UsageError(
          `--param ${p} must look like NAME=VALUE (NAME: letters, digits, _)`,
        );
      }
    }
    if (!((flags["timeout-s"] as number) > 0)) throw new UsageError("--timeout-s must be > 0");
  },
  run: async ({ flags, positionals, say }) => {
    const args: Args = {
      params: flags.param as string[],
      timeoutS: flags["timeout-s"] as number,
      noInput: flags["no-input"] as boolean,
    };
    for (const n of positionals) {
      if (!n.endsWith(".ipynb")) throw new UsageError(`${n} is not a notebook (.ipynb)`);
    }
    const base = Deno.env.get("INIT_CWD") ?? Deno.cwd();
    const notebooks = positionals.length > 0
      ? positionals.map((n) => resolve(base, n))
      : await allNotebooks();
    if (notebooks.length === 0) {
      say("No notebooks to run: notebooks/ has no .ipynb files.");
      return 0;
    }
    for (const n of notebooks) {
      try {
        await Deno.stat(n);
      } catch {
        throw new UsageError(`Cannot run report: notebook ${n} does not exist`);
      }
    }
    const jupyter = await findJupyter();
    if (!jupyter.ok) {
      console.error(jupyterProblemMessage(jupyter));
      return 2;
    }
    const outDir = resolve(base, flags["out-dir"] as string);
    await Deno.mkdir(outDir, { recursive: true });
    let failed = 0;
    for (const nb of notebooks) {
      const rel = nb.startsWith(ROOT + "/") ? nb.slice(ROOT.length + 1) : nb;
      const r = await runOne(jupyter.python, nb, outDir, args);
      if (!r.ok) {
        failed += 1;
        if (r.code === 2) {
          console.error(r.stderr);
          return 2;
        }
        console.error(
          `✗ ${rel} failed after ${r.seconds.toFixed(1)} s (exit ${r.code})\n${r.stderr}\n`,
        );
        continue;
      }
      const mb = (r.bytes / 1e6).toFixed(1);
      say(`✓ ${rel} → ${r.html} (${mb} MB, ${r.seconds.toFixed(1)} s)`);
      if (r.external.length > 0) {
        console.warn(`  warning: the page references outside files: ${r.external.join(", ")}`);
      }
    }
    if (failed > 0) console.error(`${failed} of ${notebooks.length} notebook(s) failed`);
    return failed > 0 ? 1 : 0;
  },
});

if (import.meta.main) await task.main();
