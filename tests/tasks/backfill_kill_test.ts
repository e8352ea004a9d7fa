// Kills `deno task backfill` with SIGKILL at seeded random moments and resumes it each time:
// the lake it ends with must be byte-identical to one written without interruption.
import assert from "node:assert/strict";
import { mulberry32 } from "@lib/random/mod.ts";
import { filesUnder, manifestCount, runTask, taskCommand } from "./_run.ts";

// 2 months of SPY, QQQ and I:VIX: 3 x 39 = 117 partitions
const ARGS = (
  "--source sim --seed 42 --symbols SPY,QQQ --indices I:VIX --from 2025-01-02 --to 2025-02-28 " +
  "--concurrency 4"
).split(" ");
const TOTAL = 117;
const KILLS = 6;

/**
 * Starts a backfill and SIGKILLs it `delayMs` after the manifests list `target` partitions,
 * so that the kill lands while partitions are being written. Returns the manifest count
 * after the kill, or null when the run ended before the kill.
 */
async function killMidRun(dataDir: string, target: number, delayMs: number) {
  const lake = `${dataDir}/lake`;
  const child = taskCommand("backfill", ARGS, {
    env: { STRIKELAB_DATA_DIR: dataDir },
    stdout: "null",
  }).spawn();
  const drained = child.stderr.pipeTo(new WritableStream());
  let ended = false;
  child.status.then(() => (ended = true));
  while (!ended && await manifestCount(lake) < target) {
    await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => setTimeout(r, delayMs));
  let killed = !ended;
  try {
    child.kill("SIGKILL");
  } catch {
    killed = false; // it had already finished
  }
  const status = await child.status;
  await drained;
  return killed && status.signal === "SIGKILL" ? await manifestCount(lake) : null;
}

Deno.test("backfill killed with SIGKILL 6 times and resumed ends with the same lake, byte for byte", async () => {
  const reference = await Deno.makeTempDir({ prefix: "strikelab-kill-ref-" });
  const killed = await Deno.makeTempDir({ prefix: "strikelab-kill-run-" });
  const ref = await runTask("backfill", ARGS, { env: { STRIKELAB_DATA_DIR: reference } });
  assert.equal(ref.code, 0, ref.stderr);
  const msPerPartition = 1000 * Number(/elapsed: ([\d.]+) s/.exec(ref.stdout)![1]) / TOTAL;

  // each kill waits for a seeded number of new partitions (at most a share of what is left,
  // so six kills fit before the end), then a seeded fraction of a partition's time, so that
  // kills land in every phase of a write: temp file, fsync, rename, manifest
  const rand = mulberry32(0x5eed);
  const counts: number[] = [];
  let tempFilesLeft = 0;
  for (let attempt = 0; counts.length < KILLS; attempt++) {
    assert.ok(attempt < 2 * KILLS, `only ${counts.length} kills landed mid-run`);
    const before = counts.at(-1) ?? 0;
    const share = Math.floor((TOTAL - before) / (KILLS - counts.length + 1));
    const target = before + 1 + Math.floor(rand() * share);
    const count = await killMidRun(killed, target, rand() * Math.min(10, 2 * msPerPartition));
    if (count === null) continue;
    counts.push(count);
    const left = (await filesUnder(`${killed}/lake`)).filter((f) => f.endsWith(".tmp"));
    tempFilesLeft += left.length;
  }
  // the kills caught writers between writing a temp file and renaming it
  assert.ok(tempFilesLeft > 0, "no kill landed during a write");
  // every kill left an incomplete lake, and every run got further than the one before
  assert.ok(counts.every((n, i) => n < TOTAL && (i === 0 || n > counts[i - 1])), `${counts}`);

  const resumed = await runTask("backfill", ARGS, { env: { STRIKELAB_DATA_DIR: killed } });
  assert.equal(resumed.code, 0, resumed.stderr);
  const done = /partitions: 117 planned, (\d+) written, (\d+) skipped, 0 failed/.exec(
    resumed.stdout,
  );
  assert.ok(done, resumed.stdout);
  assert.equal(Number(done[2]), counts[KILLS - 1]);

  // same partitions, same bytes (Parquet files and manifests), no temp file or lock left
  const files = await filesUnder(`${reference}/lake`);
  assert.equal(files.length, TOTAL + 2 + 2); // partitions, two manifests, two schema baselines
  assert.deepEqual(await filesUnder(`${killed}/lake`), files);
  for (const f of files) {
    assert.deepEqual(
      await Deno.readFile(`${killed}/lake/${f}`),
      await Deno.readFile(`${reference}/lake/${f}`),
      f,
    );
  }
  const everything = await filesUnder(killed);
  assert.deepEqual(everything.filter((f) => f.endsWith(".tmp") || f.endsWith(".lock")), []);
  await Deno.remove(reference, { recursive: true });
  await Deno.remove(killed, { recursive: true });
});
