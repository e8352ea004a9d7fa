import assert from "node:assert/strict";
import { monthlyReturnsFigure } from "../../lib/report/mod.ts";

Deno.test("monthlyReturnsFigure() compounds month-end to month-end and totals each year", () => {
  // New York month ends: 2024-12-31 110, 2025-01-31 121, 2025-02-28 108.9; start 100.
  const ts = [
    Date.UTC(2024, 11, 2, 21),
    Date.UTC(2024, 11, 31, 21),
    Date.UTC(2025, 0, 31, 21),
    Date.UTC(2025, 1, 28, 21),
    Date.UTC(2025, 2, 1, 4), // 2025-02-28 23:00 in New York: still February
  ];
  const fig = monthlyReturnsFigure({ ts, equity: [100, 110, 121, 120, 108.9] });
  const hm = fig.data[0] as { x: string[]; y: string[]; z: (number | null)[][]; text: string[][] };
  assert.deepEqual(hm.y, ["2024", "2025"]);
  assert.equal(hm.x.length, 13);
  const r = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
  assert.deepEqual(hm.z[0].map(r), [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    10,
    10,
  ]);
  assert.deepEqual(hm.z[1].map(r), [
    10,
    -10,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    -1,
  ]);
  assert.deepEqual(hm.text[1].slice(0, 3), ["10.0%", "-10.0%", ""]);
});
