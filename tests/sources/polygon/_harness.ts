/** Test helpers: a fake clock whose sleeps return at once, and a source against a fake. */
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
