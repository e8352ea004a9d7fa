import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { session } from "../../../lib/calendar/mod.ts";
import {
  PolygonAuthError,
  PolygonResponseError,
  startFakePolygon,
} from "../../../lib/sources/polygon/mod.ts";
import { createTestProvider } from "./_provider.ts";
import { assertNoKey, testSource } from "./_harness.ts";

const provider = createTestProvider();
const DATE = "2024-03-04";
const KEY = "fake-key";

Deno.test("every fault switched on: all data arrives exactly once after retries", async () => {
  const fake = startFakePolygon({
    provider,
    seed: 11,
    faults: {
      rateLimit: { rate: 0.3, retryAfterS: 2 },
      serverError: { rate: 0.3, burst: 2 },
      slow: { rate: 0.2, delayMs: 3_000 },
      truncated: { rate: 0.3 },
      overlap: 2,
      maxPerRequest: 3,
    },
  });
  try {
    const { source, time, warnings } = testSource(fake.url, { pageLimit: 40, timeoutMs: 150 });
    const [spy, vix, news, chain] = await Promise.all([
      source.minuteBars("SPY", DATE),
      source.minuteBars("I:VIX", DATE),
      source.news("SPY", DATE),
      source.optionContracts("SPY", DATE),
    ]);
    const s = session(DATE)!;
    const inSession = (b: { ts: number }) => b.ts >= s.openMs && b.ts < s.closeMs;
    deepEqual(spy, (await provider.minuteBars("SPY", DATE)).filter(inSession));
    deepEqual(vix, (await provider.minuteBars("I:VIX", DATE)).filter(inSession));
    deepEqual(news, await provider.news("SPY", DATE));
    equal(new Set(chain.map((c) => c.ticker)).size, chain.length);
    equal(chain.length, 66);
    const f = fake.stats.faults;
    ok(f.rateLimit > 0 && f.serverError > 0 && f.slow > 0 && f.truncated > 0, JSON.stringify(f));
    ok(fake.stats.byStatus[429] > 0 && fake.stats.byStatus[502] + fake.stats.byStatus[500] > 0);
    equal(warnings.length, f.rateLimit + f.serverError + f.slow + f.truncated);
    ok(warnings.some((w) => w.includes("timed out after 150 ms")));
    ok(warnings.some((w) => w.includes("invalid JSON")));
    ok(warnings.every((w) => !w.includes(KEY) && w.includes("apiKey=REDACTED")));
    // Each 429 paused the shared limiter for its Retry-After of 2 s.
    ok(time.sleeps.filter((ms) => ms === 2_000).length >= 1);
  } finally {
    await fake.close();
  }
});

Deno.test("the same seed gives the same faults on the same requests", async () => {
  const run = async () => {
    const fake = startFakePolygon({
      provider,
      seed: 5,
      faults: { serverError: { rate: 0.5 }, truncated: { rate: 0.5 } },
    });
    try {
      const { source } = testSource(fake.url, { pageLimit: 100 });
      await source.minuteBars("SPY", DATE);
      return fake.stats.log.map((r) => `${r.status} ${r.fault}`);
    } finally {
      await fake.close();
    }
  };
  deepEqual(await run(), await run());
});

Deno.test("the 401 fault rejects even the right key, at once", async () => {
  const fake = startFakePolygon({ provider, faults: { unauthorized: true } });
  try {
    const { source } = testSource(fake.url);
    const err = await source.news("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonAuthError);
    equal(fake.stats.requests, 1);
    equal(fake.stats.faults.unauthorized, 1);
    assertNoKey(err);
  } finally {
    await fake.close();
  }
});

Deno.test("a body truncated on every attempt fails with PolygonResponseError naming the redacted URL", async () => {
  const fake = startFakePolygon({
    provider,
    faults: { truncated: { rate: 1 }, maxPerRequest: 100 },
  });
  try {
    const { source } = testSource(fake.url, { maxRetries: 2 });
    const err = await source.minuteBars("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonResponseError);
    ok(
      err.message.startsWith(
        "Cannot parse Polygon minute aggregates of SPY for 2024-03-04 (GET http://127.0.0.1:",
      ),
    );
    ok(err.message.includes("?apiKey=REDACTED&adjusted=true&sort=asc&limit=50000)"));
    ok(err.message.includes("✖ Invalid JSON ("));
    ok(err.message.includes("(after 3 attempts)"));
    equal(err.cause?.constructor.name, "ZodError");
    equal(fake.stats.requests, 3);
    assertNoKey(err);
  } finally {
    await fake.close();
  }
});

Deno.test("a caller's abort stops the source at once", async () => {
  const fake = startFakePolygon({ provider, faults: { slow: { rate: 1, delayMs: 5_000 } } });
  try {
    const { source } = testSource(fake.url, { timeoutMs: 10_000 });
    const ac = new AbortController();
    const pending = source.minuteBars("SPY", DATE, { signal: ac.signal });
    setTimeout(() => ac.abort(new DOMException("Ctrl-C", "AbortError")), 50);
    await rejects(pending, (e: Error) => e.name === "AbortError" && e.message === "Ctrl-C");
    equal(fake.stats.requests, 1);
  } finally {
    await fake.close();
  }
});
