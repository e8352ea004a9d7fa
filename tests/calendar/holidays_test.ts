import assert from "node:assert/strict";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, holidays } from "@lib/calendar/mod.ts";

// NYSE's published holiday and 13:00 early-close lists, typed in by hand from the
// exchange's annual announcements (not derived from the rules in lib/calendar/_rules.ts).
const PUBLISHED: Record<number, { closed: string[]; early: string[] }> = {
  2015: {
    closed: ["01-01", "01-19", "02-16", "04-03", "05-25", "07-03", "09-07", "11-26", "12-25"],
    early: ["11-27", "12-24"],
  },
  2016: {
    closed: ["01-01", "01-18", "02-15", "03-25", "05-30", "07-04", "09-05", "11-24", "12-26"],
    early: ["11-25"],
  },
  2017: {
    closed: ["01-02", "01-16", "02-20", "04-14", "05-29", "07-04", "09-04", "11-23", "12-25"],
    early: ["07-03", "11-24"],
  },
  2018: {
    closed: [
      "01-01",
      "01-15",
      "02-19",
      "03-30",
      "05-28",
      "07-04",
      "09-03",
      "11-22",
      "12-05",
      "12-25",
    ],
    early: ["07-03", "11-23", "12-24"],
  },
  2019: {
    closed: ["01-01", "01-21", "02-18", "04-19", "05-27", "07-04", "09-02", "11-28", "12-25"],
    early: ["07-03", "11-29", "12-24"],
  },
  2020: {
    closed: ["01-01", "01-20", "02-17", "04-10", "05-25", "07-03", "09-07", "11-26", "12-25"],
    early: ["11-27", "12-24"],
  },
  2021: {
    closed: ["01-01", "01-18", "02-15", "04-02", "05-31", "07-05", "09-06", "11-25", "12-24"],
    early: ["11-26"],
  },
  2022: {
    closed: ["01-17", "02-21", "04-15", "05-30", "06-20", "07-04", "09-05", "11-24", "12-26"],
    early: ["11-25"],
  },
  2023: {
    closed: [
      "01-02",
      "01-16",
      "02-20",
      "04-07",
      "05-29",
      "06-19",
      "07-04",
      "09-04",
      "11-23",
      "12-25",
    ],
    early: ["07-03", "11-24"],
  },
  2024: {
    closed: [
      "01-01",
      "01-15",
      "02-19",
      "03-29",
      "05-27",
      "06-19",
      "07-04",
      "09-02",
      "11-28",
      "12-25",
    ],
    early: ["07-03", "11-29", "12-24"],
  },
  2025: {
    closed: [
      "01-01",
      "01-09",
      "01-20",
      "02-17",
      "04-18",
      "05-26",
      "06-19",
      "07-04",
      "09-01",
      "11-27",
      "12-25",
    ],
    early: ["07-03", "11-28", "12-24"],
  },
  2026: {
    closed: [
      "01-01",
      "01-19",
      "02-16",
      "04-03",
      "05-25",
      "06-19",
      "07-03",
      "09-07",
      "11-26",
      "12-25",
    ],
    early: ["11-27", "12-24"],
  },
  2027: {
    closed: [
      "01-01",
      "01-18",
      "02-15",
      "03-26",
      "05-31",
      "06-18",
      "07-05",
      "09-06",
      "11-25",
      "12-24",
    ],
    early: ["11-26"],
  },
};

for (const year of Object.keys(PUBLISHED).map(Number)) {
  Deno.test(`holidays(${year}) matches NYSE's published closures and early closes`, () => {
    const list = holidays(year);
    const pick = (kind: string) => list.filter((h) => h.kind === kind).map((h) => h.date);
    assert.deepEqual(pick("closed"), PUBLISHED[year].closed.map((md) => `${year}-${md}`));
    assert.deepEqual(pick("early_close"), PUBLISHED[year].early.map((md) => `${year}-${md}`));
  });
}

Deno.test("holidays() lists dates ascending, on weekdays, with names", () => {
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    const list = holidays(year);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].date < list[i].date);
    for (const h of list) {
      const wd = new Date(`${h.date}T12:00:00Z`).getUTCDay();
      assert.ok(wd >= 1 && wd <= 5, `${h.date} is a weekday`);
      assert.ok(h.name.length > 0);
    }
  }
});

Deno.test("holidays() names the special closures and observed days", () => {
  const byDate = new Map(
    [2018, 2022, 2025, 2026].flatMap((y) => holidays(y)).map((h) => [h.date, h.name]),
  );
  assert.equal(
    byDate.get("2018-12-05"),
    "National Day of Mourning for President George H. W. Bush",
  );
  assert.equal(byDate.get("2025-01-09"), "National Day of Mourning for President Jimmy Carter");
  assert.equal(byDate.get("2025-04-18"), "Good Friday");
  assert.equal(byDate.get("2022-06-20"), "Juneteenth National Independence Day");
  assert.equal(byDate.get("2026-07-03"), "Independence Day");
  assert.equal(byDate.get("2025-11-28"), "Early close after Thanksgiving Day");
  assert.equal(byDate.has("2026-07-02"), false);
});

Deno.test("holidays() rejects years outside the supported range", () => {
  for (const year of [1989, 2036, 2025.5, NaN]) {
    assert.throws(() => holidays(year), {
      name: "RangeError",
      message: `Cannot list holidays: year ${year} is outside the supported NYSE calendar ` +
        "range 1990-01-01..2035-12-31",
    });
  }
});
