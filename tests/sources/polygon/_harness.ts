/** Test helpers: a fake clock whose sleeps return at once, a source against a fake, tiny servers. */
import { ok } from "node:assert/strict";
import type { Sleep } from "../../../lib/sources/polygon/_token_bucket.ts";
import {
  createPolygonSource,
  type PolygonSourceOptions,
} from "../../../lib/sources/polygon/mod.ts";

/** A clock that moves only when slept on (or advanced); records every sleep. */
export function fakeTime(startMs = 0) {
  let now = startMs;
  const sleeps: number[] = [];
  const sleep: Sleep = (ms, signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    sleeps.push(ms);
    now += ms;
    return Promise.resolve();
  };
  return {
    clock: () => now,
    sleep,
    sleeps,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A source against `baseUrl` with instant sleeps, a fast limiter and seeded jitter. */
export function testSource(baseUrl: string, options: Partial<PolygonSourceOptions> = {}) {
  const time = fakeTime();
  const warnings: string[] = [];
  const debug: string[] = [];
  const source = createPolygonSource({
    apiKey: "fake-key",
    baseUrl,
    rateLimitPerMinute: 5,
    maxRetries: 6,
    timeoutMs: 2_000,
    seed: 3,
    clock: time.clock,
    sleep: time.sleep,
    logger: { warn: (m) => warnings.push(m), debug: (m) => debug.push(m) },
    ...options,
  });
  return { source, time, warnings, debug };
}

/** Asserts an error and everything printed about it are free of the key. */
export function assertNoKey(err: unknown, key = "fake-key"): void {
  const e = err as Error;
  for (
    const text of [e.message, e.stack ?? "", String(e.cause ?? ""), Deno.inspect(e, { depth: 6 })]
  ) {
    ok(!text.includes(key), `key leaked in: ${text.slice(0, 300)}`);
  }
}

/** A one-route server answering every request with `respond`. */
export function tinyServer(respond: () => Response) {
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
