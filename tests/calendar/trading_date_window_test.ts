import assert from "node:assert/strict";
import { tradingDateWindow } from "../../lib/calendar/mod.ts";
import { ConfigSchema } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

Deno.test("tradingDateWindow() of the calendar's first trading date starts at New Year's midnight in New York", () => {
  // 2014-12-31 was a full session, so 2015-01-02's window opens when 2015-01-01 begins (EST)
  assert.deepEqual(tradingDateWindow("2015-01-02"), {
    startMs: Date.UTC(2015, 0, 1, 5),
    endMs: Date.UTC(2015, 0, 3, 5),
  });
  assert.deepEqual(tradingDateWindow("2015-01-05"), {
    startMs: Date.UTC(2015, 0, 3, 5),
    endMs: Date.UTC(2015, 0, 6, 5),
  });
});

Deno.test("a simulated news backfill of 2015-01-02, the calendar's first day, writes its partition", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-first-day-" });
  try {
    const r = await backfill(
      ConfigSchema.parse({
        data: { dir },
        backfill: { datasets: ["news"], from: "2015-01-02", to: "2015-01-02" },
      }),
      {
        source: createSimSource({ seed: 42 }),
        command: ["test"],
        log: createLogger({ level: "error", write: () => {} }),
      },
    );
    assert.deepEqual(r.summary.failures, []);
    assert.equal(r.summary.written, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
