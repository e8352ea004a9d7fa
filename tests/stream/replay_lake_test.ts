import { deepEqual, equal } from "node:assert/strict";
import { session } from "../../lib/calendar/mod.ts";
import { loadConfig } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/mod.ts";
import { replayLake } from "../../lib/stream/mod.ts";

const DATE = "2025-03-04";

Deno.test("replayLake() replays the lake's minutes in order across datasets, paced and capped", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const config = loadConfig({
      overrides: {
        data: { dir },
        backfill: { from: DATE, to: DATE, symbols: ["SPY"], indices: ["I:VIX"] },
      },
    });
    const sim = createSimSource({ seed: 5 });
    await backfill(config, { source: sim, command: [], log: createLogger({ level: "error" }) });
    const waits: number[] = [];
    const minutes = [];
    for await (
      const m of replayLake({
        root: `${dir}/lake`,
        from: DATE,
        to: DATE,
        speed: 120,
        maxGapMs: 400,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      })
    ) minutes.push(m);
    const s = session(DATE)!;
    const spy = await sim.minuteBars("SPY", DATE);
    const vix = await sim.minuteBars("I:VIX", DATE);
    equal(minutes[0].endMs, s.openMs + 60_000);
    equal(minutes.at(-1)!.endMs, s.closeMs);
    // Every bar once, as the events the runner receives, tickers sorted within a minute.
    equal(minutes.reduce((n, m) => n + m.events.length, 0), spy.length + vix.length);
    deepEqual(minutes[0].events.map((e) => e.ticker), ["I:VIX", "SPY"]);
    deepEqual(minutes[0].events[1].bar, spy[0]);
    deepEqual(minutes[5].events.find((e) => e.ticker === "I:VIX")!.bar, vix[5]);
    // One minute apart at speed 120 is 500 ms, capped at 400.
    equal(waits.length, minutes.length - 1);
    equal(waits.every((w) => w === 400), true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
