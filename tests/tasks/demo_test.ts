// `deno task demo` end to end, as a newcomer runs it: twice in one folder (the second run reuses
// the lake and reports the same figures) and once in another (the same lake, byte for byte).
import assert from "node:assert/strict";
import { externalReferences } from "@lib/report/mod.ts";
import { filesUnder, runTask } from "./_run.ts";

const REPORTS = [
  "backtest_options.html",
  "backtest_sma.html",
  "index.html",
  "lake.html",
  "scan.html",
];

async function demo(dir: string) {
  const r = await runTask("demo", ["--reports", `${dir}/reports`], {
    env: { STRIKELAB_DATA_DIR: `${dir}/data` },
  });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

Deno.test("deno task demo runs the pipeline, and a rerun skips the lake and gives the same figures", async () => {
  const a = await Deno.makeTempDir({ prefix: "strikelab-demo-a-" });
  const b = await Deno.makeTempDir({ prefix: "strikelab-demo-b-" });
  const first = await demo(a);
  assert.match(first, /partitions: 105 planned, 105 written, 0 skipped, 0 failed/);
  assert.match(first, /\d+ events in 84 contract-days/);
  assert.match(first, /done in [\d.]+ s: open .*reports\/index\.html/);
  assert.deepEqual(await filesUnder(`${a}/reports`), REPORTS);
  // every page stands alone; the index links only to the pages beside it
  const pages = REPORTS.filter((f) => f !== "index.html");
  for (const f of pages) {
    assert.deepEqual(externalReferences(await Deno.readTextFile(`${a}/reports/${f}`)), [], f);
  }
  const index = await Deno.readTextFile(`${a}/reports/index.html`);
  assert.deepEqual(externalReferences(index).sort(), pages);

  const second = await demo(a);
  assert.match(second, /partitions: 105 planned, 0 written, 105 skipped, 0 failed/);
  const figures = (out: string) => out.split("\n").filter((l) => /events in|total return/.test(l));
  assert.deepEqual(figures(second), figures(first));
  assert.equal(await Deno.readTextFile(`${a}/reports/index.html`), index);

  await demo(b);
  const lake = await filesUnder(`${a}/data/lake`);
  assert.deepEqual(await filesUnder(`${b}/data/lake`), lake);
  for (const f of lake) {
    assert.deepEqual(
      await Deno.readFile(`${b}/data/lake/${f}`),
      await Deno.readFile(`${a}/data/lake/${f}`),
      f,
    );
  }
  // the same page but for the folder named in the command line
  assert.equal(
    (await Deno.readTextFile(`${b}/reports/index.html`)).replaceAll(b, a),
    index,
  );
  await Deno.remove(a, { recursive: true });
  await Deno.remove(b, { recursive: true });
});
