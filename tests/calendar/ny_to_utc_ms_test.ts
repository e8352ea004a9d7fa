import assert from "node:assert/strict";
import { nyClock, nyToUtcMs } from "@lib/calendar/mod.ts";
import { mulberry32 } from "@lib/random/mod.ts";

Deno.test("nyToUtcMs() uses EDT after the March switch and EST before it", () => {
  assert.equal(nyToUtcMs("2025-03-10", 9, 30), Date.UTC(2025, 2, 10, 13, 30));
  assert.equal(nyToUtcMs("2025-03-07", 9, 30), Date.UTC(2025, 2, 7, 14, 30));
});

Deno.test("nyToUtcMs() uses EST after the November switch and EDT before it", () => {
  assert.equal(nyToUtcMs("2025-11-03", 9, 30), Date.UTC(2025, 10, 3, 14, 30));
  assert.equal(nyToUtcMs("2025-10-31", 9, 30), Date.UTC(2025, 9, 31, 13, 30));
});

Deno.test("nyToUtcMs() defaults minute to 0", () => {
  assert.equal(nyToUtcMs("2025-06-02", 16), Date.UTC(2025, 5, 2, 20, 0));
});

Deno.test("nyToUtcMs() moves a skipped spring-forward time one hour later", () => {
  // 02:30 does not exist on 2025-03-09; read as 02:30 EST = 03:30 EDT = 07:30 UTC.
  assert.equal(nyToUtcMs("2025-03-09", 2, 30), Date.UTC(2025, 2, 9, 7, 30));
  assert.equal(nyToUtcMs("2025-03-09", 1, 59), Date.UTC(2025, 2, 9, 6, 59));
  assert.equal(nyToUtcMs("2025-03-09", 3, 0), Date.UTC(2025, 2, 9, 7, 0));
});

Deno.test("nyToUtcMs() takes the first (EDT) reading of a repeated fall-back time", () => {
  assert.equal(nyToUtcMs("2025-11-02", 1, 30), Date.UTC(2025, 10, 2, 5, 30));
  assert.equal(nyToUtcMs("2025-11-02", 2, 0), Date.UTC(2025, 10, 2, 7, 0));
  assert.equal(nyToUtcMs("2025-11-02", 0, 59), Date.UTC(2025, 10, 2, 4, 59));
});

Deno.test("nyToUtcMs() follows the pre-2007 rule (first Sunday of April)", () => {
  assert.equal(nyToUtcMs("2006-04-01", 12), Date.UTC(2006, 3, 1, 17)); // EST, Saturday
  assert.equal(nyToUtcMs("2006-04-03", 12), Date.UTC(2006, 3, 3, 16)); // EDT, Monday
  assert.equal(nyToUtcMs("2006-10-30", 12), Date.UTC(2006, 9, 30, 17)); // EST after Oct 29
});

Deno.test("nyToUtcMs() inverts nyClock() on 20 000 random minutes 1970-2099", () => {
  const rand = mulberry32(7);
  const min = Date.UTC(1970, 0, 1, 5) / 60_000;
  const max = Date.UTC(2100, 0, 1, 5) / 60_000;
  for (let i = 0; i < 20_000; i++) {
    const ts = Math.floor(min + rand() * (max - min)) * 60_000;
    const c = nyClock(ts);
    const back = nyToUtcMs(c.date, c.hour, c.minute);
    // Only the second pass through a repeated fall-back hour maps to its first pass.
    if (back !== ts) assert.equal(back, ts - 3_600_000, new Date(ts).toISOString());
    else assert.equal(back, ts);
  }
});

Deno.test("nyToUtcMs() rejects malformed dates, out-of-range years and bad clock values", () => {
  assert.throws(() => nyToUtcMs("2025-02-30", 9), {
    name: "RangeError",
    message: "Cannot convert New York time to UTC: expected a real calendar date in the form " +
      'YYYY-MM-DD, got "2025-02-30"',
  });
  assert.throws(() => nyToUtcMs("1969-12-31", 9), {
    name: "RangeError",
    message: "Cannot convert New York time to UTC: 1969-12-31 is outside the supported range " +
      "1970-01-01..2099-12-31",
  });
  assert.throws(() => nyToUtcMs("2025-01-02", 24), {
    name: "RangeError",
    message: "Cannot convert New York time to UTC: hour must be an integer 0-23, got 24",
  });
  assert.throws(() => nyToUtcMs("2025-01-02", 9, 30.5), {
    name: "RangeError",
    message: "Cannot convert New York time to UTC: minute must be an integer 0-59, got 30.5",
  });
});
