// The summary of a known event set equals hand-computed figures (zeros counted).
import { deepEqual, equal, throws } from "node:assert/strict";
import type pl from "nodejs-polars";
import { formatSummary, scan, summarize } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, PUT } from "./_bars.ts";

const FAR = "O:SPY250307C00590000";
// CALL: events 09:31 (1 min) and 09:33-09:35 (3 min); PUT: none; FAR: 10:15-10:19 (5 min).
const ROWS = [
  ...day(CALL, D, [1, 1.3, 1, 1.25, 1.3, 1.3, 1.0]),
  ...day(PUT, D, [2, 2.1, 2.2]),
  ...day(
    FAR,
    D,
    [0, 40, 45, 46, 47, 48, 49, 50].map((m, i) => ({
      m,
      p: [1, 1, 1.5, 1.4, 1.3, 1.35, 1.3, 1][i],
    })),
  ),
];
const FRAME = frameOf(ROWS, { underlying_close: ROWS.map(() => 600) });
const records = (df: pl.DataFrame) => df.toRecords() as Record<string, unknown>[];

Deno.test("summarize() gives the hand-computed figures of a known event set", () => {
  const events = scan(FRAME, { threshold: 0.2 });
  equal(events.height, 3);
  const s = summarize(events, FRAME);
  deepEqual(s.stats, {
    contractDays: 3,
    minuteBars: 18,
    events: 3,
    eventsPerContractDayMin: 0,
    eventsPerContractDayMedian: 1,
    eventsPerContractDayMax: 2,
    minutesAbove: 9,
    minutesAboveShare: 0.5,
    durationMedianMin: 3,
    durationMeanMin: 3,
    durationP90Min: 4.6, // sorted [1, 3, 5]: position 0.9 * 2 = 1.8 -> 3 + 0.8 * (5 - 3)
  });
  deepEqual(
    records(s.perContractDay.select("ticker", "dte", "minute_bars", "events", "minutes_above")),
    [
      { ticker: CALL, dte: 0, minute_bars: 7, events: 2, minutes_above: 4 },
      { ticker: PUT, dte: 0, minute_bars: 3, events: 0, minutes_above: 0 },
      { ticker: FAR, dte: 3, minute_bars: 8, events: 1, minutes_above: 5 },
    ],
  );
  deepEqual(records(s.byHour), [
    { trigger_hour: 9, events: 2, share: 2 / 3 },
    { trigger_hour: 10, events: 1, share: 1 / 3 },
    ...[11, 12, 13, 14, 15].map((h) => ({ trigger_hour: h, events: 0, share: 0 })),
  ]);
  deepEqual(records(s.byMoneyness), [
    { moneyness_bucket: "ITM >1%", events: 1, share: 1 / 3 },
    { moneyness_bucket: "ITM 0.25-1%", events: 0, share: 0 },
    { moneyness_bucket: "ATM <=0.25%", events: 2, share: 2 / 3 },
    { moneyness_bucket: "OTM 0.25-1%", events: 0, share: 0 },
    { moneyness_bucket: "OTM >1%", events: 0, share: 0 },
  ]);
  deepEqual(records(s.byDte), [
    { dte: 0, contract_days: 2, events: 2, events_per_contract_day: 1 },
    { dte: 3, contract_days: 1, events: 1, events_per_contract_day: 1 },
  ]);
  deepEqual(records(s.totals).map((r) => r.value), [3, 18, 3, 0, 1, 2, 9, 0.5, 3, 3, 4.6]);
});

Deno.test("summarize() lists events without an underlying price as unknown moneyness", () => {
  const frame = frameOf(ROWS);
  const s = summarize(scan(frame), frame);
  deepEqual(records(s.byMoneyness).map((r) => [r.moneyness_bucket, r.events]), [
    ["ITM >1%", 0],
    ["ITM 0.25-1%", 0],
    ["ATM <=0.25%", 0],
    ["OTM 0.25-1%", 0],
    ["OTM >1%", 0],
    ["unknown", 3],
  ]);
});

Deno.test("summarize() of a scan without events counts every contract-day as zero", () => {
  const s = summarize(scan(FRAME, { threshold: 5 }), FRAME);
  deepEqual(s.stats, {
    contractDays: 3,
    minuteBars: 18,
    events: 0,
    eventsPerContractDayMin: 0,
    eventsPerContractDayMedian: 0,
    eventsPerContractDayMax: 0,
    minutesAbove: 0,
    minutesAboveShare: 0,
    durationMedianMin: null,
    durationMeanMin: null,
    durationP90Min: null,
  });
  deepEqual(records(s.byHour)[0], { trigger_hour: 9, events: 0, share: null });
});

Deno.test("summarize() refuses events that are not from the frame, or not an events frame", () => {
  const events = scan(FRAME);
  throws(() => summarize(events, frameOf(ROWS.filter((r) => r.ticker !== FAR))), {
    name: "RangeError",
    message:
      "Cannot summarize: event on O:SPY250307C00590000 2025-03-04 is on a contract-day the frame does not contain",
  });
  throws(() => summarize(events.drop("duration_min"), FRAME), {
    name: "TypeError",
    message:
      'Cannot summarize: the events frame has no "duration_min" column (pass the frame scan() returned)',
  });
});

Deno.test("formatSummary() prints the figures and the three tables", () => {
  const text = formatSummary(summarize(scan(FRAME), FRAME));
  equal(
    text,
    `  contract-days scanned    3
  minute bars              18
  events                   3
  events per contract-day  min 0, median 1, max 2
  minutes above threshold  9 (50.0% of all)
  event duration (min)     median 3, mean 3, p90 4.6

Events by trigger hour (New York)
  hour   events  share
  09:00       2  66.7%
  10:00       1  33.3%
  11:00       0   0.0%
  12:00       0   0.0%
  13:00       0   0.0%
  14:00       0   0.0%
  15:00       0   0.0%

Events by moneyness at trigger
  bucket       events  share
  ITM >1%           1  33.3%
  ITM 0.25-1%       0   0.0%
  ATM <=0.25%       2  66.7%
  OTM 0.25-1%       0   0.0%
  OTM >1%           0   0.0%

Events by days to expiry
  dte  contract-days  events  per contract-day
  0                2       2                 1
  3                1       1                 1`,
  );
});
