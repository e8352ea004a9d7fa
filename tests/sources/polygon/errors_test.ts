import { equal, ok, rejects } from "node:assert/strict";
import {
  PolygonAuthError,
  PolygonConnectError,
  PolygonEntitlementError,
  PolygonRequestError,
  PolygonResponseError,
  startFakePolygon,
} from "../../../lib/sources/polygon/mod.ts";
import { createTestProvider } from "./_provider.ts";
import { assertNoKey, testSource, tinyServer } from "./_harness.ts";

const provider = createTestProvider();
const DATE = "2024-03-04";
const KEY = "fake-key";

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

Deno.test("403 throws PolygonEntitlementError naming the plan's entitlement, not the key", async () => {
  const server = tinyServer(() =>
    Response.json({
      status: "NOT_AUTHORIZED",
      request_id: "r",
      message: "You are not entitled to this data.",
    }, { status: 403 })
  );
  try {
    const { source } = testSource(server.url);
    const err = await source.minuteBars("I:VIX", DATE).catch((e) => e);
    ok(err instanceof PolygonEntitlementError);
    ok(
      err.message.startsWith(
        "Polygon's plan for this API key does not include minute aggregates of I:VIX (403, not entitled)",
      ),
      err.message,
    );
    ok(!err.message.includes("rejected the API key"));
    ok(err.message.includes("You are not entitled to this data."));
    equal(server.hits(), 1);
    assertNoKey(err);
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

Deno.test("an unreachable host fails at once with PolygonConnectError, no retries", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close(); // nothing listens there now
  const { source, warnings, time } = testSource(`http://127.0.0.1:${port}`, { maxRetries: 6 });
  const t0 = performance.now();
  const err = await source.news("SPY", DATE).catch((e) => e);
  ok(err instanceof PolygonConnectError, String(err));
  ok(
    err.message.startsWith(
      `Cannot reach Polygon at http://127.0.0.1:${port}: the TCP connect failed`,
    ),
  );
  equal(warnings.length, 0);
  equal(time.sleeps.length, 0);
  ok(performance.now() - t0 < 2_000);
  // the next call fails the same way without trying again
  ok((await source.minuteBars("SPY", DATE).catch((e) => e)) instanceof PolygonConnectError);
  assertNoKey(err);
});

Deno.test("a host that accepts no connection within connectTimeoutMs fails after that time, not the read timeout", async () => {
  // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so a connect hangs
  const { source } = testSource("http://192.0.2.1:9", { connectTimeoutMs: 300, timeoutMs: 60_000 });
  const t0 = performance.now();
  const err = await source.news("SPY", DATE).catch((e) => e);
  const ms = performance.now() - t0;
  ok(err instanceof PolygonConnectError, String(err));
  ok(
    /no answer to a TCP connect within 300 ms|the TCP connect failed/.test(err.message),
    err.message,
  );
  ok(ms < 5_000, `${ms} ms`);
});

Deno.test("network errors after a good connect are retried, then reported with the key redacted", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const accepting = (async () => {
    for await (const conn of listener) conn.close(); // accept, then hang up at once
  })().catch(() => {});
  try {
    const { source, warnings } = testSource(`http://127.0.0.1:${port}`, { maxRetries: 2 });
    const err = await source.news("SPY", DATE).catch((e) => e);
    ok(err instanceof PolygonRequestError, String(err));
    equal(err.status, null);
    ok(err.message.includes("(network error: "), err.message);
    equal(warnings.length, 2);
    assertNoKey(err);
    ok(warnings.every((w) => !w.includes(KEY)));
  } finally {
    listener.close();
    await accepting;
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
