import assert from "node:assert/strict";
import {
  createS3Client,
  downloadObject,
  FlatFileCache,
  flatFileKey,
} from "../../../lib/sources/flatfiles/mod.ts";
import { startSmallFake } from "./_fake.ts";

const CHILD = new URL("./_download_child.ts", import.meta.url).pathname;

Deno.test("a download killed half-way leaves nothing that looks complete; the next run downloads it whole", async () => {
  const fake = await startSmallFake();
  const dir = await Deno.makeTempDir();
  try {
    const key = flatFileKey("options", "2025-03-03");
    const body = new Uint8Array(1_000_000).map((_, i) => (i * 31) % 253);
    await fake.put(key, body);
    fake.faults.slowMs = 100; // 64 KiB every 100 ms: about 1.6 s for the object
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", CHILD, fake.url, key, dir],
      stdout: "piped",
      stderr: "null",
    }).spawn();
    // Kill it once part of the body is on disk.
    let partial = 0;
    for (let i = 0; i < 200 && partial < 200_000; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        for await (const f of Deno.readDir(`${dir}/tmp`)) {
          partial = Math.max(partial, (await Deno.stat(`${dir}/tmp/${f.name}`)).size);
        }
      } catch { /* the child has not made the folder yet */ }
    }
    child.kill("SIGKILL");
    const status = await child.status;
    await child.stdout.cancel();
    assert.equal(status.success, false);
    assert.ok(partial >= 200_000 && partial < body.byteLength, `partial ${partial}`);
    fake.faults.slowMs = 0;

    const cache = await FlatFileCache.open(dir, { maxBytes: 1e9 });
    assert.equal(cache.summary().entries, 0);
    assert.deepEqual(await Array.fromAsync(Deno.readDir(`${dir}/tmp`)), []);
    const client = createS3Client({
      endpoint: fake.url,
      bucket: "flatfiles",
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
    });
    const got = await downloadObject(client, cache, key);
    assert.equal(got.hit, false);
    assert.deepEqual(await Deno.readFile(got.path), body);
    assert.equal(fake.stats.getsByKey[key], 2);
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
