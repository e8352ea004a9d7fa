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
 * Exit codes: 0 all written (or `--help`); 1 a notebook failed or timed out (its failing
 * cell and error are printed); 2 bad arguments, a missing notebook, or Jupyter or the Deno
 * kernel missing.
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ensurePlotlyOnce, externalReferences } from "../lib/report/mod.ts";
import { findJupyter, jupyterProblemMessage } from "./_jupyter.ts";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const RUNNER = join(ROOT, "tasks", "_nbrun.py");

const USAGE = `usage: deno task report [NOTEBOOK.ipynb ...] [options]

  --param NAME=VALUE    environment variable for the notebooks (repeatable)
  --out-dir DIR         where the HTML pages go (default reports)
  --timeout-s N         time limit of each notebook, seconds (default 600)
  --no-input            hide code cells

without notebooks, runs every notebooks/*.ipynb`;

const Args = z.object({
  notebooks: z.array(z.string().regex(/\.ipynb$/, "must be an .ipynb file")),
  params: z.array(
    z.string().regex(
      /^[A-Za-z_][A-Za-z0-9_]*=/,
      "must look like NAME=VALUE (NAME: letters, digits, _)",
    ),
  ),
  outDir: z.string().min(1),
  timeoutS: z.coerce.number().positive(),
  noInput: z.boolean(),
});

function parseCli(argv: string[]): z.infer<typeof Args> | null {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      param: { type: "string", multiple: true, default: [] },
      "out-dir": { type: "string", default: "reports" },
      "timeout-s": { type: "string", default: "600" },
      "no-input": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return null;
  const parsed = Args.safeParse({
    notebooks: positionals,
    params: values.param,
    outDir: values["out-dir"],
    timeoutS: values["timeout-s"],
    noInput: values["no-input"],
  });
  if (!parsed.success) throw new TypeError(`Cannot run report: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
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
  args: z.infer<typeof Args>,
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

async function main(): Promise<number> {
  let args;
  try {
    args = parseCli(Deno.args);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (args === null) {
    console.log(USAGE);
    return 0;
  }
  const base = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  const notebooks = args.notebooks.length > 0
    ? args.notebooks.map((n) => resolve(base, n))
    : await allNotebooks();
  if (notebooks.length === 0) {
    console.log("No notebooks to run: notebooks/ has no .ipynb files.");
    return 0;
  }
  for (const n of notebooks) {
    try {
      await Deno.stat(n);
    } catch {
      console.error(`Cannot run report: notebook ${n} does not exist`);
      return 2;
    }
  }
  const jupyter = await findJupyter();
  if (!jupyter.ok) {
    console.error(jupyterProblemMessage(jupyter));
    return 2;
  }
  const outDir = resolve(base, args.outDir);
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
    console.log(`✓ ${rel} → ${r.html} (${mb} MB, ${r.seconds.toFixed(1)} s)`);
    if (r.external.length > 0) {
      console.warn(`  warning: the page references outside files: ${r.external.join(", ")}`);
    }
  }
  if (failed > 0) console.error(`${failed} of ${notebooks.length} notebook(s) failed`);
  return failed > 0 ? 1 : 0;
}

Deno.exit(await main());
