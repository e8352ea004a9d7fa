import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { isTradingDay } from "@lib/calendar/mod.ts";
import { listedExpiries } from "@lib/market/mod.ts";

Deno.test("listedExpiries() lists every trading day of the daily window, then monthlies", () => {
  assert.deepEqual(
    listedExpiries("2025-03-04", {
      horizonDays: 50,
      dailyHorizonDays: 7,
      weeklyHorizonDays: 0,
    }),
    [
      "2025-03-04",
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
      "2025-03-10",
      "2025-03-11",
      "2025-03-21", // third Friday of March
      "2025-04-17", // third Friday of April is Good Friday: Thursday
    ],
  );
});

Deno.test("listedExpiries() skips Good Friday and Thanksgiving among the dailies", () => {
  assert.deepEqual(listedExpiries("2025-04-16", { horizonDays: 6 }), [
    "2025-04-16",
    "2025-04-17",
    "2025-04-21",
    "2025-04-22",
  ]);
  assert.deepEqual(listedExpiries("2025-11-25", { horizonDays: 6 }), [
    "2025-11-25",
    "2025-11-26",
    "2025-11-28",
    "2025-12-01",
  ]);
});

Deno.test("listedExpiries() moves monthlies on holidays back a day and drops past ones", () => {
  const monthlies = listedExpiries("2026-05-20", {
    horizonDays: 60,
    dailyHorizonDays: 0,
    weeklyHorizonDays: 0,
  });
  assert.deepEqual(monthlies, ["2026-05-20", "2026-06-18", "2026-07-17"]); // Juneteenth 06-19
  assert.deepEqual(listedExpiries("2025-04-17", { horizonDays: 0 }), ["2025-04-17"]);
  assert.deepEqual(
    listedExpiries("2025-04-14", {
      horizonDays: 3,
      dailyHorizonDays: 0,
      weeklyHorizonDays: 0,
    }),
    [
      "2025-04-14",
      "2025-04-17",
    ],
  );
});

// Real SPY chains (QuantConnect LEAN universes, Apache-2.0; shared/data/lean/SOURCES.md):
// every real expiry inside our daily window, and every real third-Friday monthly, must be
// in the simulated listing; every real expiry must be a trading day.
const UNIVERSES = new URL("../../../shared/data/lean/option_universes_iv_greeks/", import.meta.url);

Deno.test("listedExpiries() contains the dailies and monthlies of real SPY chains 2023-12..2024-01", () => {
  const files = readdirSync(UNIVERSES).filter((f) => f.startsWith("option_spy_"));
  assert.equal(files.length, 8);
  let checked = 0;
  for (const f of files) {
    const d = f.slice(11, 19);
    const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    const rows = readFileSync(new URL(f, UNIVERSES), "utf8").trim().split("\n").slice(2);
    const expiries = [...new Set(rows.map((r) => r.split(",")[0]))]
      .map((e) => `${e.slice(0, 4)}-${e.slice(4, 6)}-${e.slice(6, 8)}`);
    const listed = new Set(listedExpiries(date, { horizonDays: 1100, dailyHorizonDays: 21 }));
    for (const e of expiries) {
      assert.ok(isTradingDay(e), `${e} is a trading day`);
      const days = (Date.parse(e) - Date.parse(date)) / 86_400_000;
      const day = Number(e.slice(8, 10));
      const isThirdFriday = new Date(`${e}T00:00:00Z`).getUTCDay() === 5 && day >= 15 && day <= 21;
      if (days <= 21 || isThirdFriday) {
        assert.ok(listed.has(e), `${date}: real expiry ${e} is listed`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `checked ${checked} expiries`);
});

Deno.test("listedExpiries() rejects non-trading dates, bad horizons and horizons past 2035", () => {
  assert.throws(() => listedExpiries("2025-04-18"), {
    name: "RangeError",
    message: "Cannot list expiries: 2025-04-18 is not a trading day",
  });
  assert.throws(() => listedExpiries("2025-03-04", { horizonDays: -1 }), {
    name: "RangeError",
    message: "Cannot list expiries: horizonDays must be an integer >= 0, got -1",
  });
  assert.throws(() => listedExpiries("2025-03-04", { dailyHorizonDays: 2.5 }), {
    name: "RangeError",
    message: "Cannot list expiries: dailyHorizonDays must be an integer >= 0, got 2.5",
  });
  assert.throws(() => listedExpiries("2035-12-03", { horizonDays: 60 }), {
    name: "RangeError",
    message:
      "Cannot list expiries: 2035-12-03 + 60 days runs past 2035-12-31, the end of the calendar",
  });
  assert.deepEqual(
    listedExpiries("2027-12-01", {
      horizonDays: 30,
      dailyHorizonDays: 0,
      weeklyHorizonDays: 0,
    }),
    [
      "2027-12-01",
      "2027-12-17",
    ],
  );
});

Deno.test("listedExpiries() lists Friday weeklies, on Thursday when Friday is a holiday", () => {
  // From Thursday 2024-03-14, weeklies for 30 days: 03-15 (also the monthly), 03-22, Good
  // Friday 03-29 moved to Thursday 03-28, 04-05, 04-12; a daily cycle lists its 0DTE too.
  assert.deepEqual(
    listedExpiries("2024-03-14", { horizonDays: 30, dailyHorizonDays: 0, weeklyHorizonDays: 30 }),
    ["2024-03-14", "2024-03-15", "2024-03-22", "2024-03-28", "2024-04-05", "2024-04-12"],
  );
  assert.deepEqual(
    listedExpiries("2024-03-14", { horizonDays: 30, weeklyHorizonDays: 30, cycle: "weekly" }),
    ["2024-03-15", "2024-03-22", "2024-03-28", "2024-04-05", "2024-04-12"],
  );
});

Deno.test("listedExpiries() with cycle monthly lists the third Fridays only", () => {
  assert.deepEqual(listedExpiries("2024-03-14", { horizonDays: 70, cycle: "monthly" }), [
    "2024-03-15",
    "2024-04-19",
    "2024-05-17",
  ]);
  assert.throws(() => listedExpiries("2024-03-14", { cycle: "hourly" as "daily" }), {
    name: "RangeError",
    message: 'Cannot list expiries: cycle must be daily, weekly or monthly, got "hourly"',
  });
});
