// What scan() reads from a frame: row order, untraded rows, context columns, bad input.
import { deepEqual, equal, throws } from "node:assert/strict";
import pl from "nodejs-polars";
import { scan, SCAN_EVENT_SCHEMA } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, pick, PUT } from "./_bars.ts";

const ROWS = [
  ...day(PUT, D, [2, 2.5, 2]),
  ...day(CALL, D, [1, 1.3, 1, 1.25]),
  ...day(CALL, "2025-03-05", [1, 1.2]),
];

Deno.test("scan() orders events by date, underlying, ticker, trigger time, whatever the row order", () => {
  const sorted = scan(frameOf(ROWS));
  deepEqual(pick(sorted, "ticker", "trigger_ts"), [
    { ticker: CALL, trigger_ts: "09:31" },
    { ticker: CALL, trigger_ts: "09:33" },
    { ticker: PUT, trigger_ts: "09:31" },
    { ticker: CALL, trigger_ts: "09:31" },
  ]);
  deepEqual(pick(sorted, "dte").map((r) => r.dte), [0, 0, 0, -1]);
  const reversed = scan(frameOf([...ROWS].reverse()));
  equal(reversed.frameEqual(sorted), true);
  const shuffled = scan(frameOf(ROWS).sample({ frac: 1, seed: 4 }));
  equal(shuffled.frameEqual(sorted), true);
});

Deno.test("scan() treats rows without prices or with zero volume as minutes without trades", () => {
  const bars = day(CALL, D, [1, 1.25, { m: 2, v: 0, p: 1 }, { m: 3 }, 1.3]);
  const events = scan(frameOf(bars), { gapToleranceMin: 2 });
  deepEqual(pick(events, "trigger_ts", "end_ts", "minutes_above"), [
    { trigger_ts: "09:31", end_ts: "09:34", minutes_above: 2 },
  ]);
});

Deno.test("scan() reads underlying, VIX and moneyness at the trigger when the frame has them", () => {
  const rows = [
    ...day("O:SPY250304C00601000", D, [1, 1, 1.3]),
    ...day("O:SPY250304P00595000", D, [1, 1.3]),
    ...day("O:SPY250307C00590000", D, [1, 1.3]),
  ];
  const events = scan(
    frameOf(rows, {
      underlying_close: [599, 599.5, 600, 600, 600, 600, 600],
      vix_close: [20, 20.5, 21, 22, 22.5, 23, 23.5],
      moneyness: [1, 2, 3, 4, 5, 6, 7],
    }),
  );
  deepEqual(
    pick(events, "ticker", "dte", "underlying_at_trigger", "vix_at_trigger", "moneyness")
      .concat(),
    [
      {
        ticker: "O:SPY250304C00601000",
        dte: 0,
        underlying_at_trigger: 600,
        vix_at_trigger: 21,
        moneyness: 3,
      },
      {
        ticker: "O:SPY250304P00595000",
        dte: 0,
        underlying_at_trigger: 600,
        vix_at_trigger: 22.5,
        moneyness: 5,
      },
      {
        ticker: "O:SPY250307C00590000",
        dte: 3,
        underlying_at_trigger: 600,
        vix_at_trigger: 23.5,
        moneyness: 7,
      },
    ],
  );
  const otm = pick(events, "otm_pct", "moneyness_bucket");
  deepEqual(otm.map((r) => r.moneyness_bucket), ["ATM <=0.25%", "OTM 0.25-1%", "ITM >1%"]);
  deepEqual(otm.map((r) => Math.round((r.otm_pct as number) * 1e6) / 1e6), [
    0.166667,
    0.833333,
    -1.666667,
  ]);
});

Deno.test("scan() accepts a LazyFrame, integer epoch-ms ts and a date column", () => {
  const frame = frameOf(ROWS).withColumns(
    pl.col("ts").cast(pl.Int64),
    pl.col("ts").cast(pl.Date).alias("date"),
  );
  equal(scan(frame.lazy()).frameEqual(scan(frameOf(ROWS))), true);
});

Deno.test("scan() of a frame without rows returns an empty frame with every column", () => {
  const events = scan(frameOf([]));
  equal(events.height, 0);
  deepEqual(events.columns, Object.keys(SCAN_EVENT_SCHEMA));
  const name = (t: unknown) => String(t).replace("String", "Utf8");
  deepEqual(Object.values(events.schema).map(name), Object.values(SCAN_EVENT_SCHEMA).map(name));
});

Deno.test("scan() rejects bad options with a RangeError naming the option", () => {
  const f = frameOf(ROWS);
  throws(() => scan(f, { threshold: 0 }), {
    name: "RangeError",
    message: "Cannot scan: threshold must be a number > 0, got 0",
  });
  throws(() => scan(f, { reference: "close" as "open" }), {
    name: "RangeError",
    message: 'Cannot scan: reference must be one of open, rolling_low, rolling_high, got "close"',
  });
  throws(() => scan(f, { windowMin: 0 }), {
    name: "RangeError",
    message: "Cannot scan: windowMin must be a whole number from 1 to 390, got 0",
  });
  throws(() => scan(f, { gapToleranceMin: 1.5 }), {
    name: "RangeError",
    message: "Cannot scan: gapToleranceMin must be a whole number from 0 to 390, got 1.5",
  });
});

Deno.test("scan() rejects frames it cannot read, saying what is wrong", () => {
  throws(() => scan(frameOf(ROWS).drop("high")), {
    name: "TypeError",
    message:
      'Cannot scan: the frame has no "high" column (it needs ticker, ts, open, high, low, close)',
  });
  throws(() => scan(frameOf(ROWS).withColumns(pl.col("close").cast(pl.Utf8))), {
    name: "TypeError",
    message: 'Cannot scan: column "close" is String, expected a number',
  });
  throws(() => scan(frameOf([...ROWS, ROWS[1]])), {
    name: "RangeError",
    message: "Cannot scan: O:SPY250304P00600000 has two bars at 2025-03-04T14:31:00.000Z",
  });
  const late = frameOf(ROWS).withColumns(pl.col("ts").cast(pl.Int64).plus(1_000));
  throws(() => scan(late), {
    name: "RangeError",
    message:
      "Cannot scan: ts must be minute starts, got 2025-03-04T14:30:01.000Z for O:SPY250304P00600000 (row 0)",
  });
  throws(() => scan(frameOf(day("SPY", D, [1, 2]))), {
    name: "RangeError",
    message: /Cannot parse option ticker "SPY"/,
  });
  throws(() => scan(frameOf(ROWS).withColumns(pl.lit(null).cast(pl.Utf8).alias("ticker"))), {
    name: "TypeError",
    message: 'Cannot scan: column "ticker" has nulls',
  });
  throws(() => scan({} as pl.DataFrame), {
    name: "TypeError",
    message: "Cannot scan: expected a Polars DataFrame or LazyFrame",
  });
});
