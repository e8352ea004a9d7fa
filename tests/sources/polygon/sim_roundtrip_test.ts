import { deepEqual, equal } from "node:assert/strict";
import { createSimSource } from "../../../lib/sources/sim/mod.ts";
import { startFakePolygon } from "../../../lib/sources/polygon/mod.ts";
import { testSource } from "./_harness.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-03";

Deno.test("the simulator's bars, chain and news come back unchanged through the Polygon wire format", async () => {
  const fake = startFakePolygon({ provider: sim, seed: 42 });
  try {
    const { source } = testSource(fake.url, { pageLimit: 100, rateLimitPerMinute: 60_000 });
    deepEqual(await source.minuteBars("SPY", DATE), await sim.minuteBars("SPY", DATE));
    deepEqual(await source.minuteBars("I:VIX", DATE), await sim.minuteBars("I:VIX", DATE));
    const chain = await sim.optionContracts("SPY", DATE, { strikeMin: 550, strikeMax: 600 });
    const byTicker = [...chain].sort((a, b) => a.ticker < b.ticker ? -1 : 1);
    deepEqual(
      await source.optionContracts("SPY", DATE, { strikeMin: 550, strikeMax: 600 }),
      byTicker,
    );
    const option = byTicker[Math.floor(byTicker.length / 2)].ticker;
    const optionBars = await sim.minuteBars(option, DATE);
    deepEqual(await source.minuteBars(option, DATE), optionBars);
    const news = await sim.news("SPY", DATE);
    deepEqual(
      await source.news("SPY", DATE),
      [...news].sort((a, b) => a.publishedMs - b.publishedMs),
    );
    equal(fake.stats.byStatus[200], fake.stats.requests);
  } finally {
    await fake.close();
  }
});
