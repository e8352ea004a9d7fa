import assert from "node:assert/strict";
import { createReplaySource, type ReplaySourceOptions } from "@lib/sources/mod.ts";

const HEADER = "datetime,open,high,low,close,volume";

async function sourceWith(
  files: Record<string, string[]>,
  options: Omit<ReplaySourceOptions, "files">,
) {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-replay-test-" });
  const paths: Record<string, string> = {};
  for (const [ticker, lines] of Object.entries(files)) {
    paths[ticker] = `${dir}/${ticker.replace(":", "_")}.csv`;
    await Deno.writeTextFile(paths[ticker], lines.join("\n"));
  }
  return { source: createReplaySource({ files: paths, ...options }), dir, paths };
}

const utc = (d: number, h: number, m: number) => Date.UTC(2019, 1, d, h, m);

Deno.test("replay moves end stamps back a minute and sorts newest-first rows ascending", async () => {
  const { source, dir } = await sourceWith({
    SPY: [
      HEADER,
      "2019-02-11 09:33:00,271.23,271.33,271.04,271.05,355711",
      "2019-02-11 09:32:00,271.32,271.32,271.22,271.2399,251600",
      "2019-02-11 09:31:00,271.19,271.34,271.07,271.34,1488804",
    ],
  }, { stamp: "end", order: "descending" });
  assert.deepEqual(await source.minuteBars("SPY", "2019-02-11"), [
    // 09:31 New York (EST) is 14:31 UTC; its bar started at 14:30
    {
      ts: utc(11, 14, 30),
      open: 271.19,
      high: 271.34,
      low: 271.07,
      close: 271.34,
      volume: 1488804,
      vwap: null,
      trades: null,
    },
    {
      ts: utc(11, 14, 31),
      open: 271.32,
      high: 271.32,
      low: 271.22,
      close: 271.2399,
      volume: 251600,
      vwap: null,
      trades: null,
    },
    {
      ts: utc(11, 14, 32),
      open: 271.23,
      high: 271.33,
      low: 271.04,
      close: 271.05,
      volume: 355711,
      vwap: null,
      trades: null,
    },
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay gives an index null volume, vwap and trades, and reads vwap/trades when present", async () => {
  const { source, dir } = await sourceWith({
    "I:VIX": [HEADER, "2019-02-11 09:32:00,15.87,15.87,15.87,15.87,0"],
    QQQ: [
      "timestamp,open,high,low,close,volume,vwap,trades",
      "2019-02-11T09:30,171.0,171.2,170.9,171.1,5000,171.05,40",
      "2019-02-11T09:31,171.1,171.2,171.0,171.2,4000,,",
    ],
  }, { stamp: "start" });
  assert.deepEqual(await source.minuteBars("I:VIX", "2019-02-11"), [
    {
      ts: utc(11, 14, 32),
      open: 15.87,
      high: 15.87,
      low: 15.87,
      close: 15.87,
      volume: null,
      vwap: null,
      trades: null,
    },
  ]);
  const qqq = await source.minuteBars("QQQ", "2019-02-11");
  assert.deepEqual(qqq.map((b) => [b.ts, b.vwap, b.trades]), [
    [utc(11, 14, 30), 171.05, 40],
    [utc(11, 14, 31), null, null],
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay keeps the regular session unless extended hours are asked for", async () => {
  const { source, dir } = await sourceWith({
    SPY: [
      HEADER,
      "2019-02-11 08:00:00,1,1,1,1,1",
      "2019-02-11 09:29:00,2,2,2,2,1",
      "2019-02-11 09:30:00,3,3,3,3,1",
      "2019-02-11 15:59:00,4,4,4,4,1",
      "2019-02-11 16:00:00,5,5,5,5,1",
      "2019-02-11 20:00:00,6,6,6,6,1",
    ],
  }, { stamp: "start", timeZone: "America/New_York" });
  assert.deepEqual((await source.minuteBars("SPY", "2019-02-11")).map((b) => b.open), [3, 4]);
  assert.deepEqual(
    (await source.minuteBars("SPY", "2019-02-11", { extendedHours: true })).map((b) => b.open),
    [1, 2, 3, 4, 5],
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay reads UTC timestamps and files in any order", async () => {
  const { source, dir } = await sourceWith({
    SPY: [
      HEADER,
      "2019-02-11 14:31:00,2,2,2,2,1",
      "2019-02-11 14:30:00,1,1,1,1,1",
      "2019-02-11 14:32:00,3,3,3,3,1",
    ],
  }, { stamp: "start", timeZone: "UTC" });
  const bars = await source.minuteBars("SPY", "2019-02-11");
  assert.deepEqual(bars.map((b) => [b.ts, b.open]), [[utc(11, 14, 30), 1], [utc(11, 14, 31), 2], [
    utc(11, 14, 32),
    3,
  ]]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay names the file and line of a row out of order, and counts bad rows by class", async () => {
  const cases: [string[], ReplaySourceOptions["order"], string][] = [
    [
      [HEADER, "2019-02-11 09:31:00,1,1,1,1,1", "2019-02-11 09:32:00,1,1,1,1,1"],
      "descending",
      "bars from PATH: line 3 is out of order (the rows must be descending)",
    ],
    [
      [HEADER, "2019-02-11 09:32:00,1,1,1,1,1", "2019-02-11 09:31:00,1,1,1,1,1"],
      "ascending",
      "bars from PATH: line 3 is out of order (the rows must be ascending)",
    ],
    [
      [HEADER, "2019-02-11 09:31:00,1,abc,1,1,1", "2019-02-11 09:32:00,1,1,1,1,"],
      "any",
      'bars from PATH: 1 row with a high that is not a number (line 2: "abc"); 1 row with a volume that is not a number (line 3: "")',
    ],
    [
      [
        HEADER,
        "2019-02-30 09:31:00,1,1,1,1,1",
        "2019-02-11 24:00:00,1,1,1,1,1",
        "yesterday,1,1,1,1,1",
        "2019-02-11 09:34,1,x,1,1,1",
        "2019-02-11 09:35,1,y,1,1,1",
      ],
      "any",
      'bars from PATH: 1 row with a time that names no real date (2019-02-30) (line 2: "2019-02-30 09:31:00"); ' +
      '1 row with a time that has an impossible time of day (line 3: "2019-02-11 24:00:00"); ' +
      '1 row with a time that is not a date or time this reader knows (line 4: "yesterday"); ' +
      '2 rows with a high that is not a number (first at line 5: "x")',
    ],
    [
      ["date,open,high,low,close", "2019-02-11,1,1,1,1"],
      "any",
      "minute bars from PATH: no volume column (header: date,open,high,low,close); name them in source.replay.columns (e.g. volume: <column>)",
    ],
    [
      ["date,open,high,low,close,volume", "2019-02-11,1,1,1,1,1"],
      "any",
      "minute bars from PATH: its rows are dates without times (daily bars); load it into a daily dataset (equity_daily, index_daily)",
    ],
  ];
  for (const [lines, order, why] of cases) {
    const { source, dir, paths } = await sourceWith({ SPY: lines }, { stamp: "end", order });
    await assert.rejects(source.minuteBars("SPY", "2019-02-11"), {
      name: "RangeError",
      message: `Cannot read ${why.replace("PATH", paths.SPY)}`,
    });
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("replay rejects unknown tickers, closed days, days without rows and missing files", async () => {
  const { source, dir, paths } = await sourceWith({
    SPY: [HEADER, "2019-02-11 09:31:00,1,1,1,1,1", "2019-02-12 09:31:00,1,1,1,1,1"],
  }, { stamp: "end" });
  await assert.rejects(source.minuteBars("QQQ", "2019-02-11"), {
    name: "RangeError",
    message:
      "Cannot replay QQQ: no file for it (the replay source has SPY; set source.replay.files)",
  });
  await assert.rejects(source.minuteBars("SPY", "2019-02-18"), {
    name: "RangeError",
    message: "Cannot replay SPY on 2019-02-18: the exchange is closed",
  });
  await assert.rejects(source.minuteBars("SPY", "2019-02-13"), {
    name: "RangeError",
    message:
      `Cannot replay SPY on 2019-02-13: ${paths.SPY} has no rows that day (it holds 2019-02-11..2019-02-12)`,
  });
  const missing = createReplaySource({ files: { SPY: `${dir}/nope.csv` }, stamp: "end" });
  await assert.rejects(missing.minuteBars("SPY", "2019-02-11"), (e: Error) => {
    assert.match(e.message, new RegExp(`^Cannot replay SPY: cannot read ${dir}/nope.csv: `));
    assert.ok(e.cause instanceof Deno.errors.NotFound);
    return true;
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay holds bars only: contracts and news reject with a RangeError", async () => {
  const source = createReplaySource({ files: {}, stamp: "end" });
  await assert.rejects(source.optionContracts("SPY", "2019-02-11"), {
    name: "RangeError",
    message: "The replay source holds bars only: cannot list SPY option contracts",
  });
  await assert.rejects(source.news("SPY", "2019-02-11"), {
    name: "RangeError",
    message: "The replay source holds bars only: cannot read news for SPY",
  });
});
