import { equal, ok } from "node:assert/strict";
import { PolygonRequestError } from "../../../lib/sources/polygon/mod.ts";
import { testSource, tinyServer } from "./_harness.ts";

Deno.test("a Retry-After of 100000 s waits the 5-minute cap, and each such wait spends a retry", async () => {
  const server = tinyServer(() =>
    new Response('{"status":"ERROR","error":"slow down"}', {
      status: 429,
      headers: { "retry-after": "100000" },
    })
  );
  try {
    const { source, time, warnings } = testSource(server.url, {
      maxRetries: 2,
      rateLimitPerMinute: 100_000,
    });
    const t0 = time.clock();
    const err = await source.news("SPY", "2024-03-04").catch((e) => e);
    ok(err instanceof PolygonRequestError, String(err));
    equal(server.hits(), 3); // the first try and 2 retries: the budget holds
    equal(warnings.length, 2);
    ok(warnings[0].includes("Retry-After 100000 s capped at 300 s"), warnings[0]);
    // both waits ran through the limiter's pause: 2 × 300 s, not 2 × 27.8 h
    const waitedMs = time.clock() - t0;
    ok(waitedMs >= 600_000 && waitedMs < 610_000, `${waitedMs} ms`);
  } finally {
    await server.close();
  }
});

Deno.test("maxRetryAfterMs sets the cap", async () => {
  const server = tinyServer(() =>
    new Response("{}", { status: 503, headers: { "retry-after": "3600" } })
  );
  try {
    const { source, time } = testSource(server.url, {
      maxRetries: 1,
      maxRetryAfterMs: 10_000,
      rateLimitPerMinute: 100_000,
    });
    const t0 = time.clock();
    await source.news("SPY", "2024-03-04").catch(() => {});
    const waitedMs = time.clock() - t0;
    ok(waitedMs >= 10_000 && waitedMs < 11_000, `${waitedMs} ms`);
  } finally {
    await server.close();
  }
});
