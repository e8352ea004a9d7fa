import assert from "node:assert/strict";
import { FlatFileCache } from "../../../lib/sources/flatfiles/mod.ts";

async function put(cache: FlatFileCache, key: string, bytes: number, etag = "e") {
  const tmp = cache.tempPath();
  await Deno.writeFile(tmp, new Uint8Array(bytes).fill(key.length));
  return await cache.commit(key, tmp, { size: bytes, etag });
}

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("the cache evicts least recently used objects first and keeps the one just added", () =>
  withDir(async (dir) => {
    const cache = await FlatFileCache.open(dir, { maxBytes: 300 });
    await put(cache, "a", 100);
    await put(cache, "b", 100);
    await put(cache, "c", 100);
    assert.ok(await cache.lookup("a")); // a is now the most recent
    await put(cache, "d", 100); // over 300: b (least recent) goes
    assert.deepEqual(cache.entries().map((e) => e.key), ["c", "a", "d"]);
    await put(cache, "big", 250); // evicts c, a, d; keeps itself
    assert.deepEqual(cache.entries().map((e) => e.key), ["big"]);
    const s = cache.summary();
    assert.deepEqual(
      {
        entries: s.entries,
        bytes: s.bytes,
        hits: s.hits,
        misses: s.misses,
        evictions: s.evictions,
      },
      { entries: 1, bytes: 250, hits: 1, misses: 0, evictions: 4 },
    );
    assert.equal(s.evictedBytes, 400);
    assert.equal(await cache.lookup("b"), null);
    assert.equal(cache.summary().hitRate, 0.5);
  }));

Deno.test("the index and statistics survive reopening; evictTo and clear", () =>
  withDir(async (dir) => {
    let cache = await FlatFileCache.open(dir, { maxBytes: 1000 });
    await put(cache, "x/1", 10, "aa");
    await put(cache, "x/2", 20, "bb");
    await put(cache, "x/3", 30, "cc");
    assert.equal(await cache.lookup("nope"), null);
    assert.ok(await cache.lookup("x/1"));
    cache = await FlatFileCache.open(dir, { maxBytes: 1000 });
    assert.deepEqual(cache.entries().map((e) => [e.key, e.size, e.etag]), [
      ["x/2", 20, "bb"],
      ["x/3", 30, "cc"],
      ["x/1", 10, "aa"],
    ]);
    assert.deepEqual([cache.summary().hits, cache.summary().misses], [1, 1]);
    assert.equal(await cache.evictTo(35), 2); // x/2 then x/3 go
    assert.deepEqual(cache.entries().map((e) => e.key), ["x/1"]);
    assert.equal(await cache.clear(), 1);
    cache = await FlatFileCache.open(dir, { maxBytes: 1000 });
    assert.deepEqual([cache.summary().entries, cache.summary().bytes], [0, 0]);
    assert.equal(cache.summary().evictions, 3);
    assert.deepEqual((await Array.fromAsync(Deno.readDir(`${dir}/objects`))).length, 0);
  }));

Deno.test("opening repairs a crash: partial downloads removed, a truncated object dropped, a renamed but unindexed object adopted", () =>
  withDir(async (dir) => {
    const cache = await FlatFileCache.open(dir, { maxBytes: 1000 });
    const kept = await put(cache, "k/kept", 40, "k1");
    const cut = await put(cache, "k/cut", 50, "c1");
    // A download killed half-way: a .part file in tmp/.
    await Deno.writeFile(`${dir}/tmp/123.part`, new Uint8Array(7));
    // A file damaged after it was indexed.
    await Deno.truncate(cut, 10);
    // A crash between the rename into objects/ and the index write: simulate by indexing
    // nothing of a committed object (restore the index as it was before the commit).
    const before = await Deno.readTextFile(`${dir}/index.json`);
    await put(cache, "k/late", 60, "l1");
    await Deno.writeTextFile(`${dir}/index.json`, before);
    // A stray file with no key beside it.
    await Deno.writeFile(`${dir}/objects/junk.obj`, new Uint8Array(3));
    const reopened = await FlatFileCache.open(dir, { maxBytes: 1000 });
    assert.deepEqual(
      reopened.entries().map((e) => [e.key, e.size, e.etag]).sort(),
      [["k/kept", 40, "k1"], ["k/late", 60, "l1"]],
    );
    assert.deepEqual(await Array.fromAsync(Deno.readDir(`${dir}/tmp`)), []);
    const names = (await Array.fromAsync(Deno.readDir(`${dir}/objects`))).map((f) => f.name);
    assert.ok(!names.includes("junk.obj"));
    assert.equal(names.filter((n) => n.endsWith(".obj")).length, 2);
    assert.equal(await reopened.lookup("k/cut"), null);
    assert.equal(await reopened.lookup("k/kept"), kept);
  }));
