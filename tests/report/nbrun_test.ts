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
    // Two at a time: halves the wall time and loads the kernel transport harder.
    for (let k = 0; k < 20; k += 2) await Promise.all([once(k), once(k + 1)]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
