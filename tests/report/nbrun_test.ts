import assert from "node:assert/strict";
import { FIXTURES, python, ROOT, run } from "./_runner.ts";

type Output = { output_type: string; data?: Record<string, string | string[]> };

const html = (o: Output): string => [o.data?.["text/html"] ?? ""].flat().join("");
type Nb = { cells: { cell_type: string; outputs?: Output[] }[] };

// Code cells of displays.ipynb (by cell number) and the figure/table outputs each must keep.
const EXPECTED: Record<number, string[]> = {
  2: [],
  3: ["fig", "fig"],
  4: ["fig"],
  5: ["table", "fig", "fig"],
  6: ["fig"],
};

function outputsOf(nb: Nb): Record<number, string[]> {
  const got: Record<number, string[]> = {};
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    got[i + 1] = (c.outputs ?? []).map((o) => {
      const h = html(o);
      if (h.includes('class="strikelab-figure"')) return "fig";
      if (h.includes('class="strikelab-table"')) return "table";
      return o.output_type;
    });
  });
  return got;
}

Deno.test("the runner keeps every display output of a notebook in 20 runs out of 20", async () => {
  const py = await python();
  const dir = await Deno.makeTempDir({ prefix: "nbrun-" });
  try {
    const once = async (k: number) => {
      const out = `${dir}/run-${k}.ipynb`;
      const r = await run(py, [
        `${ROOT}/tasks/_nbrun.py`,
        `${FIXTURES}/displays.ipynb`,
        "--ipynb",
        out,
      ]);
      assert.equal(r.code, 0, `run ${k} failed:\n${r.stderr}`);
      const nb = JSON.parse(await Deno.readTextFile(out)) as Nb;
      assert.deepEqual(outputsOf(nb), EXPECTED, `run ${k} lost or misplaced outputs`);
      const htmls = nb.cells.flatMap((c) => c.outputs ?? []).map(html);
      const ids = htmls.flatMap((h) =>
        [...h.matchAll(/<div id="(strikelab-fig-\d+)"/g)].map((m) => m[1])
      );
      assert.deepEqual(
        ids,
        [1, 2, 3, 4, 5, 6].map((n) => `strikelab-fig-${n}`),
        `run ${k}: figure order`,
      );
      assert.equal(
        htmls.filter((h) => h.includes("data-strikelab-plotly")).length,
        1,
        `run ${k}: plotly copies`,
      );
    };
    // Four at a time: each run mostly waits on its kernel, and the overlap loads the
    // kernel transport harder than runs one by one.
    for (let k = 0; k < 20; k += 4) await Promise.all([0, 1, 2, 3].map((j) => once(k + j)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the runner stops at once, naming the lost output stream, when iopub breaks mid-cell", async () => {
  const py = await python();
  const dir = await Deno.makeTempDir({ prefix: "nbrun-fault-" });
  try {
    // Cell 2 shows an output, then would run for 5 minutes: only the router can end it early.
    const cells = [
      'console.log("before");',
      'Deno.jupyter.display({ "text/plain": ["CORRUPT", "ME"].join("_") }, { raw: true });\n' +
      "await new Promise((resolve) => setTimeout(resolve, 300_000));",
    ].map((source) => ({ cell_type: "code", metadata: {}, outputs: [], source }));
    const nb = { cells, metadata: {}, nbformat: 4, nbformat_minor: 5 };
    await Deno.writeTextFile(`${dir}/slow.ipynb`, JSON.stringify(nb));
    const r = await run(
      py,
      [
        `${ROOT}/tests/report/_iopub_fault.py`,
        `${ROOT}/tasks/_nbrun.py`,
        `${dir}/slow.ipynb`,
        "--ipynb",
        `${dir}/out.ipynb`,
      ],
      {},
      false,
      AbortSignal.timeout(120_000), // far below the 300 s cell and the 600 s limit
    );
    assert.equal(r.code, 1, `expected exit 1, got ${r.code}:\n${r.stderr}`);
    assert.match(r.stderr, /lost the kernel's output stream \(iopub\) in cell 2 of 2/);
    assert.match(r.stderr, /ValueError: Invalid Signature/);
    assert.doesNotMatch(r.stderr, /timed out|Task exception was never retrieved/);
    await assert.rejects(Deno.stat(`${dir}/out.ipynb`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
