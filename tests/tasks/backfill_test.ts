import assert from "node:assert/strict";
import { filesUnder, manifestCount, runTask, taskCommand } from "./_run.ts";

const DATA = "../shared/data/alphavantage-2019/"; // as config/examples/replay.yaml names it

async function tempDir(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "strikelab-task-test-" });
}

Deno.test("deno task backfill prints the summary and its run record, and exits 0", async () => {
  const dir = await tempDir();
  const r = await runTask("backfill", [
    "--from",
    "2025-03-06",
    "--to",
    "2025-03-07",
    "--source",
    "sim",
  ], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.deepEqual(lines.slice(0, 3), [
    "backfill 2025-03-06..2025-03-07 (sim): ok",
    "  partitions: 4 planned, 4 written, 0 skipped, 0 failed",
    "  rows: 1,560 written, 0 quarantined",
  ]);
  assert.match(lines[3], /^ {2}elapsed: \d+\.\d\d s$/);
  const record = lines[4].replace("  run record: ", "");
  assert.ok(record.startsWith(`${dir}/runs/`) && record.endsWith("/manifest.json"));
  assert.equal(JSON.parse(await Deno.readTextFile(record)).status, "ok");
  assert.match(r.stderr, /^info: backfill 2025-03-06\.\.2025-03-07 from sim: 4 partitions$/m);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task backfill exits 1 and lists the failed partitions when some fail", async () => {
  const dir = await tempDir();
  const config = "config/examples/replay.yaml"; // relative to the repository root
  // the files end on Friday 2019-02-15; Tuesday 2019-02-19 has no rows
  const r = await runTask("backfill", [
    "--config",
    config,
    "--from",
    "2019-02-14",
    "--to",
    "2019-02-19",
  ], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.equal(lines[0], "backfill 2019-02-14..2019-02-19 (replay): failed");
  assert.equal(lines[1], "  partitions: 6 planned, 4 written, 0 skipped, 2 failed");
  assert.equal(lines[2], "  rows: 1,547 written, 0 quarantined"); // 2 x 390 SPY, 381 + 386 VIX
  assert.deepEqual(lines.slice(5), [
    `  failed equity_minute/symbol=SPY/date=2019-02-19: Cannot replay SPY on 2019-02-19: ${DATA}SPY_1min.csv has no rows that day (it holds 2019-02-11..2019-02-15)`,
    `  failed index_minute/symbol=I%3AVIX/date=2019-02-19: Cannot replay I:VIX on 2019-02-19: ${DATA}VIX_1min.csv has no rows that day (it holds 2019-02-11..2019-02-15)`,
  ]);
  assert.match(r.stderr, /^warn: failed equity_minute SPY 2019-02-19: Cannot replay SPY/m);
  // a rerun writes nothing new and still fails on the same two partitions
  const again = await runTask("backfill", [
    "--config",
    config,
    "--from",
    "2019-02-14",
    "--to",
    "2019-02-19",
  ], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(again.code, 1);
  assert.match(again.stdout, /^ {2}partitions: 6 planned, 0 written, 4 skipped, 2 failed$/m);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task backfill exits 2 with the problems of a bad config file and writes nothing", async () => {
  const dir = await tempDir();
  const config = `${dir}/bad.yaml`;
  await Deno.writeTextFile(
    config,
    "backfill:\n  symbols: [spy]\n  concurency: 3\nlog:\n  level: loud\n",
  );
  const r = await runTask("backfill", [
    "--config",
    config,
    "--from",
    "2025-03-03",
    "--to",
    "2025-03-07",
  ], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.equal(
    r.stderr,
    [
      "Invalid config:",
      '  log.level: "loud" is not one of debug, info, warn, error',
      '  backfill.symbols.0: "spy" is not a ticker (upper-case letters, digits and dots; indices start with I:)',
      '  backfill: unknown key "concurency" (check the spelling against config/default.yaml)',
      "",
    ].join("\n"),
  );
  const missing = await runTask("backfill", [
    "--config",
    `${dir}/nope.yaml`,
    "--from",
    "2025-03-03",
    "--to",
    "2025-03-07",
  ]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `Invalid config:\n  --config ${dir}/nope.yaml: no such file\n`);
  assert.deepEqual(await filesUnder(dir), ["bad.yaml"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task backfill exits 2 for bad flags: unknown, missing, malformed values", async () => {
  const cases: [string[], string][] = [
    [
      ["--from", "2025-03-03", "--to", "2025-03-07", "--bogus"],
      "error: unknown flag --bogus (see --help for the flags)",
    ],
    [["--from", "2025-03-03"], "error: --to is required (config backfill.to)"],
    [
      ["--from", "2025-03-03", "--to", "2025-03-07", "--concurrency", "four"],
      'error: --concurrency must be a whole number, got "four"',
    ],
    [
      ["--from", "2025-03-03", "--to", "03/07/2025"],
      'error: --to must be a real date YYYY-MM-DD, got "03/07/2025"',
    ],
    [
      ["--from", "2025-03-10", "--to", "2025-03-03", "--source", "sim"],
      "error: --from 2025-03-10 is after --to 2025-03-03 (the range must run forwards)",
    ],
    [
      ["--from", "2025-03-03", "--to", "2025-03-07", "--source", "yahoo"],
      'Invalid config:\n  source.name: "yahoo" is not one of auto, sim, polygon, replay, flatfiles (flag --source)',
    ],
  ];
  const dir = await tempDir();
  for (const [args, first] of cases) {
    const r = await runTask("backfill", args, { env: { STRIKELAB_DATA_DIR: dir } });
    assert.equal(r.code, 2, args.join(" "));
    assert.ok(r.stderr.startsWith(first), `${args.join(" ")}:\n${r.stderr}`);
  }
  assert.deepEqual(await filesUnder(dir), []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("Ctrl-C stops a backfill between partitions: exit 130, interrupted, resumable", async () => {
  const dir = await tempDir();
  const args = ["--source", "sim", "--from", "2024-01-02", "--to", "2024-12-31"];
  const child = taskCommand("backfill", args, { env: { STRIKELAB_DATA_DIR: dir } }).spawn();
  const output = child.output();
  while (await manifestCount(`${dir}/lake`) < 10) await new Promise((r) => setTimeout(r, 5));
  child.kill("SIGINT");
  const out = await output;
  const stdout = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 130, new TextDecoder().decode(out.stderr));
  assert.match(stdout, /^backfill 2024-01-02\.\.2024-12-31 \(sim\): interrupted$/m);
  const written = Number(
    /partitions: 504 planned, (\d+) written, 0 skipped, 0 failed/.exec(stdout)![1],
  );
  assert.ok(written >= 10 && written < 504, `${written} written`);
  assert.match(
    new TextDecoder().decode(out.stderr),
    /^warn: stopping after the partitions under way \(Ctrl-C again to quit at once\)$/m,
  );
  const record = JSON.parse(await Deno.readTextFile(/run record: (.*)$/m.exec(stdout)![1]));
  assert.equal(record.status, "interrupted");
  assert.equal(record.outputs.length, written);
  // every partition the manifest lists is there; the rest follows on the next run
  assert.equal(await manifestCount(`${dir}/lake`), written);
  const resumed = await runTask("backfill", args, { env: { STRIKELAB_DATA_DIR: dir } });
  assert.equal(resumed.code, 0);
  assert.match(
    resumed.stdout,
    new RegExp(`partitions: 504 planned, ${504 - written} written, ${written} skipped, 0 failed`),
  );
  await Deno.remove(dir, { recursive: true });
});
