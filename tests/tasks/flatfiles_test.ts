import assert from "node:assert/strict";
import { startSmallFake } from "../sources/flatfiles/_fake.ts";
import { runTask, taskCommand } from "./_run.ts";
import { createS3Client } from "@lib/sources/flatfiles/mod.ts";

const KEYS = { POLYGON_S3_ACCESS_KEY_ID: "S3RVER", POLYGON_S3_SECRET_ACCESS_KEY: "S3RVER" };

Deno.test("backfill --source flatfiles imports from the fake server; cache prints its statistics, evicts and clears", async () => {
  const fake = await startSmallFake({ from: "2025-03-03", to: "2025-03-04" });
  const dir = await Deno.makeTempDir();
  try {
    const env = { ...KEYS, STRIKELAB_DATA_DIR: dir };
    const args = [
      "--source",
      "flatfiles",
      "--endpoint",
      fake.url,
      "--from",
      "2025-03-03",
      "--to",
      "2025-03-04",
      "--datasets",
      "equity,options",
    ];
    const first = await runTask("backfill", args, { env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /backfill 2025-03-03\.\.2025-03-04 \(flatfiles\): ok/);
    assert.match(first.stdout, /partitions: 6 planned, 6 written, 0 skipped, 0 failed/);
    const again = await runTask("backfill", [...args, "--force"], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(fake.stats.gets, 4, "the forced rerun read the cache");
    const stats = await runTask("cache", [], { env });
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, new RegExp(`^cache ${dir}/cache$`, "m"));
    assert.match(stats.stdout, /^ {2}entries: 4$/m);
    assert.match(stats.stdout, /^ {2}hits: 4, misses: 4, hit rate: 50\.0%$/m);
    const bytes = Number(/size: ([\d,]+) bytes/.exec(stats.stdout)![1].replaceAll(",", ""));
    assert.equal(
      bytes,
      fake.objects.filter((o) => !o.key.startsWith("us_indices")).reduce((n, o) => n + o.bytes, 0),
    );
    const evicted = await runTask("cache", ["--evict-to", String(bytes - 1)], { env });
    assert.match(evicted.stdout, /^ {2}entries: 3$/m);
    assert.match(evicted.stdout, /^ {2}removed now: 1$/m);
    const cleared = await runTask("cache", ["--clear"], { env });
    assert.match(cleared.stdout, /^ {2}size: 0 bytes/m);
    assert.match(cleared.stdout, /^ {2}evictions: 4 /m);
    const bad = await runTask("cache", ["--evict-to", "lots"], { env });
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /--evict-to: Cannot read a size from "lots": write bytes, or e\.g\. 500M, 50GiB/,
    );
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("backfill --source flatfiles: no keys is exit 2; wrong keys exit 1 at once, and no key is ever printed or recorded", async () => {
  const fake = await startSmallFake({ from: "2025-03-03", to: "2025-03-03" });
  const dir = await Deno.makeTempDir();
  try {
    const args = [
      "--source",
      "flatfiles",
      "--endpoint",
      fake.url,
      "--from",
      "2025-03-03",
      "--to",
      "2025-03-03",
    ];
    const none = await runTask("backfill", args, { env: { STRIKELAB_DATA_DIR: dir } });
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /The flatfiles source needs S3 keys: set POLYGON_S3_ACCESS_KEY_ID and POLYGON_S3_SECRET_ACCESS_KEY/,
    );
    const id = "AKIAWRONGKEY1234", secret = "wrong-secret-value-5678";
    const wrong = await runTask("backfill", args, {
      env: {
        STRIKELAB_DATA_DIR: dir,
        POLYGON_S3_ACCESS_KEY_ID: id,
        POLYGON_S3_SECRET_ACCESS_KEY: secret,
        STRIKELAB_DEBUG: "1",
      },
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /403 InvalidAccessKeyId/);
    assert.ok(fake.stats.requests <= 4, `${fake.stats.requests} requests: no retries`);
    const runs = [...Deno.readDirSync(`${dir}/runs`)].map((e) => e.name);
    assert.equal(runs.length, 1);
    const record = await Deno.readTextFile(`${dir}/runs/${runs[0]}/manifest.json`);
    for (const text of [wrong.stdout, wrong.stderr, record]) {
      assert.ok(!text.includes(id) && !text.includes(secret));
    }
    assert.match(record, /"accessKeyId": "\*\*\*"/);
    assert.match(record, /"secretAccessKey": "\*\*\*"/);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task fake-flatfiles serves the simulator's days over S3 until Ctrl-C", async () => {
  const child = taskCommand("fake_flatfiles", [
    "--port",
    "0",
    "--from",
    "2025-03-03",
    "--to",
    "2025-03-03",
    "--underlyings",
    "", // no option chain: the file is the header alone, and the start is quick
  ]).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!/Fake flat files on (http:\/\/127\.0\.0\.1:\d+)/.test(out)) {
    const { done, value } = await reader.read();
    if (done) break;
    out += value;
  }
  const url = /Fake flat files on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
  assert.match(out, /us_options_opra\/minute_aggs_v1\/2025\/03\/2025-03-03\.csv\.gz: 0 rows/);
  const client = createS3Client({
    endpoint: url,
    bucket: "flatfiles",
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
  const keys = (await client.list("us_")).map((o) => o.key);
  assert.deepEqual(keys, [
    "us_indices/minute_aggs_v1/2025/03/2025-03-03.csv.gz",
    "us_options_opra/minute_aggs_v1/2025/03/2025-03-03.csv.gz",
    "us_stocks_sip/minute_aggs_v1/2025/03/2025-03-03.csv.gz",
  ]);
  child.kill("SIGINT");
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    out += value;
  }
  await child.stderr.cancel();
  assert.equal((await child.status).code, 0);
  assert.match(out, /Served \d+ requests, 0 object downloads/);
});
