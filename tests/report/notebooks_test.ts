/**
 * Checks on the notebooks in notebooks/: committed without outputs, and every code cell
 * type-checks (a failed `npm:` import or a type error inside a notebook cell is silent
 * until someone runs it). The tools are proved on the fixtures in tests/fixtures/report.
 */
import assert from "node:assert/strict";
import { basename, dirname, join } from "node:path";
import { clearNotebook, notebookToTypeScript } from "../../lib/report/mod.ts";
import { FIXTURES, ROOT, run } from "./_runner.ts";

function notebooksIn(dir: string): string[] {
  try {
    return [...Deno.readDirSync(dir)].filter((e) => e.isFile && e.name.endsWith(".ipynb"))
      .map((e) => join(dir, e.name)).sort();
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw err;
  }
}

/** Type-checks a notebook's code cells; returns deno check's errors mapped to cells, or "". */
async function typeCheck(notebook: string): Promise<string> {
  const ts = notebookToTypeScript(await Deno.readTextFile(notebook));
  // Next to the notebook, so relative imports and deno.json resolve as in the kernel.
  const file = join(
    dirname(notebook),
    `.nbcheck_${basename(notebook, ".ipynb")}_${crypto.randomUUID()}.ts`,
  );
  await Deno.writeTextFile(file, ts.source);
  try {
    const r = await run(Deno.execPath(), ["check", "-q", file]);
    if (r.code === 0) return "";
    // deno check reports "at file:///...:LINE:COL": name the cell instead.
    return r.stderr.replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), "")
      .replaceAll(
        new RegExp(`file://${file.replaceAll(".", "\\.")}:(\\d+):\\d+`, "g"),
        (_m, line) => `${basename(notebook)} cell ${ts.cellAtLine(Number(line))}`,
      );
  } finally {
    await Deno.remove(file);
  }
}

const committed = notebooksIn(join(ROOT, "notebooks"));

Deno.test("committed notebooks have no outputs and no execution counts", async () => {
  const dirty: string[] = [];
  for (const nb of committed) {
    const { cleared } = clearNotebook(await Deno.readTextFile(nb));
    if (cleared.length > 0) dirty.push(`${basename(nb)}: ${cleared.join("; ")}`);
  }
  assert.deepEqual(dirty, [], "run `deno task notebooks:clean` before committing");
});

Deno.test("every notebook in notebooks/ type-checks", async () => {
  for (const nb of committed) {
    assert.equal(await typeCheck(nb), "", `${basename(nb)} does not type-check`);
  }
});

Deno.test("the notebook type-check passes the display fixture and names the cell of a bad import", async () => {
  assert.equal(await typeCheck(join(FIXTURES, "displays.ipynb")), "");
  const dir = await Deno.makeTempDir({ dir: FIXTURES, prefix: ".tmp-" });
  try {
    const nb = JSON.parse(await Deno.readTextFile(join(FIXTURES, "displays.ipynb")));
    nb.cells[3].source = 'import { nope } from "@lib/report/mod.ts";\nnope;';
    await Deno.writeTextFile(join(dir, "bad.ipynb"), JSON.stringify(nb));
    const errors = await typeCheck(join(dir, "bad.ipynb"));
    assert.match(errors, /Module '"[^"]*mod\.ts"' has no exported member 'nope'/);
    assert.match(errors, /bad\.ipynb cell 4/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("notebooks:clean clears outputs in place and --check then passes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "clean-" });
  try {
    const nb = JSON.parse(await Deno.readTextFile(join(FIXTURES, "failing.ipynb")));
    nb.cells[1].outputs = [{ output_type: "stream", name: "stdout", text: "hi\n" }];
    nb.cells[1].execution_count = 3;
    nb.cells[1].metadata.execution = { "iopub.status.busy": "2025-03-03T14:30:00Z" };
    nb.metadata.widgets = { state: {} };
    const file = join(dir, "x.ipynb");
    await Deno.writeTextFile(file, JSON.stringify(nb));
    const task = (args: string[]) =>
      run(Deno.execPath(), ["run", "-A", `${ROOT}/tasks/notebooks_clean.ts`, ...args]);
    const check1 = await task(["--check", file]);
    assert.equal(check1.code, 1);
    assert.match(
      check1.stderr,
      /is not clean: cell 2: 1 output; cell 2: execution_count 3; cell 2: metadata\.execution; notebook: metadata\.widgets/,
    );
    const clean = await task([file]);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(
      await Deno.readTextFile(file),
      await Deno.readTextFile(join(FIXTURES, "failing.ipynb")),
    );
    assert.equal((await task(["--check", file])).code, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("clearNotebook() keeps sources, ids and tags, and rejects a non-notebook", () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{
      id: "c1",
      cell_type: "code",
      source: ["a\n", "b"],
      metadata: { tags: ["parameters"] },
      outputs: [],
      execution_count: null,
    }],
  };
  const { text, changed, cleared } = clearNotebook(JSON.stringify(nb, null, 1) + "\n");
  assert.deepEqual(JSON.parse(text), nb);
  assert.deepEqual(cleared, []);
  assert.equal(changed, true, "key order differs from nbformat's sorted layout");
  assert.equal(clearNotebook(text).changed, false);
  assert.throws(
    () => clearNotebook("{"),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "Cannot clear notebook: the notebook is not valid JSON",
  );
  assert.throws(
    () => clearNotebook('{"cells": 3}'),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("Cannot clear notebook: not an nbformat 4 notebook"),
  );
});
