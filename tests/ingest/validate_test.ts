import assert from "node:assert/strict";
import { cleanBars } from "@lib/ingest/mod.ts";
import type { MinuteBar } from "@lib/market/mod.ts";

const W = { startMs: 0, endMs: 5 * 60_000 };
const bar = (minute: number, over: Partial<MinuteBar> = {}): MinuteBar => ({
  ts: minute * 60_000,
  open: 10,
  high: 11,
  low: 9,
  close: 10.5,
  volume: 100,
  vwap: 10.2,
  trades: 5,
  ...over,
});

Deno.test("cleanBars() sorts by ts and drops exact duplicates silently", () => {
  const out = cleanBars([bar(3), bar(1), bar(2), bar(1), bar(0)], W);
  assert.deepEqual(out.bars.map((b) => b.ts / 60_000), [0, 1, 2, 3]);
  assert.deepEqual(out.quarantine, []);
});

Deno.test("cleanBars() keeps the first of conflicting duplicates and quarantines the others", () => {
  const later = bar(1, { close: 10.7, high: 11 });
  const out = cleanBars([bar(1), bar(2), later, bar(1, { volume: 7 })], W);
  assert.deepEqual(out.bars, [bar(1), bar(2)]);
  assert.deepEqual(out.quarantine, [
    { reason: "conflicting duplicate of ts 60000", row: later },
    { reason: "conflicting duplicate of ts 60000", row: bar(1, { volume: 7 }) },
  ]);
});

Deno.test("cleanBars() quarantines each broken invariant with its reason", () => {
  const cases: [Partial<MinuteBar>, string][] = [
    [{ high: 10.4 }, "high 10.4 < max(open, close) 10.5"],
    [{ low: 10.1 }, "low 10.1 > min(open, close) 10"],
    [{ open: 0 }, "open 0 is not a positive price"],
    [{ close: NaN }, "close NaN is not a positive price"],
    [{ low: -1 }, "low -1 is not a positive price"],
    [{ volume: -5 }, "volume -5 is negative or not a number"],
    [{ volume: NaN }, "volume NaN is negative or not a number"],
    [{ trades: -1 }, "trades -1 is negative"],
    [{ vwap: 0 }, "vwap 0 is not a positive price"],
    [{ ts: 90_000 }, "ts 90000 is not on a whole minute"],
    [{ ts: -60_000 }, "ts 1969-12-31T23:59:00.000Z is outside the session"],
    [{ ts: 5 * 60_000 }, "ts 1970-01-01T00:05:00.000Z is outside the session"],
  ];
  for (const [over, reason] of cases) {
    const out = cleanBars([bar(0), bar(1, over)], W);
    assert.deepEqual(out.bars, [bar(0)], reason);
    assert.deepEqual(out.quarantine, [{ reason, row: bar(1, over) }]);
  }
});

Deno.test("cleanBars() accepts what real data has: vwap outside [low, high], null volume, last minute", () => {
  const odd = [
    bar(0, { vwap: 12 }), // Polygon's vw can fall outside the bar's range
    bar(1, { volume: null, vwap: null, trades: null }), // an index
    bar(4, { volume: 0 }),
  ];
  assert.deepEqual(cleanBars(odd, W), { bars: odd, quarantine: [] });
});
