import assert from "node:assert/strict";
import { session } from "@lib/calendar/mod.ts";

const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

Deno.test("session() opens 13:30 UTC in EDT and 14:30 UTC in EST around the March switch", () => {
  assert.deepEqual(session("2025-03-10"), {
    date: "2025-03-10",
    openMs: utc(2025, 3, 10, 13, 30),
    closeMs: utc(2025, 3, 10, 20),
    earlyClose: false,
    minutes: 390,
  });
  assert.deepEqual(session("2025-03-07"), {
    date: "2025-03-07",
    openMs: utc(2025, 3, 7, 14, 30),
    closeMs: utc(2025, 3, 7, 21),
    earlyClose: false,
    minutes: 390,
  });
});

Deno.test("session() opens 14:30 UTC after the November switch and 13:30 UTC before it", () => {
  assert.equal(session("2025-11-03")?.openMs, utc(2025, 11, 3, 14, 30));
  assert.equal(session("2025-10-31")?.openMs, utc(2025, 10, 31, 13, 30));
});

Deno.test("session() closes at 13:00 New York on the 2025 early-close days", () => {
  assert.deepEqual(session("2025-07-03"), {
    date: "2025-07-03",
    openMs: utc(2025, 7, 3, 13, 30),
    closeMs: utc(2025, 7, 3, 17),
    earlyClose: true,
    minutes: 210,
  });
  assert.equal(session("2025-11-28")?.closeMs, utc(2025, 11, 28, 18));
  assert.equal(session("2025-11-28")?.minutes, 210);
  assert.equal(session("2025-12-24")?.closeMs, utc(2025, 12, 24, 18));
  assert.equal(session("2025-12-24")?.earlyClose, true);
});

Deno.test("session() trades a full day on 2026-07-02 before the observed Independence Day", () => {
  assert.equal(session("2026-07-03"), null);
  assert.equal(session("2026-07-02")?.minutes, 390);
  assert.equal(session("2026-07-02")?.earlyClose, false);
});

Deno.test("session() is null on holidays, special closures and weekends", () => {
  for (const d of ["2025-01-09", "2025-04-18", "2018-12-05", "2022-06-20", "2025-11-27"]) {
    assert.equal(session(d), null, d);
  }
  assert.equal(session("2025-03-08"), null);
  assert.equal(session("2025-03-09"), null);
});

Deno.test("session() rejects malformed dates and dates outside 1990-2035", () => {
  assert.throws(() => session("2025-13-01"), {
    name: "RangeError",
    message:
      'Cannot get session: expected a real calendar date in the form YYYY-MM-DD, got "2025-13-01"',
  });
  assert.throws(() => session("2036-01-02"), {
    name: "RangeError",
    message:
      "Cannot get session: 2036-01-02 is outside the supported NYSE calendar range 1990-01-01..2035-12-31",
  });
});
