import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { session } from "../../lib/calendar/mod.ts";
import { mulberry32 } from "../../lib/random/mod.ts";
import { createSource } from "../../lib/sources/mod.ts";
import { runStream, StreamAuthError } from "../../lib/stream/mod.ts";
import { backfillInto, configFor, DATE, lakeHashes, quiet, startFakes } from "./_harness.ts";

Deno.test("runStream() of a replayed session gives the partitions a backfill of it gives", async () => {
  const dir = await Deno.makeTempDir();
  const fakes = startFakes();
  try {
    await backfillInto(`${dir}/a`, fakes.rest.url);
    const config = configFor(`${dir}/b`, fakes.rest.url, fakes.ws.url);
    const r = await runStream(config, {
      rest: createSource(config),
      clock: () => fakes.ws.marketNowMs(),
      random: mulberry32(1),
      log: quiet,
    });
    equal(r.status, "closed");
    const a = await lakeHashes(`${dir}/a/lake`);
    const b = await lakeHashes(`${dir}/b/lake`);
    ok(Object.keys(a).length >= 5, `backfill wrote ${Object.keys(a).join(", ")}`);
    for (const k of Object.keys(a)) equal(b[k], a[k], `${k} differs`);
    deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
    ok(r.counters.events > 390 * 2, `only ${r.counters.events} events came over the socket`);
    equal(r.unfilled.length, 0);
  } finally {
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runStream() stops at once with StreamAuthError when the key is refused", async () => {
  const dir = await Deno.makeTempDir();
  const fakes = startFakes({ faults: { refuseAuth: true } });
  try {
    const config = configFor(dir, fakes.rest.url, fakes.ws.url);
    const t0 = performance.now();
    await rejects(
      runStream(config, {
        rest: createSource(config),
        clock: () => fakes.ws.marketNowMs(),
        random: mulberry32(1),
        log: quiet,
      }),
      (e: Error) => e instanceof StreamAuthError && /refused the API key/.test(e.message),
    );
    ok(performance.now() - t0 < 5000);
  } finally {
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runStream() waits before the open and stops cleanly on a signal while waiting", async () => {
  const dir = await Deno.makeTempDir();
  const fakes = startFakes();
  try {
    const config = configFor(dir, fakes.rest.url, fakes.ws.url);
    const openMs = session(DATE)!.openMs;
    const controller = new AbortController();
    const phases: string[] = [];
    const r = await runStream(config, {
      rest: createSource(config),
      clock: () => openMs - 30 * 60_000,
      random: mulberry32(1),
      log: quiet,
      signal: controller.signal,
      async sleep() {
        phases.push(JSON.parse(await Deno.readTextFile(`${dir}/stream/status.json`)).phase);
        controller.abort();
      },
    });
    equal(r.status, "interrupted");
    deepEqual(phases, ["waiting for the open"]);
    equal(fakes.ws.stats.connections, 0);
    equal(JSON.parse(await Deno.readTextFile(`${dir}/stream/status.json`)).phase, "interrupted");
  } finally {
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
});
