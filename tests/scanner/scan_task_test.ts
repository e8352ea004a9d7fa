// `deno task scan` end to end on a tiny lake written with writePartition in a temp folder.
import { externalReferences } from "@lib/report/external_references.ts";
import { deepEqual, equal, match } from "node:assert/strict";
import pl from "nodejs-polars";
import { Manifest, partitionKey, scanLake, writePartition } from "@lib/lake/mod.ts";
import { CALL, day, frameOf, PUT, type Row } from "./_bars.ts";

const REPO = new URL("../../", import.meta.url).pathname;
const CALL5 = "O:SPY250305C00601000";

/** Option minutes in the lake's option_minute layout. */
function lakeFrame(rows: Row[]): pl.DataFrame {
  return frameOf(rows).withColumns(
    pl.col("close").alias("vwap"),
    pl.lit(3).cast(pl.Int64).alias("trades"),
    pl.lit("sim").alias("source"),
  );
}

const DAYS: [string, Row[]][] = [
  ["2025-03-04", [
    ...day(CALL, "2025-03-04", [1, 1.3, 1, 1.25]),
    ...day(PUT, "2025-03-04", [2, 2.1]),
  ]],
  ["2025-03-05", day(CALL5, "2025-03-05", [1, 1.1, 1.05])],
];

/** Writes option_minute (or consolidated, with underlying and VIX columns) partitions. */
async function tinyLake(
  dir: string,
  dataset: "option_minute" | "consolidated" = "option_minute",
  n = 2,
) {
  const root = `${dir}/data/lake`;
  const manifest = await Manifest.open(root, dataset);
  for (const [date, rows] of DAYS.slice(0, n)) {
    const id = { dataset, value: "SPY", date };
    const frame = dataset === "option_minute" ? lakeFrame(rows) : lakeFrame(rows).withColumns(
      pl.lit(600.5).alias("underlying_close"),
      pl.lit(21.25).alias("vix_close"),
    );
    await manifest.record(partitionKey(id), await writePartition(root, id, frame));
  }
  await manifest.flush();
}

async function task(cwd: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${REPO}deno.json`, `${REPO}tasks/scan.ts`, ...args],
    cwd,
    env: { STRIKELAB_DATA_DIR: `${cwd}/data`, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("deno task scan writes scan_events, a CSV and a run record, and prints the summary", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scan_task_" });
  try {
    await tinyLake(dir);
    const args = ["--from", "2025-03-03", "--to", "2025-03-07", "--threshold", "0.2"];
    const run = await task(dir, ...args, "--out", `${dir}/events.csv`);
    equal(run.code, 0, run.stderr);
    match(run.stdout, /scan SPY 2025-03-03\.\.2025-03-07 from option_minute \(no consolidated/);
    match(run.stdout, /contract-days scanned {4}3\n/);
    match(run.stdout, /events {19}2\n/);
    match(run.stdout, /scan_events: 2 partitions written/);
    const csv = (await Deno.readTextFile(`${dir}/events.csv`)).split("\n");
    equal(csv[0].split(",").slice(0, 4).join(","), "event_id,date,underlying,ticker");
    deepEqual(csv.slice(1).filter(Boolean).map((l) => l.split(",").slice(0, 4).join(",")), [
      "O:SPY250304C00601000@2025-03-04T14:31Z/up,2025-03-04,SPY,O:SPY250304C00601000",
      "O:SPY250304C00601000@2025-03-04T14:33Z/up,2025-03-04,SPY,O:SPY250304C00601000",
    ]);
    match(csv[1], /,2025-03-04T14:31:00\.000\+0000,/);
    const stored = (await scanLake(`${dir}/data/lake`, "scan_events")).collectSync();
    equal(stored.height, 2);
    deepEqual((await Manifest.open(`${dir}/data/lake`, "scan_events")).keys(), [
      "underlying=SPY/date=2025-03-04",
      "underlying=SPY/date=2025-03-05",
    ]);
    const runs = [...Deno.readDirSync(`${dir}/data/runs`)].map((e) => e.name);
    equal(runs.length, 1);
    const record = JSON.parse(await Deno.readTextFile(`${dir}/data/runs/${runs[0]}/manifest.json`));
    equal(record.task, "scan");
    equal(record.inputs.length, 2);
    equal(record.outputs.length, 4);
    const report = `${dir}/data/runs/${runs[0]}/report.html`;
    equal(record.outputs[3].partition, report);
    const html = await Deno.readTextFile(report);
    match(html, /<h1>Option move scan: SPY 2025-03-03\.\.2025-03-07<\/h1>/);
    equal(html.match(/class="strikelab-figure"/g)?.length, 4); // with the moneyness x DTE heatmap
    deepEqual(externalReferences(html), []);
    deepEqual([record.summary.dataset, record.summary.events], ["option_minute", 2]);
    // A rerun gives the same CSV bytes in the run folder.
    const again = await task(dir, ...args);
    equal(again.code, 0, again.stderr);
    const csvPath = /events CSV: (.*)\n/.exec(again.stdout)![1];
    equal(await Deno.readTextFile(csvPath), csv.join("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task scan exits 2 for bad flags and for a lake without option minutes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scan_task_" });
  try {
    const range = ["--from", "2025-03-03", "--to", "2025-03-07"];
    const empty = await task(dir, ...range);
    equal(empty.code, 2);
    match(
      empty.stderr,
      /No option_minute partitions in .*data\/lake for SPY from 2025-03-03 to 2025-03-07/,
    );
    const threshold = await task(dir, ...range, "--threshold", "abc");
    equal(threshold.code, 2);
    match(threshold.stderr, /--threshold must be a number, got "abc"/);
    const direction = await task(dir, ...range, "--direction", "sideways");
    equal(direction.code, 2);
    match(direction.stderr, /scan\.direction: "sideways" is not one of up, down, both/);
    const missing = await task(dir, "--to", "2025-03-07", "--bogus");
    equal(missing.code, 2);
    match(missing.stderr, /unknown flag --bogus/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task scan reads consolidated when it covers the range, with the context", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scan_task_" });
  try {
    await tinyLake(dir);
    await tinyLake(dir, "consolidated", 1);
    const args = ["--from", "2025-03-04", "--to", "2025-03-05", "--out", `${dir}/e.csv`];
    const partial = await task(dir, ...args);
    equal(partial.code, 0, partial.stderr);
    match(partial.stdout, /from option_minute \(consolidated covers 1 of 2 partitions\)/);
    await tinyLake(dir, "consolidated", 2);
    const full = await task(dir, ...args);
    equal(full.code, 0, full.stderr);
    match(full.stdout, /from consolidated \(consolidated covers the range\)/);
    match(full.stdout, /ATM <=0\.25% {7}2 {2}100\.0%/);
    const events = pl.readCSV(`${dir}/e.csv`);
    deepEqual(events.getColumn("underlying_at_trigger").toArray(), [600.5, 600.5]);
    deepEqual(events.getColumn("vix_at_trigger").toArray(), [21.25, 21.25]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
