import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  createS3Client,
  downloadObject,
  FlatFileAuthError,
  FlatFileCache,
  flatFileKey,
  FlatFileNotFound,
  gzip,
} from "../../../lib/sources/flatfiles/mod.ts";
import { startSmallFake } from "./_fake.ts";

const noSleep = () => Promise.resolve();

function clientOf(fake: { url: string; accessKeyId: string; secretAccessKey: string }, extra = {}) {
  return createS3Client({
    endpoint: fake.url,
    bucket: "flatfiles",
    region: "us-east-1",
    accessKeyId: fake.accessKeyId,
    secretAccessKey: fake.secretAccessKey,
    sleep: noSleep,
    ...extra,
  });
}

async function bytesOf(res: Response) {
  return new Uint8Array(await res.arrayBuffer());
}

Deno.test("the S3 client lists every page of a prefix and GETs objects byte for byte", async () => {
  const fake = await startSmallFake();
  try {
    const bodies = new Map<string, Uint8Array>();
    for (const date of ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]) {
      const body = await gzip(`ticker,volume\nSPY,${date.slice(-2)}\n`);
      bodies.set(flatFileKey("stocks", date), body);
      await fake.put(flatFileKey("stocks", date), body);
    }
    const client = clientOf(fake);
    const before = fake.stats.requests;
    const listed = await client.list("us_stocks_sip/minute_aggs_v1/2025/03/", { pageSize: 2 });
    assert.equal(fake.stats.requests - before, 3, "5 keys, 2 a page: 3 pages");
    assert.deepEqual(listed.map((o) => o.key), [...bodies.keys()]);
    for (const o of listed) {
      const body = bodies.get(o.key)!;
      assert.equal(o.size, body.byteLength);
      assert.equal(o.etag, createHash("md5").update(body).digest("hex"));
      assert.deepEqual(await bytesOf(await client.get(o.key)), body);
    }
  } finally {
    await fake.close();
  }
});

Deno.test("a wrong access key fails at once with a 403 naming the object, without retries", async () => {
  const fake = await startSmallFake();
  try {
    const client = clientOf({ ...fake, accessKeyId: "NOT-A-KEY" }, { maxRetries: 5 });
    const key = flatFileKey("stocks", "2025-03-03");
    const before = fake.stats.requests;
    await assert.rejects(client.get(key), (e: Error) => {
      assert.ok(e instanceof FlatFileAuthError);
      assert.equal((e as FlatFileAuthError).fatal, true);
      assert.match(
        e.message,
        /^Cannot read s3:\/\/flatfiles\/us_stocks_sip\/minute_aggs_v1\/2025\/03\/2025-03-03\.csv\.gz: 403 InvalidAccessKeyId/,
      );
      assert.match(e.message, /POLYGON_S3_ACCESS_KEY_ID/);
      assert.ok(!e.message.includes("NOT-A-KEY"));
      return true;
    });
    assert.equal(fake.stats.requests - before, 1);
    fake.faults.forbidden = true;
    const ok = clientOf(fake);
    await assert.rejects(ok.list("us_"), /403 AccessDenied \(Access Denied\)/);
    assert.equal(fake.stats.requests - before, 2);
  } finally {
    await fake.close();
  }
});

Deno.test("503 SlowDown is retried with backoff until served; 404 is FlatFileNotFound", async () => {
  const fake = await startSmallFake();
  try {
    const key = flatFileKey("stocks", "2025-03-03");
    await fake.put(key, await gzip("x"));
    fake.faults.slowDowns = 2;
    const retries: string[] = [];
    const client = clientOf(fake, { maxRetries: 3, onRetry: (m: string) => retries.push(m) });
    const before = fake.stats.requests;
    assert.equal((await bytesOf(await client.get(key))).byteLength > 0, true);
    assert.equal(fake.stats.requests - before, 3);
    assert.equal(retries.length, 2);
    assert.match(retries[0], /503 SlowDown \(Please reduce your request rate\.\); retry 1 of 3$/);
    fake.faults.slowDowns = 5;
    await assert.rejects(client.get(key), /503 SlowDown .*after 4 attempts/);
    fake.faults.slowDowns = 0;
    await assert.rejects(client.get(flatFileKey("stocks", "2025-12-25")), (e: Error) => {
      assert.ok(e instanceof FlatFileNotFound);
      assert.match(
        e.message,
        /^No flat file s3:\/\/flatfiles\/us_stocks_sip\/minute_aggs_v1\/2025\/12\/2025-12-25\.csv\.gz \(404 NoSuchKey/,
      );
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a download reset mid-object resumes with a ranged GET and is verified against the ETag", async () => {
  const fake = await startSmallFake();
  const dir = await Deno.makeTempDir();
  try {
    const key = flatFileKey("options", "2025-03-03");
    const body = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    await fake.put(key, body);
    fake.faults.resets = 2;
    fake.faults.resetAfterBytes = 100_000;
    const cache = await FlatFileCache.open(dir, { maxBytes: 10_000_000 });
    const notes: string[] = [];
    const got = await downloadObject(clientOf(fake), cache, key, { onRetry: (m) => notes.push(m) });
    assert.equal(got.hit, false);
    assert.equal(got.downloadedBytes, 300_000);
    assert.deepEqual(await Deno.readFile(got.path), body);
    assert.equal(fake.stats.getsByKey[key], 3, "one GET and two ranged resumptions");
    assert.equal(notes.length, 2);
    assert.match(notes[0], /fault: connection reset|error reading a body|connection/i);
    assert.match(notes[0], /at byte 100000; resuming$/);
    assert.match(notes[1], /at byte 200000; resuming$/);
    const again = await downloadObject(clientOf(fake), cache, key);
    assert.equal(again.hit, true);
    assert.equal(fake.stats.getsByKey[key], 3, "a hit sends no request");
    assert.deepEqual(await Array.fromAsync(Deno.readDir(`${dir}/tmp`)), []);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
