import { deepEqual, equal, rejects } from "node:assert/strict";
import { createTokenBucket } from "../../../lib/sources/polygon/_token_bucket.ts";
import { fullJitterMs, retryAfterMs } from "../../../lib/sources/polygon/_retry_delay.ts";
import { mulberry32 } from "../../../lib/random/mod.ts";
import { fakeTime } from "./_harness.ts";

Deno.test("token bucket at 5/minute with burst 1 starts requests 12 s apart", async () => {
  const t = fakeTime();
  const bucket = createTokenBucket({ perMinute: 5, burst: 1, clock: t.clock, sleep: t.sleep });
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 6 }, () => bucket.take().then(() => starts.push(t.clock()))),
  );
  deepEqual(starts, [0, 12_000, 24_000, 36_000, 48_000, 60_000]);
});

Deno.test("token bucket never starts more than perMinute requests in a 60 s window with burst 1", async () => {
  const t = fakeTime();
  const bucket = createTokenBucket({ perMinute: 5, burst: 1, clock: t.clock, sleep: t.sleep });
  const starts: number[] = [];
  for (let i = 0; i < 20; i++) {
    await bucket.take();
    starts.push(t.clock());
    t.advance(i % 3 === 0 ? 30_000 : 1_000); // irregular callers
  }
  for (const s of starts) equal(starts.filter((x) => x >= s && x < s + 60_000).length <= 5, true);
});

Deno.test("token bucket with burst 3 lets three requests go at once, then paces", async () => {
  const t = fakeTime();
  const bucket = createTokenBucket({ perMinute: 6, burst: 3, clock: t.clock, sleep: t.sleep });
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) await bucket.take().then(() => starts.push(t.clock()));
  deepEqual(starts, [0, 0, 0, 10_000, 20_000]);
});

Deno.test("token bucket pauseUntil holds every caller until the Retry-After instant", async () => {
  const t = fakeTime();
  const bucket = createTokenBucket({ perMinute: 600, burst: 1, clock: t.clock, sleep: t.sleep });
  await bucket.take();
  bucket.pauseUntil(5_000);
  const starts: number[] = [];
  await Promise.all([1, 2].map(() => bucket.take().then(() => starts.push(t.clock()))));
  deepEqual(starts, [5_000, 5_100]);
});

Deno.test("token bucket rejects an aborted waiter without using a token", async () => {
  const t = fakeTime();
  const bucket = createTokenBucket({ perMinute: 60, burst: 1, clock: t.clock, sleep: t.sleep });
  const ac = new AbortController();
  ac.abort(new Error("stop"));
  await rejects(bucket.take(ac.signal), /stop/);
  await bucket.take();
  equal(t.clock(), 0);
});

Deno.test("fullJitterMs() draws below min(maxMs, baseMs * 2^attempt)", () => {
  const random = mulberry32(7);
  for (let attempt = 0; attempt < 12; attempt++) {
    const cap = Math.min(8_000, 100 * 2 ** attempt);
    for (let i = 0; i < 50; i++) {
      const d = fullJitterMs(attempt, { baseMs: 100, maxMs: 8_000, random });
      equal(d >= 0 && d < cap && Number.isInteger(d), true);
    }
  }
  equal(fullJitterMs(3, { baseMs: 100, maxMs: 8_000, random: () => 0.5 }), 400);
});

Deno.test("retryAfterMs() reads delta-seconds and HTTP dates", () => {
  equal(retryAfterMs("3", 0), 3_000);
  equal(retryAfterMs(" 0 ", 0), 0);
  equal(retryAfterMs("1.5", 0), 1_500);
  const now = Date.UTC(2015, 9, 21, 7, 27, 50);
  equal(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", now), 10_000);
  equal(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", now + 60_000), 0);
  equal(retryAfterMs(null, 0), null);
  equal(retryAfterMs("soon", 0), null);
  equal(retryAfterMs("-5", 0), null);
});
