import assert from "node:assert/strict";
import { formatNyTime } from "@lib/calendar/mod.ts";

Deno.test("formatNyTime() writes New York wall-clock time across both DST changes", () => {
  // 2025: EST until 2025-03-09 07:00 UTC, EDT until 2025-11-02 06:00 UTC
  assert.equal(formatNyTime(Date.UTC(2025, 2, 7, 14, 30)), "2025-03-07 09:30");
  assert.equal(formatNyTime(Date.UTC(2025, 2, 10, 13, 30)), "2025-03-10 09:30");
  assert.equal(formatNyTime(Date.UTC(2025, 2, 9, 6, 59)), "2025-03-09 01:59");
  assert.equal(formatNyTime(Date.UTC(2025, 2, 9, 7, 0)), "2025-03-09 03:00");
  assert.equal(formatNyTime(Date.UTC(2025, 10, 3, 20, 59, 59, 999)), "2025-11-03 15:59");
  assert.equal(formatNyTime(Date.UTC(2025, 0, 1, 4, 59)), "2024-12-31 23:59");
});

Deno.test("formatNyTime() rejects a non-finite instant", () => {
  assert.throws(() => formatNyTime(NaN), RangeError);
});
