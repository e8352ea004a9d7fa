import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { session } from "../../../lib/calendar/mod.ts";
import {
  PolygonAuthError,
  PolygonRequestError,
  PolygonResponseError,
  startFakePolygon,
} from "../../../lib/sources/polygon/mod.ts";
import { createTestProvider } from "./_provider.ts";
import { testSource } from "./_harness.ts";

const provider = createTestProvider();
const DATE = "2024-03-04";
const KEY = "fake-key";

/** Asserts an error and everything printed about it are free of the key. */
function assertNoKey(err: unknown, key = KEY): void {
  const e = err as Error;
  for (
    const text of [e.message, e.stack ?? "", String(e.cause ?? ""), Deno.inspect(e, { depth: 6 })]
  ) {
    ok(!text.includes(key), `key leaked in: ${text.slice(0, 300)}`);
  }
}

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

Deno.test("401 throws PolygonAuthError at once, with no retry and no key anywhere", async () => {
  const fake = startFakePolygon({ provider });
  try {
    const secret = "sk_live_do_not_print_me";
    const { source, warnings } = testSource(fake.url, { apiKey: secret });
    await rejects(source.minuteBars("SPY", DATE), PolygonAuthError);
    const err = await source.news("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonAuthError);
    ok(
      err.message.startsWith("Polygon rejected the API key (401): check POLYGON_API_KEY"),
      err.message,
    );
    ok(err.message.includes("apiKey=REDACTED"));
    ok(err.message.includes("Polygon said: Unknown API Key"));
    equal(err.status, 401);
    equal(fake.stats.byStatus[401], 2); // one request per call: never retried
    equal(warnings.length, 0);
    assertNoKey(err, secret);
  } finally {
    await fake.close();
  }
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

/** A one-route server answering every request with `respond`. */
function tinyServer(respond: () => Response) {
  let hits = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    hits++;
    return respond();
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    hits: () => hits,
    close: () => server.shutdown(),
  };
}

Deno.test("a body of the wrong shape fails at once with z.prettifyError in the message", async () => {
  const server = tinyServer(() => Response.json({ status: "OK", results: [{ t: "09:30", o: 1 }] }));
  try {
    const { source } = testSource(server.url);
    const err = await source.minuteBars("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonResponseError);
    ok(
      err.message.includes(
        "✖ Invalid input: expected number, received string\n  → at results[0].t",
      ),
      err.message,
    );
    ok(err.message.includes("apiKey=REDACTED"));
    equal(server.hits(), 1);
    assertNoKey(err);
  } finally {
    await server.close();
  }
});

Deno.test("403 throws PolygonAuthError that mentions the plan", async () => {
  const server = tinyServer(() =>
    Response.json({
      status: "NOT_AUTHORIZED",
      request_id: "r",
      message: "You are not entitled to this data.",
    }, { status: 403 })
  );
  try {
    const { source } = testSource(server.url);
    const err = await source.news("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonAuthError);
    ok(
      err.message.startsWith(
        "Polygon rejected the API key (403): check POLYGON_API_KEY and that your plan includes this data",
      ),
    );
    ok(err.message.includes("You are not entitled to this data."));
    equal(server.hits(), 1);
  } finally {
    await server.close();
  }
});

Deno.test("5xx on every attempt ends in PolygonRequestError naming the status, after maxRetries", async () => {
  const server = tinyServer(() => new Response("<html>503</html>", { status: 503 }));
  try {
    const { source, time } = testSource(server.url, {
      maxRetries: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
    });
    const err = await source.minuteBars("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonRequestError);
    equal(err.status, 503);
    equal(err.attempts, 4);
    ok(
      err.message.startsWith(
        "Polygon request failed after 4 attempts (HTTP 503): minute aggregates of SPY for 2024-03-04 (GET http://127.0.0.1:",
      ),
    );
    equal(server.hits(), 4);
    // Backoff draws stay under 100, 200, 400 ms.
    const backoffs = time.sleeps.filter((ms) => ms < 1_000);
    ok(backoffs.length >= 3);
    assertNoKey(err);
  } finally {
    await server.close();
  }
});

Deno.test("a 400 is not retried", async () => {
  const server = tinyServer(() =>
    Response.json({ status: "ERROR", request_id: "r", error: "bad limit" }, { status: 400 })
  );
  try {
    const { source } = testSource(server.url);
    const err = await source.optionContracts("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonRequestError);
    ok(
      err.message.startsWith(
        "Polygon request failed after 1 attempt (HTTP 400: bad limit): option contracts of SPY",
      ),
    );
    equal(server.hits(), 1);
  } finally {
    await server.close();
  }
});

Deno.test("network errors are retried, then reported with the key redacted", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close(); // nothing listens there now
  const { source, warnings } = testSource(`http://127.0.0.1:${port}`, { maxRetries: 2 });
  const err = await source.news("SPY", DATE).catch((e) => e);
  ok(err instanceof PolygonRequestError);
  equal(err.status, null);
  ok(err.message.includes("(network error: "), err.message);
  equal(warnings.length, 2);
  assertNoKey(err);
  ok(warnings.every((w) => !w.includes(KEY)));
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

Deno.test("a next_url on another origin is refused: the key is never sent there", async () => {
  let elsewhere = 0;
  const other = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
    elsewhere++;
    return Response.json({ status: "OK", results: [] });
  });
  const server = tinyServer(() =>
    Response.json({
      status: "OK",
      results: [],
      next_url: `http://127.0.0.1:${other.addr.port}/v2/reference/news?cursor=abc`,
    })
  );
  try {
    const { source } = testSource(server.url);
    const err = await source.news("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonRequestError);
    ok(
      err.message.includes(
        `next_url points to http://127.0.0.1:${other.addr.port}, not ${server.url}`,
      ),
      err.message,
    );
    equal(server.hits(), 1);
    equal(elsewhere, 0);
  } finally {
    await server.close();
    await other.shutdown();
  }
});

Deno.test("a next_url that repeats is reported instead of looping forever", async () => {
  const server = tinyServer(() =>
    Response.json({
      status: "OK",
      results: [],
      next_url: "/v3/reference/options/contracts?cursor=same",
    })
  );
  try {
    const { source } = testSource(server.url);
    const err = await source.optionContracts("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonRequestError);
    ok(err.message.includes("(next_url repeats after 1 pages)"), err.message);
    equal(server.hits(), 2);
  } finally {
    await server.close();
  }
});
