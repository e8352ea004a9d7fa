import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { consolidate, consolidateDay, formatStats } from "../../lib/consolidate/mod.ts";
import { consolidationStats } from "../../lib/consolidate/mod.ts";
import { synthInputs, synthMarket } from "./_synth.ts";
import { barFrame, col, contractFrame, minute } from "./_frames.ts";

const CALL = "O:SPY250303C00580000";
const YEAR_MIN = 365 * 24 * 60;

const COLUMNS = [
  "underlying",
  "date",
  "ts",
  "session_minute",
  "ticker",
  "right",
  "strike",
  "expiry",
  "multiplier",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "vwap",
  "trades",
  "underlying_open",
  "underlying_high",
  "underlying_low",
  "underlying_close",
  "underlying_volume",
  "underlying_vwap",
  "spot",
  "vix_open",
  "vix_high",
  "vix_low",
  "vix_close",
  "rsi_14",
  "macd",
  "macd_signal",
  "macd_hist",
  "bb_middle",
  "bb_upper",
  "bb_lower",
  "bb_pct_b",
  "bb_bandwidth",
  "roc_5",
  "roc_30",
  "roc_60",
  "news_sentiment",
  "news_sentiment_mean",
  "news_count",
  "moneyness",
  "t_years",
  "iv",
  "iv_status",
  "delta",
  "gamma",
  "theta_day",
  "vega_pct",
  "rho_pct",
  "vanna",
  "charm",
  "vomma",
  "spot_pct_change_1",
  "spot_pct_change_5",
  "spot_pct_change_15",
  "spot_pct_change_30",
  "spot_pct_change_60",
  "close_pct_change_1",
  "close_pct_change_5",
  "close_pct_change_15",
  "close_pct_change_30",
  "close_pct_change_60",
  "iv_pct_change_1",
  "iv_pct_change_5",
  "iv_pct_change_15",
  "iv_pct_change_30",
  "iv_pct_change_60",
]; // deno-fmt-ignore

/** Underlying at minutes 0, 1, 2, 4 (3 missing); the call trades at 1, 3, 4, plus two
 * bars outside the session (08:00 and 16:00 New York). */
function literal() {
  return {
    underlying: barFrame([0, 1, 2, 4].map((m) => minute(m)), [580, 581, 582, 584]),
    options: barFrame(
      [minute(-90), minute(1), minute(3), minute(4), minute(390)],
      [9, 2.0, 2.5, 3.0, 9],
      CALL,
    ),
    contracts: contractFrame([[CALL, "call", 580, "2025-03-03"]]),
  };
}

Deno.test("consolidate() keeps one row per traded option minute in the session, columns in documented order", () => {
  const table = consolidate(literal());
  assert.deepEqual(table.columns, COLUMNS);
  assert.deepEqual(col(table, "session_minute"), [1, 3, 4]);
  assert.deepEqual(col(table, "close"), [2.0, 2.5, 3.0]);
  assert.deepEqual(col(table, "underlying"), ["SPY", "SPY", "SPY"]);
  assert.equal(table.getColumn("date").dtype.equals(pl.Date), true);
  assert.equal(table.getColumn("expiry").dtype.equals(pl.Date), true);
  assert.equal(table.getColumn("news_count").dtype.equals(pl.Int32), true);
  for (const c of table.getColumns()) assert.equal(c.dtype.variant === "List", false, c.name);
});

Deno.test("consolidate() carries the last underlying close forward as spot, leaving the missing bar null", () => {
  const table = consolidate(literal());
  assert.deepEqual(col(table, "underlying_close"), [581, null, 584]);
  assert.deepEqual(col(table, "spot"), [581, 582, 584]);
  assert.deepEqual(col(table, "moneyness"), [580 / 581, 580 / 582, 580 / 584]);
});

Deno.test("consolidate() measures t_years from the end of each minute to 16:00 New York", () => {
  const table = consolidate(literal());
  // minute 1 ends 09:32: 6 h 28 min = 388 minutes before 16:00.
  assert.deepEqual(col(table, "t_years"), [388 / YEAR_MIN, 386 / YEAR_MIN, 385 / YEAR_MIN]);
});

Deno.test("consolidate() measures lagged changes in minutes, from the last trade at or before the lag", () => {
  const table = consolidate(literal(), { featureLags: [1, 2] });
  // close at minute 3 vs the last trade by minute 2 (minute 1); at 4 vs 3; at 1 nothing before.
  const pct = (x: number, base: number) => (x - base) / base;
  assert.deepEqual(col(table, "close_pct_change_1"), [null, pct(2.5, 2), pct(3, 2.5)]);
  assert.deepEqual(col(table, "close_pct_change_2"), [null, pct(2.5, 2), pct(3, 2)]);
  assert.deepEqual(col(table, "spot_pct_change_1"), [pct(581, 580), 0, pct(584, 582)]);
  assert.deepEqual(col(table, "spot_pct_change_2"), [null, pct(582, 581), pct(584, 582)]);
});

Deno.test("consolidate() gives the same table whatever the order of its input rows", () => {
  const inputs = synthInputs(synthMarket({ from: "2025-03-03", to: "2025-03-04", tradeProb: 0.3 }));
  const reversed = (df: pl.DataFrame) => df.reverse();
  const shuffled = {
    underlying: reversed(inputs.underlying),
    vix: reversed(inputs.vix),
    options: reversed(inputs.options),
    contracts: reversed(inputs.contracts),
    news: reversed(inputs.news),
  };
  assert.equal(consolidate(shuffled).frameEqual(consolidate(inputs), true), true);
});

Deno.test("consolidate() returns the full empty schema when no option traded", () => {
  const inputs = literal();
  const table = consolidate({ ...inputs, options: inputs.options.clear() });
  assert.equal(table.height, 0);
  assert.deepEqual(table.columns, COLUMNS);
  assert.equal(consolidationStats(table).rows, 0);
});

Deno.test("consolidate() rejects a frame without a needed column, naming it", () => {
  const inputs = literal();
  assert.throws(
    () => consolidate({ ...inputs, options: inputs.options.drop("vwap") }),
    (e) =>
      e instanceof RangeError &&
      e.message.startsWith("Cannot consolidate: the option bars frame lacks column vwap (columns:"),
  );
});

Deno.test("consolidate() rejects two bars of one ticker in one minute", () => {
  const inputs = literal();
  const options = pl.concat([inputs.options, inputs.options.slice(1, 1)]);
  assert.throws(() => consolidate({ ...inputs, options }), {
    name: "RangeError",
    message: new RegExp(
      "^Cannot consolidate: the option bars frame has 2 rows sharing ticker and ts with another row",
    ),
  });
});

Deno.test("consolidate() rejects option bars without a contract record", () => {
  const inputs = literal();
  const stray = barFrame([minute(2)], [1], "O:SPY250303P00570000");
  assert.throws(() => consolidate({ ...inputs, options: pl.concat([inputs.options, stray]) }), {
    name: "RangeError",
    message:
      "Cannot consolidate: 1 option tickers have bars but no contract record (O:SPY250303P00570000); backfill option_contracts for them",
  });
});

Deno.test("consolidate() rejects conflicting contract definitions and bad rights", () => {
  const inputs = literal();
  const twice = contractFrame([[CALL, "call", 580, "2025-03-03"], [
    CALL,
    "call",
    581,
    "2025-03-03",
  ]]);
  assert.throws(() => consolidate({ ...inputs, contracts: twice }), {
    name: "RangeError",
    message: /^Cannot consolidate: the contracts frame \(conflicting definitions\) has 2 rows/,
  });
  const bad = contractFrame([[CALL, "C", 580, "2025-03-03"]]);
  assert.throws(() => consolidate({ ...inputs, contracts: bad }), {
    name: "RangeError",
    message:
      'Cannot consolidate: contract O:SPY250303C00580000 has right "C" and expiry 2025-03-03; expected right "call" or "put" and an expiry YYYY-MM-DD',
  });
});

Deno.test("consolidate() rejects unusable options with the option's name", () => {
  assert.throws(() => consolidate(literal(), { featureLags: [0] }), {
    name: "RangeError",
    message: "Cannot consolidate: each of featureLags must be an integer >= 1, got 0",
  });
  assert.throws(() => consolidate(literal(), { indicators: { macdFast: 26, macdSlow: 12 } }), {
    name: "RangeError",
    message: "Cannot consolidate: indicators.macdSlow must exceed macdFast, got 12 <= 26",
  });
  assert.throws(() => consolidate(literal(), { rate: NaN }), {
    name: "RangeError",
    message: "Cannot consolidate: rate must be a finite number, got NaN",
  });
});

Deno.test("consolidateDay() equals that date's rows of consolidate() over a longer range", () => {
  const inputs = synthInputs(synthMarket({ from: "2025-03-03", to: "2025-03-05", tradeProb: 0.4 }));
  const all = consolidate(inputs);
  const day = consolidateDay(inputs, { date: "2025-03-04" });
  const expected = all.filter(
    pl.col("date").eq(pl.lit("2025-03-04").str.strptime(pl.Date, "%Y-%m-%d")),
  );
  assert.ok(day.height > 0);
  assert.equal(day.frameEqual(expected, true), true);
  assert.throws(() => consolidateDay(inputs, { date: "2025-03-08" }), {
    name: "RangeError",
    message: "Cannot consolidate a day: 2025-03-08 is not a trading day",
  });
});

Deno.test("consolidationStats() counts sizes and nulls per column group; formatStats() prints them", () => {
  const inputs = literal();
  const table = consolidate(inputs);
  const s = consolidationStats(table, { optionBars: inputs.options.height });
  assert.deepEqual(
    [s.dates, s.minutes, s.contracts, s.contractDays, s.rows, s.offSession],
    [1, 390, 1, 1, 3, 2],
  );
  assert.deepEqual(s.nulls.underlying, {
    cells: 21,
    nulls: 6,
    columns: {
      underlying_open: 1,
      underlying_high: 1,
      underlying_low: 1,
      underlying_close: 1,
      underlying_volume: 1,
      underlying_vwap: 1,
      spot: 0,
    },
  }); // deno-fmt-ignore
  const lines = formatStats(s);
  assert.equal(lines[0], "1 dates, 390 session minutes, 1 contracts (1 contract-days), 3 rows");
  assert.equal(lines[1], "option bars outside the sessions, dropped: 2");
});
