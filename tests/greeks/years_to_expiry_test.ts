import assert from "node:assert/strict";
import { ONE_MINUTE_YEARS, yearsToExpiry } from "../../lib/greeks/years_to_expiry.ts";
import { yearsToExpiryColumn } from "../../lib/greeks/years_to_expiry_column.ts";

const HOUR = 3_600_000;

Deno.test("yearsToExpiry() measures to 16:00 New York on the expiry date, 365-day year", () => {
  // Winter (EST, UTC−5): 16:00 = 21:00 UTC. One day before the close is 1/365.
  assert.equal(yearsToExpiry(Date.UTC(2025, 0, 16, 21), "2025-01-17"), 1 / 365);
  // Summer (EDT, UTC−4): 16:00 = 20:00 UTC.
  assert.equal(yearsToExpiry(Date.UTC(2025, 6, 17, 20), "2025-07-18"), 1 / 365);
  // Across the spring-forward weekend the wall clock loses an hour: Friday 09:30 EST to
  // the next Friday 16:00 EDT is 7 days + 6.5 h − 1 h.
  assert.equal(
    yearsToExpiry(Date.UTC(2025, 2, 7, 14, 30), "2025-03-14"),
    (7 * 24 + 5.5) * HOUR / (365 * 24 * HOUR),
  );
  // Across fall-back it gains one: Friday 2025-10-31 16:00 EDT to 2025-11-07 16:00 EST.
  assert.equal(
    yearsToExpiry(Date.UTC(2025, 9, 31, 20), "2025-11-07"),
    (7 * 24 + 1) / (365 * 24),
  );
});

Deno.test("yearsToExpiry() floors at one minute, including after the close", () => {
  const close = Date.UTC(2025, 0, 17, 21);
  assert.equal(yearsToExpiry(close - 60_000, "2025-01-17"), ONE_MINUTE_YEARS);
  assert.equal(yearsToExpiry(close - 30_000, "2025-01-17"), ONE_MINUTE_YEARS);
  assert.equal(yearsToExpiry(close + 10 * 60_000, "2025-01-17"), ONE_MINUTE_YEARS);
  assert.equal(yearsToExpiry(close - 2 * 60_000, "2025-01-17"), 2 * ONE_MINUTE_YEARS);
  assert.equal(ONE_MINUTE_YEARS, 1 / 525_600);
  assert.equal(yearsToExpiry(close, "2025-01-17", { minYears: 0 }), 0);
});

Deno.test("yearsToExpiry() rejects bad dates and timestamps with a clear message", () => {
  assert.throws(
    () => yearsToExpiry(0, "2025-02-30"),
    (e: Error) =>
      e instanceof RangeError && e.message.startsWith("Cannot compute years to expiry: ") &&
      e.message.includes("2025-02-30") && e.cause instanceof RangeError,
  );
  assert.throws(
    () => yearsToExpiry(NaN, "2025-01-17"),
    new RangeError("Cannot compute years to expiry: tsMs must be finite, got NaN"),
  );
});

Deno.test("yearsToExpiryColumn() matches yearsToExpiry row by row, one or many expiries", () => {
  const ts = [Date.UTC(2025, 0, 2, 15), Date.UTC(2025, 0, 2, 15, 1), Date.UTC(2025, 5, 2, 19)];
  const expiries = ["2025-01-17", "2025-03-21", "2025-06-20"];
  const many = yearsToExpiryColumn(ts, expiries);
  const one = yearsToExpiryColumn(ts, "2025-06-20");
  for (let i = 0; i < ts.length; i++) {
    assert.equal(many[i], yearsToExpiry(ts[i], expiries[i]));
    assert.equal(one[i], yearsToExpiry(ts[i], "2025-06-20"));
  }
  assert.throws(
    () => yearsToExpiryColumn(ts, ["2025-01-17"]),
    new RangeError("Cannot compute years to expiry: expiry has 1 rows but tsMs has 3"),
  );
  assert.throws(
    () => yearsToExpiryColumn([0, Infinity], "2025-01-17"),
    new RangeError("Cannot compute years to expiry: tsMs must be finite, got Infinity at row 1"),
  );
});

Deno.test("yearsToExpiry() ends AM-settled contracts at 09:30 and PM-settled at 16:00 on the expiry date", () => {
  // SPX monthly of 2024-04-19 (AM) and SPXW of the same day (PM), seen at 2024-04-18 10:00
  // New York (EDT, UTC-4): 23.5 hours and 30 hours, over a 365-day year.
  const ts = Date.UTC(2024, 3, 18, 14, 0);
  assert.equal(yearsToExpiry(ts, "2024-04-19", { settlement: "am" }), 23.5 / 8760);
  assert.equal(yearsToExpiry(ts, "2024-04-19", { settlement: "pm" }), 30 / 8760);
  assert.equal(yearsToExpiry(ts, "2024-04-19"), 30 / 8760);
  // On the expiry date after the open an AM contract has only the one-minute floor left.
  assert.equal(
    yearsToExpiry(Date.UTC(2024, 3, 19, 14, 0), "2024-04-19", { settlement: "am" }),
    1 / 525_600,
  );
  assert.deepEqual(
    Array.from(yearsToExpiryColumn([ts, ts + 1_800_000], "2024-04-19", { settlement: "am" })),
    [23.5 / 8760, 23 / 8760],
  );
});
