import assert from "node:assert/strict";
import { nyClock, nyDate } from "@lib/calendar/mod.ts";
import { intlClock } from "./_intl.ts";
import { mulberry32 } from "@lib/random/mod.ts";

const MIN_MS = Date.UTC(1970, 0, 1, 5);
const MAX_MS = Date.UTC(2100, 0, 1, 5);

Deno.test("nyClock() and nyDate() agree with Intl on 20 000 random instants 1970-2099", () => {
  const rand = mulberry32(20250304);
  for (let i = 0; i < 20_000; i++) {
    const ts = Math.floor(MIN_MS + rand() * (MAX_MS - MIN_MS));
    const want = intlClock(ts);
    assert.deepEqual(nyClock(ts), want, `instant ${ts} (${new Date(ts).toISOString()})`);
    assert.equal(nyDate(ts), want.date);
  }
});

Deno.test("nyClock() agrees with Intl minute by minute around every DST switch 2015-2027", () => {
  for (let year = 2015; year <= 2027; year++) {
    for (const month of [2, 10]) { // March and November, searched for the switch
      const start = Date.UTC(year, month, 1);
      for (let ts = start; ts < start + 14 * 86_400_000; ts += 15 * 60_000) {
        assert.deepEqual(nyClock(ts), intlClock(ts), new Date(ts).toISOString());
      }
    }
  }
});

Deno.test("nyClock() reads the spring-forward and fall-back instants exactly", () => {
  // 2025-03-09 06:59 UTC is 01:59 EST; one minute later it is 03:00 EDT.
  assert.equal(nyClock(Date.UTC(2025, 2, 9, 6, 59)).minuteOfDay, 119);
  assert.equal(nyClock(Date.UTC(2025, 2, 9, 7, 0)).minuteOfDay, 180);
  // 2025-11-02 05:59 UTC is 01:59 EDT; one minute later it is 01:00 EST again.
  assert.equal(nyClock(Date.UTC(2025, 10, 2, 5, 59)).minuteOfDay, 119);
  assert.equal(nyClock(Date.UTC(2025, 10, 2, 6, 0)).minuteOfDay, 60);
});

Deno.test("nyClock() drops seconds, and nyDate() accepts the first supported instant", () => {
  assert.deepEqual(nyClock(Date.UTC(2025, 0, 2, 14, 30, 59, 999)), {
    date: "2025-01-02",
    hour: 9,
    minute: 30,
    minuteOfDay: 570,
    weekday: 4,
  });
  assert.equal(nyDate(Date.UTC(1970, 0, 1, 5)), "1970-01-01");
});

Deno.test("nyDate() returns the New York date, not the UTC date, in the evening", () => {
  assert.equal(nyDate(Date.UTC(2025, 0, 1, 4, 59)), "2024-12-31");
  assert.equal(nyDate(Date.UTC(2025, 0, 1, 5, 0)), "2025-01-01");
  assert.equal(nyDate(Date.UTC(2025, 6, 1, 3, 59)), "2025-06-30");
  assert.equal(nyDate(Date.UTC(2025, 6, 1, 4, 0)), "2025-07-01");
  // The per-call cache must not leak a previous answer.
  assert.equal(nyDate(Date.UTC(2025, 6, 1, 4, 0) - 1), "2025-06-30");
});

Deno.test("nyDate() and nyClock() reject NaN and instants outside 1970-2099", () => {
  for (const ts of [NaN, Infinity, Date.UTC(1970, 0, 1, 4, 59), Date.UTC(2100, 0, 1, 5)]) {
    assert.throws(() => nyDate(ts), {
      name: "RangeError",
      message: "Cannot compute New York date: tsMs must be a UTC epoch ms within New York " +
        `years 1970-2099, got ${ts}`,
    });
    assert.throws(() => nyClock(ts), RangeError);
  }
});
