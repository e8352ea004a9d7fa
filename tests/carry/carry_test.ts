import assert from "node:assert/strict";
import {
  dividendSchedule,
  dividendYieldFor,
  parseDividendCsv,
  parseRateCsv,
  rateCurve,
  rateFor,
} from "../../lib/carry/mod.ts";

const LEAN_RATES = new URL(
  "../../../shared/data/lean/reference/lean_interest-rate_usa.csv",
  import.meta.url,
);

Deno.test("parseRateCsv() reads LEAN's real rate file and looks rates up as of each date", () => {
  const curve = parseRateCsv(Deno.readTextFileSync(LEAN_RATES), { source: "lean" });
  assert.equal(curve.dates.length, 56); // SOURCES.md: 56 rows
  assert.equal(curve.dates[0], "2003-01-09");
  // 2023-07-27 5.5% is the last change: every later date uses it, flat in tenor.
  assert.equal(rateFor(curve, "2024-01-04", 0.01), Math.log1p(0.055));
  assert.equal(rateFor(curve, "2024-01-04", 2), Math.log1p(0.055));
  // The day before 2023-07-27 still has 5.25% (set 2023-05-04).
  assert.equal(rateFor(curve, "2023-07-26", 0.1), Math.log1p(0.0525));
  assert.throws(
    () => rateFor(curve, "2002-12-31", 0.1),
    /Cannot find a rate for 2002-12-31: the curve \(lean\) starts on 2003-01-09/,
  );
});

Deno.test("rateFor() interpolates linearly in tenor between quotes, converting compounding", () => {
  const curve = rateCurve([
    { date: "2024-01-02", tenorDays: 365, rate: 0.05 },
    { date: "2024-01-02", tenorDays: 30, rate: 0.04 },
  ], { compounding: "simple" });
  const r30 = Math.log1p(0.04 * 30 / 365) / (30 / 365), r365 = Math.log1p(0.05);
  assert.equal(rateFor(curve, "2024-01-02", 30 / 365), r30);
  assert.equal(rateFor(curve, "2024-01-02", 10 / 365), r30); // flat before the first tenor
  const mid = (30 + 365) / 2 / 365;
  assert.ok(Math.abs(rateFor(curve, "2024-01-02", mid) - (r30 + r365) / 2) < 1e-15);
});

Deno.test("rate curves refuse bad quotes with the line or quote named", () => {
  assert.throws(
    () => parseRateCsv("date,tenor_days,rate\n2024-01-02,30,5.3\n2024-01-02,x,5\n"),
    /Cannot read rates from csv: line 3 "2024-01-02,x,5" is malformed/,
  );
  assert.throws(
    () => parseRateCsv("date,rate\n2024-02-30,5.3\n"),
    /Cannot build a rate curve: quote 1 has date "2024-02-30", not YYYY-MM-DD/,
  );
  assert.throws(
    () =>
      rateCurve([{ date: "2024-01-02", tenorDays: 30, rate: 0.05 }, {
        date: "2024-01-02",
        tenorDays: 30,
        rate: 0.04,
      }]),
    /two quotes for 2024-01-02 at 30 days/,
  );
  assert.throws(
    () => parseRateCsv("a,b,c,d\n"),
    /expected columns date,tenor_days,rate or date,rate/,
  );
});

Deno.test("dividendYieldFor() counts only dividends going ex after today and by expiry", () => {
  const s = parseDividendCsv(
    "symbol,ex_date,amount\nSPY,2024-03-15,1.5\nSPY,2024-06-21,1.6\nSPY,2023-12-15,1.9\n",
  );
  const base = { symbol: "SPY", date: "2024-01-04", spot: 470, rate: 0.05 };
  // Expiry before any ex-date: nothing to pay.
  assert.equal(dividendYieldFor(s, { ...base, expiry: "2024-03-14", tYears: 70 / 365 }), 0);
  // Through June: both dividends, each discounted from its ex-date.
  const t = 200 / 365;
  const pv = 1.5 * Math.exp(-0.05 * 71 / 365) + 1.6 * Math.exp(-0.05 * 169 / 365);
  const q = dividendYieldFor(s, { ...base, expiry: "2024-07-22", tYears: t });
  assert.ok(Math.abs(q - -Math.log(1 - pv / 470) / t) < 1e-15);
  // Ex-date today has already gone: not counted.
  assert.equal(
    dividendYieldFor(s, { ...base, date: "2024-03-15", expiry: "2024-04-19", tYears: 35 / 365 }),
    0,
  );
  assert.equal(dividendYieldFor(s, { ...base, symbol: "QQQ", expiry: "2024-07-22", tYears: t }), 0);
});

Deno.test("dividend schedules refuse bad rows", () => {
  assert.throws(
    () => dividendSchedule([{ symbol: "SPY", exDate: "2024-03-15", amount: -1 }]),
    /row 1 \(SPY 2024-03-15\) has amount -1/,
  );
  assert.throws(
    () => parseDividendCsv("ticker,date,cash\n"),
    /expected columns symbol,ex_date,amount; got ticker,date,cash/,
  );
  assert.throws(
    () =>
      dividendYieldFor(dividendSchedule([{ symbol: "X", exDate: "2024-01-10", amount: 5 }]), {
        symbol: "X",
        date: "2024-01-02",
        expiry: "2024-02-16",
        spot: 4,
        tYears: 0.1,
      }),
    /dividends worth 5 before 2024-02-16 exceed spot 4/,
  );
});
