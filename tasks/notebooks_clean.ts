/**
 * deno task notebooks:clean [--check] [NOTEBOOK.ipynb ...]
 *
 * Clears outputs, execution counts and run metadata from notebooks (all of
 * notebooks/*.ipynb by default) and writes them in nbformat's layout, so committed
 * notebooks carry code only. With --check nothing is written: the exit code is 1 when a
 * notebook would change (for CI and pre-commit hooks).
 *
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";
import { clearNotebook } from "../lib/report/mod.ts";
import { defineTask, type TaskContext } from "../lib/task/mod.ts";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");

export const task = defineTask({
  name: "notebooks:clean",
  summary: "clear outputs, execution counts and run metadata from notebooks",
  example: ["deno task notebooks:clean", "deno task notebooks:clean --check notebooks/*.ipynb"],
  positionals: "[NOTEBOOK.ipynb ...]",
  flags: {
    check: {
      type: "boolean",
      default: false,
      help: "Write nothing; exit 1 when a notebook would change (CI, pre-commit)",
    },
  },
  run: clean,
});

/** Cleans (or checks) the notebooks; returns the exit code. */
async function clean({ flags, positionals }: TaskContext): Promise<number> {
  const values = { check: flags.check === true };
  const base = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  let files = positionals.map((p) => resolve(base, p));
  if (files.length === 0) {
    const dir = join(ROOT, "notebooks");
    try {
      for await (const e of Deno.readDir(dir)) {
        if (e.isFile && e.name.endsWith(".ipynb")) files.push(join(dir, e.name));
      }
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
    }
    files = files.sort();
  }
  let dirty = 0;
  for (const file of files) {
    const rel = relative(base, file);
    let result;
    try {
      result = clearNotebook(await Deno.readTextFile(file));
    } catch (err) {
      console.error(`${rel}: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (!result.changed) continue;
    dirty += 1;
    const what = result.cleared.length > 0 ? result.cleared.join("; ") : "layout only";
    if (values.check) {
      console.error(`${rel} is not clean: ${what}`);
    } else {
      const tmp = `${file}.tmp`;
      await Deno.writeTextFile(tmp, result.text);
      await Deno.rename(tmp, file);
      console.log(`cleaned ${rel}: ${what}`);
    }
  }
  console.log(`${files.length} notebook(s), ${dirty} ${values.check ? "not clean" : "cleaned"}`);
  return values.check && dirty > 0 ? 1 : 0;
}

if (import.meta.main) await task.main();
