import assert from "node:assert/strict";
import { holidays, isTradingDay, session, tradingDays } from "@lib/calendar/mod.ts";

/** NYSE sessions per year, 1990–2022, as the exchange's published history gives them
 * (checked against exchange_calendars' XNYS session list, open and close of every session). */
const SESSIONS_PER_YEAR: Record<number, number> = {
  1990: 253,
  1991: 253,
  1992: 254,
  1993: 253,
  1994: 252,
  1995: 252,
  1996: 254,
  1997: 253,
  1998: 252,
  1999: 252,
  2000: 252,
  2001: 248,
  2002: 252,
  2003: 252,
  2004: 252,
  2005: 252,
  2006: 251,
  2007: 251,
  2008: 253,
  2009: 252,
  2010: 252,
  2011: 252,
  2012: 250,
  2013: 252,
  2014: 252,
  2015: 252,
  2016: 252,
  2017: 251,
  2018: 251,
  2019: 252,
  2020: 253,
  2021: 252,
  2022: 251,
};

Deno.test("tradingDays() gives the published number of NYSE sessions in every year since 1990", () => {
  for (const [year, n] of Object.entries(SESSIONS_PER_YEAR)) {
    assert.equal(tradingDays(`${year}-01-01`, `${year}-12-31`).length, n, `${year}`);
  }
});

Deno.test("the calendar's sessions are exactly the days of LEAN's real SPY daily bars, 1998–2021", () => {
  const file = new URL(
    "../../../shared/data/lean/equity_daily/spy_daily_unadjusted.csv",
    import.meta.url,
  );
  const dates = Deno.readTextFileSync(file).trim().split("\n").slice(1).map((l) => l.slice(0, 10));
  assert.equal(dates.length, 5849);
  assert.deepEqual(tradingDays(dates[0], dates[dates.length - 1]), dates);
});

Deno.test("special closings since 1990 are closed", () => {
  for (
    const d of [
      "1994-04-27", // Nixon
      "2001-09-11",
      "2001-09-12",
      "2001-09-13",
      "2001-09-14",
      "2004-06-11", // Reagan
      "2007-01-02", // Ford
      "2012-10-29", // Hurricane Sandy
      "2012-10-30",
      "2018-12-05", // G. H. W. Bush
      "2025-01-09", // Carter
    ]
  ) assert.equal(isTradingDay(d), false, d);
  assert.equal(isTradingDay("2001-09-17"), true);
  assert.equal(isTradingDay("2012-10-31"), true);
});

Deno.test("early closes follow the rules of their time: 14:00 before 1993, July 5 before 2013", () => {
  const close = (d: string) => {
    const s = session(d)!;
    return { early: s.earlyClose, minutes: s.minutes };
  };
  assert.deepEqual(close("1990-12-24"), { early: true, minutes: 270 }); // 14:00
  assert.deepEqual(close("1992-11-27"), { early: true, minutes: 270 }); // first Black Friday
  assert.deepEqual(close("1991-11-29"), { early: false, minutes: 390 });
  assert.deepEqual(close("1993-11-26"), { early: true, minutes: 210 }); // 13:00 from 1993
  assert.deepEqual(close("1994-07-01"), { early: false, minutes: 390 }); // none before 1995
  assert.deepEqual(close("2002-07-05"), { early: true, minutes: 210 }); // July 4 a Thursday
  assert.deepEqual(close("2002-07-03"), { early: false, minutes: 390 });
  assert.deepEqual(close("2013-07-03"), { early: true, minutes: 210 }); // Wednesday, from 2013
  assert.deepEqual(close("2013-07-05"), { early: false, minutes: 390 });
  assert.deepEqual(close("1999-12-31"), { early: true, minutes: 210 });
  assert.deepEqual(close("2003-12-26"), { early: true, minutes: 210 });
  assert.deepEqual(close("2008-12-26"), { early: false, minutes: 390 });
  // MLK Day: the NYSE has closed for it since 1998 only.
  assert.equal(isTradingDay("1997-01-20"), true);
  assert.equal(isTradingDay("1998-01-19"), false);
});

Deno.test("holidays() lists a year from the history, names and kinds", () => {
  assert.deepEqual(holidays(2001).filter((h) => h.date.startsWith("2001-09")).map((h) => h.date), [
    "2001-09-03",
    "2001-09-11",
    "2001-09-12",
    "2001-09-13",
    "2001-09-14",
  ]);
  assert.throws(() => holidays(1989), /outside the supported NYSE calendar range 1990-01-01/);
});
