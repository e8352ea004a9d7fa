import assert from "node:assert/strict";
import {
  holidays,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  tradingDays,
} from "@lib/calendar/mod.ts";

Deno.test("tradingDays() is inclusive at both ends and skips Thanksgiving", () => {
  assert.deepEqual(tradingDays("2025-11-24", "2025-12-01"), [
    "2025-11-24",
    "2025-11-25",
    "2025-11-26",
    "2025-11-28",
    "2025-12-01",
  ]);
});

Deno.test("tradingDays() is empty when from is after to or the span has no session", () => {
  assert.deepEqual(tradingDays("2025-01-10", "2025-01-02"), []);
  assert.deepEqual(tradingDays("2025-04-18", "2025-04-20"), []);
});

Deno.test("tradingDays() counts 250 sessions in 2025 and weekdays minus closures in every year", () => {
  assert.equal(tradingDays("2025-01-01", "2025-12-31").length, 250);
  let total = 0;
  for (let y = 2015; y <= 2027; y++) {
    const days = tradingDays(`${y}-01-01`, `${y}-12-31`);
    let weekdays = 0;
    for (let t = Date.UTC(y, 0, 1); t <= Date.UTC(y, 11, 31); t += 86_400_000) {
      const wd = new Date(t).getUTCDay();
      if (wd !== 0 && wd !== 6) weekdays++;
    }
    const closed = holidays(y).filter((h) => h.kind === "closed").length;
    assert.equal(days.length, weekdays - closed, `${y}`);
    assert.ok(days.every(isTradingDay));
    total += days.length;
  }
  assert.equal(total, tradingDays("2015-01-01", "2027-12-31").length);
});

Deno.test("nextTradingDay() steps over weekends, Good Friday and Thanksgiving", () => {
  assert.equal(nextTradingDay("2025-03-07"), "2025-03-10");
  assert.equal(nextTradingDay("2025-03-08"), "2025-03-10"); // from a Saturday
  assert.equal(nextTradingDay("2025-04-17"), "2025-04-21");
  assert.equal(nextTradingDay("2025-11-26"), "2025-11-28");
  assert.equal(nextTradingDay("2025-11-26", 3), "2025-12-02");
  assert.equal(nextTradingDay("2025-01-08"), "2025-01-10");
});

Deno.test("previousTradingDay() steps back over holidays and is strictly before the date", () => {
  assert.equal(previousTradingDay("2025-03-10"), "2025-03-07");
  assert.equal(previousTradingDay("2025-04-21"), "2025-04-17");
  assert.equal(previousTradingDay("2025-04-18"), "2025-04-17"); // from the holiday itself
  assert.equal(previousTradingDay("2025-11-28"), "2025-11-26");
  assert.equal(previousTradingDay("2025-01-02", 2), "2024-12-30");
});

Deno.test("nextTradingDay() and previousTradingDay() invert each other on trading days", () => {
  for (const d of tradingDays("2024-01-02", "2024-12-31")) {
    assert.equal(previousTradingDay(nextTradingDay(d, 5), 5), d);
  }
});

Deno.test("nextTradingDay() and previousTradingDay() reject bad n and results past the range", () => {
  assert.throws(() => nextTradingDay("2025-01-02", 0), {
    name: "RangeError",
    message: "Cannot find next trading day: n must be an integer >= 1, got 0",
  });
  assert.throws(() => previousTradingDay("2025-01-02", 1.5), {
    name: "RangeError",
    message: "Cannot find previous trading day: n must be an integer >= 1, got 1.5",
  });
  assert.throws(() => nextTradingDay("2035-12-31"), {
    name: "RangeError",
    message: "Cannot find next trading day: 1 trading day(s) after 2035-12-31 is outside the " +
      "supported NYSE calendar range 1990-01-01..2035-12-31",
  });
  assert.throws(() => previousTradingDay("1990-01-02"), RangeError);
  assert.equal(previousTradingDay("2015-01-05"), "2015-01-02");
});
