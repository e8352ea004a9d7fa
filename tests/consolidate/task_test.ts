import assert from "node:assert/strict";
import { synthMarket, writeSynthLake } from "./_synth.ts";

const REPO = new URL("../../", import.meta.url).pathname;
const dir = await Deno.makeTempDir({ prefix: "strikelab-consolidate-task-" });
await writeSynthLake(
  `${dir}/lake`,
  synthMarket({ from: "2025-03-05", to: "2025-03-06", tradeProb: 0.5 }),
);

async function task(name: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `tasks/${name}.ts`, ...args],
    cwd: REPO,
    env: { STRIKELAB_DATA_DIR: dir, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

const recordOf = async (stdout: string) =>
  JSON.parse(await Deno.readTextFile(/run record: (\S+)/.exec(stdout)![1]));

Deno.test("deno task consolidate prints the statistics and writes a run record", async () => {
  const r = await task(
    "consolidate",
    "--underlyings",
    "SPY",
    "--from",
    "2025-03-05",
    "--to",
    "2025-03-06",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^consolidate SPY 2025-03-05\.\.2025-03-06$/m);
  assert.match(
    r.stdout,
    /2 dates, 780 session minutes, 8 contracts \(8 contract-days\), [\d,]+ rows/,
  );
  assert.match(r.stdout, /null cells by column group:\n\s+key\s+0 of/);
  assert.match(r.stdout, /consolidated: 2 partitions written/);
  assert.match(r.stdout, /elapsed: .* in all, peak memory \d+ MB/);
  const record = await recordOf(r.stdout);
  assert.equal(record.task, "consolidate");
  assert.equal(record.outputs.length, 2);
  assert.equal(record.inputs.length, 10);
  const spy = record.summary.underlyings.SPY;
  assert.equal(spy.dates, 2);
  assert.ok(spy.rows > 700 && spy.nulls.greeks.cells > 0 && spy.timings.computeMs >= 0);
}); // deno-fmt-ignore

Deno.test("deno task prepare-training writes training after consolidate and records its counts", async () => {
  const r = await task("prepare_training", "--from", "2025-03-05", "--to", "2025-03-06", "--horizon", "60");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /horizon 60 min, tolerance 5 min, min coverage 0\.5/);
  assert.match(r.stdout, /training: 2 partitions written/);
  const record = await recordOf(r.stdout);
  assert.equal(record.task, "prepare-training");
  assert.ok(record.summary.underlyings.SPY.rowsOut > 0);
}); // deno-fmt-ignore

Deno.test("the tasks exit 2 with the usage for missing dates or bad flags", async () => {
  const a = await task("consolidate", "--to", "2025-03-06");
  assert.equal(a.code, 2);
  assert.match(a.stderr, /--from is required[\s\S]*deno task consolidate --help lists the flags/);
  const b = await task("prepare_training", "--from", "2025-03-05", "--to", "2025-03-06", "--horizon", "x");
  assert.equal(b.code, 2);
  assert.match(b.stderr, /--horizon must be a whole number, got "x"/);
  const c = await task("consolidate", "--from", "2025-04-01", "--to", "2025-04-02");
  assert.equal(c.code, 2);
  assert.match(c.stderr, /no option_minute partitions from 2025-04-01 to 2025-04-02/);
}); // deno-fmt-ignore

globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
