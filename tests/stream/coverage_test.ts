import { deepEqual } from "node:assert/strict";
import { Coverage } from "../../lib/stream/_coverage.ts";
import { backoffDelayMs } from "../../lib/stream/mod.ts";

const row = (kind: "up" | "beat" | "down" | "filled", ts: number, toMs = NaN) => ({
  kind,
  ts,
  toMs,
});

Deno.test("Coverage.gaps() are the stretches no live span or fill covers", () => {
  const c = new Coverage();
  c.apply(row("up", 100));
  c.apply(row("beat", 200));
  c.apply(row("down", 250));
  c.apply(row("up", 400));
  c.apply(row("beat", 450));
  c.segmentEnd(); // killed: covered to the last beat only
  c.apply(row("filled", 0, 100));
  c.apply(row("up", 700));
  deepEqual(c.gaps(0, 1000), [{ fromMs: 250, toMs: 400 }, { fromMs: 450, toMs: 700 }]);
});

Deno.test("backoffDelayMs() doubles to its cap with equal jitter", () => {
  const o = { baseMs: 100, maxMs: 1000 };
  deepEqual([0, 1, 2, 3, 4, 9].map((a) => backoffDelayMs(a, { ...o, random: () => 0 })), [
    50,
    100,
    200,
    400,
    500,
    500,
  ]);
  deepEqual(backoffDelayMs(2, { ...o, random: () => 0.999 }) < 400, true);
  deepEqual(backoffDelayMs(2, { ...o, random: () => 0.5 }), 300);
});
