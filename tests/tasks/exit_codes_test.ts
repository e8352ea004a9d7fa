// Exit codes of bad input (2), help (0) and failures (1), as a user meets them.
import assert from "node:assert/strict";
import { listRunRecords } from "../../lib/run/mod.ts";
import { runTask } from "./_run.ts";

const dir = await Deno.makeTempDir({ prefix: "strikelab-exit-codes-" });
const env = { STRIKELAB_DATA_DIR: `${dir}/data` };
const RANGE = ["--from", "2025-03-03", "--to", "2025-03-03"];

Deno.test("--config naming a folder exits 2 saying it is a folder", async () => {
  const r = await runTask("backfill", [...RANGE, "--config", dir], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`--config ${dir}: is a folder, not a YAML file`));
});

Deno.test("a data dir that is a file exits 2 naming it", async () => {
  const file = `${dir}/not-a-folder`;
  await Deno.writeTextFile(file, "x");
  const r = await runTask("backfill", RANGE, { env: { STRIKELAB_DATA_DIR: file } });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /data\.dir .*not-a-folder: is a file, not a folder/);
});

Deno.test("report --help prints the usage and exits 0; an unknown flag exits 2", async () => {
  const help = await runTask("report", ["--help"]);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^deno task report: /);
  const bad = await runTask("report", ["--bogus"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bogus/);
});

Deno.test("--source sim --extended-hours is refused up front with exit 2, nothing written", async () => {
  const r = await runTask("backfill", [...RANGE, "--source", "sim", "--extended-hours"], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /Cannot backfill extended hours from the sim source/);
  await assert.rejects(() => Deno.stat(`${dir}/data/lake/equity_minute`), Deno.errors.NotFound);
});

Deno.test("scan --out inside the lake exits 2 and leaves the lake file alone", async () => {
  const fill = await runTask("backfill", [...RANGE, "--datasets", "equity,index,options"], { env });
  assert.equal(fill.code, 0, fill.stderr);
  const target = `${dir}/data/lake/equity_minute/_manifest.json`;
  const before = await Deno.readTextFile(target);
  const r = await runTask("scan", [...RANGE, "--out", target], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--out .*_manifest\.json is inside the lake/);
  assert.equal(await Deno.readTextFile(target), before);
});

Deno.test("a flipped byte: consolidate exits 1 naming the file with a failed run record; verify exits 1 naming it; verify --repair exits 0", async () => {
  const file = `${dir}/data/lake/option_minute/underlying=SPY/date=2025-03-03/part-0.parquet`;
  const bytes = await Deno.readFile(file);
  bytes[bytes.length >> 1] ^= 0xff;
  await Deno.writeFile(file, bytes);
  const c = await runTask("consolidate", RANGE, { env });
  assert.equal(c.code, 1, c.stderr);
  assert.ok(c.stderr.includes(`Corrupt partition ${file}`), c.stderr);
  const failed = await listRunRecords(`${dir}/data`, { tasks: ["consolidate"] });
  assert.deepEqual(failed.map((r) => r.record.status), ["failed"]);
  const v = await runTask("verify", [], { env });
  assert.equal(v.code, 1, v.stdout);
  assert.ok(v.stdout.includes(`bad (hash) ${file}`), v.stdout);
  const fixed = await runTask("verify", ["--repair"], { env });
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.match(fixed.stdout, /repair: 1 repaired, 0 failed/);
  assert.equal((await runTask("consolidate", RANGE, { env })).code, 0);
});

Deno.test("cleanup", async () => {
  await Deno.remove(dir, { recursive: true });
});
