import assert from "node:assert/strict";
import { EXPIRY_CONVENTIONS, type ExpiryConvention, selectExpiry } from "@lib/market/mod.ts";

const pick = (date: string, convention: ExpiryConvention) => selectExpiry({ date, convention });

Deno.test("selectExpiry() same_day is the date itself (0DTE)", () => {
  assert.equal(pick("2025-03-04", "same_day"), "2025-03-04");
  assert.equal(pick("2025-11-28", "same_day"), "2025-11-28"); // early close still expires
});

Deno.test("selectExpiry() next_trading_day crosses weekends and holidays", () => {
  assert.equal(pick("2025-03-07", "next_trading_day"), "2025-03-10"); // Friday -> Monday
  assert.equal(pick("2025-04-17", "next_trading_day"), "2025-04-21"); // over Good Friday
  assert.equal(pick("2025-11-26", "next_trading_day"), "2025-11-28"); // over Thanksgiving
});

Deno.test("selectExpiry() next_friday is this week's Friday, today when today is Friday", () => {
  assert.equal(pick("2025-03-03", "next_friday"), "2025-03-07");
  assert.equal(pick("2025-03-07", "next_friday"), "2025-03-07");
  assert.equal(pick("2025-11-24", "next_friday"), "2025-11-28"); // Thanksgiving week
  assert.equal(pick("2025-11-26", "next_friday"), "2025-11-28");
});

Deno.test("selectExpiry() next_friday moves a Good Friday expiry to Thursday", () => {
  assert.equal(pick("2025-04-14", "next_friday"), "2025-04-17");
  assert.equal(pick("2025-04-17", "next_friday"), "2025-04-17");
  assert.equal(pick("2026-07-01", "next_friday"), "2026-07-02"); // Independence Day observed
});

Deno.test("selectExpiry() fixed takes the date, moved back to a trading day", () => {
  const fixed = (date: string, f: string) => selectExpiry({ date, convention: "fixed", fixed: f });
  assert.equal(fixed("2025-03-04", "2025-03-21"), "2025-03-21");
  assert.equal(fixed("2025-04-14", "2025-04-18"), "2025-04-17"); // Good Friday
  assert.equal(fixed("2025-11-24", "2025-11-27"), "2025-11-26"); // Thanksgiving
  assert.equal(fixed("2025-03-04", "2025-03-08"), "2025-03-07"); // Saturday
  assert.equal(fixed("2025-03-04", "2025-03-04"), "2025-03-04");
});

Deno.test("selectExpiry() nearest_listed takes the earliest listed date on or after the date", () => {
  const listed = ["2025-03-21", "2025-03-05", "2025-03-04", "2025-03-03"];
  const near = (date: string) => selectExpiry({ date, convention: "nearest_listed", listed });
  assert.equal(near("2025-03-04"), "2025-03-04");
  assert.equal(near("2025-03-06"), "2025-03-21");
});

Deno.test("selectExpiry() ignores fixed and listed for conventions that do not use them", () => {
  assert.equal(
    selectExpiry({ date: "2025-03-04", convention: "same_day", fixed: "bad", listed: ["x"] }),
    "2025-03-04",
  );
});

Deno.test("selectExpiry() returns a trading day on or after the date for every convention", () => {
  const listed = ["2025-12-31", "2026-01-16"];
  const fixed = "2026-01-02";
  for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (!tradesOn(date)) continue;
    for (const convention of EXPIRY_CONVENTIONS) {
      const e = selectExpiry({ date, convention, fixed, listed });
      assert.ok(e >= date && tradesOn(e), `${date} ${convention} -> ${e}`);
    }
  }
});

function tradesOn(date: string): boolean {
  try {
    return selectExpiry({ date, convention: "same_day" }) === date;
  } catch {
    return false;
  }
}

Deno.test("selectExpiry() rejects non-trading dates, unknown conventions and missing inputs", () => {
  assert.throws(() => pick("2025-04-18", "same_day"), {
    name: "RangeError",
    message: "Cannot select expiry: 2025-04-18 is not a trading day",
  });
  assert.throws(() => pick("2025-03-04", "weekly" as ExpiryConvention), {
    name: "RangeError",
    message: "Cannot select expiry: convention must be one of same_day, next_trading_day, " +
      'next_friday, fixed, nearest_listed, got "weekly"',
  });
  assert.throws(() => pick("2025-03-04", "fixed"), {
    name: "TypeError",
    message: 'Cannot select expiry: convention "fixed" needs fixed',
  });
  assert.throws(() => pick("2025-03-04", "nearest_listed"), {
    name: "TypeError",
    message: 'Cannot select expiry: convention "nearest_listed" needs listed',
  });
  assert.throws(
    () => selectExpiry({ date: "2025-03-04", convention: "fixed", fixed: "2025-03-01" }),
    {
      name: "RangeError",
      message: "Cannot select expiry: fixed expiry 2025-03-01 is before 2025-03-04",
    },
  );
  assert.throws(
    () =>
      selectExpiry({ date: "2025-03-04", convention: "nearest_listed", listed: ["2025-03-03"] }),
    {
      name: "RangeError",
      message: "Cannot select expiry: no listed expiry on or after 2025-03-04 among 1 listed",
    },
  );
  assert.throws(
    () => selectExpiry({ date: "2025-03-04", convention: "nearest_listed", listed: ["2025-3-5"] }),
    {
      name: "RangeError",
      message: "Cannot parse date: expected a real calendar date in the form YYYY-MM-DD, " +
        'got "2025-3-5"',
    },
  );
  assert.throws(() => pick("2025-02-30", "same_day"), {
    name: "RangeError",
    message: "Cannot check trading day: expected a real calendar date in the form YYYY-MM-DD, " +
      'got "2025-02-30"',
  });
});
