import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isTradingDay, tradingDays } from "@lib/calendar/mod.ts";

// Real SPY daily bars (QuantConnect LEAN data, Apache-2.0; see shared/data/lean/SOURCES.md):
// every NYSE session from 2015-01-02 to 2021-03-31 has exactly one bar.
const SPY_DAILY = new URL(
  "../../../shared/data/lean/equity_daily/spy_daily_unadjusted.csv",
  import.meta.url,
);

Deno.test("isTradingDay() matches the dates of real SPY daily bars 2015-01-01..2021-03-31", () => {
  const barDates = readFileSync(SPY_DAILY, "utf8").trim().split("\n").slice(1)
    .map((line) => line.slice(0, 10))
    .filter((d) => d >= "2015-01-01");
  assert.equal(barDates.length, 1572);
  assert.deepEqual(tradingDays("2015-01-01", "2021-03-31"), barDates);
});

Deno.test("isTradingDay() knows the key closures and openings", () => {
  const expected: [string, boolean][] = [
    ["2025-01-09", false], // National Day of Mourning, President Carter
    ["2025-04-18", false], // Good Friday
    ["2018-12-05", false], // National Day of Mourning, President G. H. W. Bush
    ["2022-06-20", false], // Juneteenth observed (June 19 was a Sunday)
    ["2021-06-18", true], // Juneteenth was not yet an NYSE holiday in 2021
    ["2021-12-31", true], // New Year's Day 2022 on a Saturday: no Friday closure
    ["2026-07-03", false], // Independence Day observed
    ["2027-06-18", false], // Juneteenth observed (June 19 is a Saturday)
    ["2027-12-24", false], // Christmas observed (December 25 is a Saturday)
    ["2025-07-03", true], // early close, still a trading day
    ["2025-03-08", false], // Saturday
  ];
  for (const [date, open] of expected) assert.equal(isTradingDay(date), open, date);
});

Deno.test("isTradingDay() rejects bad and out-of-range dates with the value in the message", () => {
  for (const bad of ["2025-13-01", "2025-02-30", "abc", "2025-1-02", " 2025-01-02"]) {
    assert.throws(() => isTradingDay(bad), {
      name: "RangeError",
      message: "Cannot check trading day: expected a real calendar date in the form YYYY-MM-DD, " +
        `got ${JSON.stringify(bad)}`,
    });
  }
  assert.throws(() => isTradingDay("1989-12-29"), {
    name: "RangeError",
    message: "Cannot check trading day: 1989-12-29 is outside the supported NYSE calendar range " +
      "1990-01-01..2035-12-31",
  });
});
