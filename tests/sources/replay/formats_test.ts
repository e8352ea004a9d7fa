import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createReplaySource, type ReplaySourceOptions } from "@lib/sources/mod.ts";

async function withFile(
  text: string,
  options: Omit<ReplaySourceOptions, "files"> & { ticker?: string; daily?: boolean },
) {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-replay-formats-" });
  const path = `${dir}/bars.csv`;
  await Deno.writeTextFile(path, text);
  const ticker = options.ticker ?? "SPY";
  const source = createReplaySource({
    ...options,
    files: options.daily ? {} : { [ticker]: path },
    dailyFiles: options.daily ? { [ticker]: path } : {},
  });
  return { source, path, cleanup: () => Deno.remove(dir, { recursive: true }) };
}

// 2025-04-24 09:30 New York (EDT) is 13:30 UTC.
const OPEN_MS = Date.UTC(2025, 3, 24, 13, 30);

Deno.test("replay reads UTC offsets, Z, Unix seconds, milliseconds and nanoseconds as the same minute", async () => {
  const stamps = [
    "2025-04-24 09:30:00-04:00",
    "2025-04-24T13:30:00+00:00",
    "2025-04-24T13:30:00Z",
    "2025-04-24T09:30:00-0400",
    String(OPEN_MS / 1000),
    String(OPEN_MS),
    `${OPEN_MS}000000`,
    "04/24/2025 09:30",
  ];
  for (const t of stamps) {
    const { source, cleanup } = await withFile(
      `timestamp,open,high,low,close,volume\n${t},10,11,9,10.5,100\n`,
      { stamp: "start" },
    );
    const bars = await source.minuteBars("SPY", "2025-04-24");
    assert.equal(bars.length, 1, t);
    assert.equal(bars[0].ts, OPEN_MS, t);
    await cleanup();
  }
});

Deno.test("replay reads a BOM, quoted fields, CRLF, aliases and a column map; trade counts are kept", async () => {
  const text = '\uFEFF"Time","Open","High","Low","Close","Volume","trade_count","note"\r\n' +
    '"2025-04-24 09:30:00","10","11","9","10.5","100","7","a, b"\r\n' +
    '"2025-04-24 09:31:00","10.5","11","10","10.75","50","3",""\r\n';
  const { source, cleanup } = await withFile(text, { stamp: "start" });
  const bars = await source.minuteBars("SPY", "2025-04-24");
  assert.deepEqual(bars.map((b) => [b.ts - OPEN_MS, b.close, b.volume, b.trades]), [
    [0, 10.5, 100, 7],
    [60_000, 10.75, 50, 3],
  ]);
  await cleanup();
  const mapped = await withFile(
    "When,o,h,l,c,Shares,Deals\n2025-04-24 09:30,10,11,9,10.5,100,4\n",
    {
      stamp: "start",
      columns: { time: "When", volume: "Shares", trades: "Deals" },
    },
  );
  const [bar] = await mapped.source.minuteBars("SPY", "2025-04-24");
  assert.deepEqual([bar.ts, bar.volume, bar.trades], [OPEN_MS, 100, 4]);
  await mapped.cleanup();
});

Deno.test("replay takes an index file without a volume column", async () => {
  const { source, cleanup } = await withFile(
    "datetime,open,high,low,close\n2025-04-24 09:30,16,16.2,15.9,16.1\n",
    { stamp: "start", ticker: "I:VIX" },
  );
  const [bar] = await source.minuteBars("I:VIX", "2025-04-24");
  assert.deepEqual(bar, {
    ts: OPEN_MS,
    open: 16,
    high: 16.2,
    low: 15.9,
    close: 16.1,
    volume: null,
    vwap: null,
    trades: null,
  });
  await cleanup();
});

const FIVE_MINUTE = "datetime,open,high,low,close\n" +
  "2025-04-24 09:30,16,16.4,15.9,16.1\n2025-04-24 09:35,16.1,16.2,16.0,16.2\n" +
  "2025-04-24 09:40,16.2,16.3,16.1,16.3\n";

Deno.test("replay refuses 5-minute bars for a minute dataset, naming the interval and the fix", async () => {
  const { source, path, cleanup } = await withFile(FIVE_MINUTE, {
    stamp: "start",
    ticker: "I:VIX",
  });
  await assert.rejects(source.minuteBars("I:VIX", "2025-04-24"), {
    name: "RangeError",
    message:
      `Cannot read minute bars from ${path}: its rows are 5-minute bars (the most common gap ` +
      "between rows); a minute dataset takes 1-minute bars. Set source.replay.resample: complete " +
      "to keep each bar at the minute it completes (no look-ahead)",
  });
  await cleanup();
});

Deno.test("replay with resample: complete puts each 5-minute bar at its last minute, never earlier", async () => {
  for (const stamp of ["start", "end"] as const) {
    // End-stamped files say 09:35 for the 09:30-09:35 bar: the same bars.
    const text = stamp === "start"
      ? FIVE_MINUTE
      : FIVE_MINUTE.replace("09:40", "09:45").replace("09:35", "09:40").replace("09:30", "09:35");
    const { source, cleanup } = await withFile(text, {
      stamp,
      ticker: "I:VIX",
      resample: "complete",
    });
    const bars = await source.minuteBars("I:VIX", "2025-04-24");
    // 09:30-09:35 becomes the 09:34 bar: its close (16.1) is known at 09:35, the minute after.
    assert.deepEqual(bars.map((b) => [(b.ts - OPEN_MS) / 60_000, b.close]), [[4, 16.1], [9, 16.2], [
      14,
      16.3,
    ]], stamp);
    await cleanup();
  }
});

const DATA = new URL("../../../../shared/data/", import.meta.url);

Deno.test("replay reads LEAN's real daily SPY file unmodified: 5,849 sessions 1998-2021", async () => {
  const path = fileURLToPath(new URL("lean/equity_daily/spy_daily_unadjusted.csv", DATA));
  const source = createReplaySource({ files: {}, dailyFiles: { SPY: path }, stamp: "start" });
  const bars = await source.dailyBars!("SPY", "1990-01-01", "2030-12-31");
  assert.equal(bars.length, 5849);
  assert.deepEqual(bars[0], {
    date: "1998-01-02",
    open: 97.31,
    high: 97.53,
    low: 96.53,
    close: 97.36,
    volume: 2150000,
    vwap: null,
    trades: null,
  });
  assert.equal(bars[bars.length - 1].date, "2021-03-31");
  assert.equal((await source.dailyBars!("SPY", "2008-10-01", "2008-10-31")).length, 23);
});

Deno.test("replay reads Alpha Vantage's newest-first daily VIX, an index without volume", async () => {
  const path = fileURLToPath(new URL("alphavantage-2019/VIX_daily.csv", DATA));
  const source = createReplaySource({ files: {}, dailyFiles: { "I:VIX": path }, stamp: "start" });
  const bars = await source.dailyBars!("I:VIX", "2019-02-11", "2019-02-15");
  assert.deepEqual(bars.map((b) => [b.date, b.close, b.volume]), [
    ["2019-02-11", 15.97, null],
    ["2019-02-12", 15.43, null],
    ["2019-02-13", 15.65, null],
    ["2019-02-14", 16.22, null],
    ["2019-02-15", 14.91, null],
  ]);
});

Deno.test("replay refuses a daily file with a date twice or a time of day", async () => {
  const twice = await withFile(
    "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n",
    { stamp: "start", daily: true },
  );
  await assert.rejects(twice.source.dailyBars!("SPY", "2024-01-01", "2024-12-31"), {
    message: `Cannot read daily bars from ${twice.path}: 2024-01-02 appears twice (lines 2 and 4)`,
  });
  await twice.cleanup();
  const intraday = await withFile("date,open,high,low,close,volume\n2024-01-02 09:30,1,1,1,1,1\n", {
    stamp: "start",
    daily: true,
  });
  await assert.rejects(intraday.source.dailyBars!("SPY", "2024-01-01", "2024-12-31"), {
    message:
      `Cannot read daily bars from ${intraday.path}: line 2 has a time of day; a daily dataset takes one row per date`,
  });
  await intraday.cleanup();
});
