import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  barsFrame,
  contractsFrame,
  DATASET_SCHEMAS,
  newsFrame,
  schemaDrift,
} from "@lib/lake/mod.ts";
import { bars } from "./_helpers.ts";

const schemaOf = (df: pl.DataFrame) => df.schema as Record<string, pl.DataType>;

Deno.test("barsFrame() gives exactly the bar schema, with nulls for an index's volume", () => {
  const vix = bars(0, 2).map((b) => ({ ...b, volume: null, vwap: null, trades: null }));
  const df = barsFrame(vix, "sim");
  assert.deepEqual(schemaDrift(schemaOf(df), DATASET_SCHEMAS.index_minute!), []);
  assert.deepEqual(df.getColumn("volume").toArray(), [null, null]);
  assert.deepEqual(df.getColumn("ts").cast(pl.Int64).toArray().map(Number), [0, 60_000]);
  const options = barsFrame(bars(0, 1), "sim", "O:SPY250304C00601000");
  assert.deepEqual(schemaDrift(schemaOf(options), DATASET_SCHEMAS.option_minute!), []);
  // an empty day still has every column with its type
  assert.deepEqual(schemaDrift(schemaOf(barsFrame([], "sim")), DATASET_SCHEMAS.equity_minute!), []);
});

Deno.test("contractsFrame() and newsFrame() give exactly their schemas", () => {
  const contracts = contractsFrame([{
    ticker: "O:SPY250304C00601000",
    underlying: "SPY",
    expiry: "2025-03-04",
    right: "call",
    strike: 601,
    multiplier: 100,
    style: "american",
  }], "sim");
  assert.deepEqual(schemaDrift(schemaOf(contracts), DATASET_SCHEMAS.option_contracts!), []);
  const news = newsFrame([{
    id: "a1",
    publishedMs: Date.UTC(2025, 2, 3, 13),
    title: "SPY climbs",
    publisher: "Sim Newswire",
    url: "https://sim.strikelab.invalid/news/a1",
    tickers: ["SPY", "QQQ"],
    sentiment: 1,
    sentimentLabel: "positive",
    sentimentReasoning: null,
  }], "sim");
  assert.deepEqual(schemaDrift(schemaOf(news), DATASET_SCHEMAS.news!), []);
  assert.equal(news.getColumn("tickers").get(0), "SPY,QQQ");
});

Deno.test("schemaDrift() names missing, retyped and unexpected columns", () => {
  const expected = { ts: pl.Datetime("ms"), close: pl.Float64, trades: pl.Int64 };
  assert.deepEqual(
    schemaDrift({ ts: pl.Datetime("ms"), close: pl.Utf8, extra: pl.Bool }, expected),
    [
      'column "close" is String, expected Float64',
      'missing column "trades" (Int64)',
      'unexpected column "extra"',
    ],
  );
  assert.deepEqual(schemaDrift({ ...expected }, expected), []);
  assert.deepEqual(
    schemaDrift({ ...expected, ts: pl.Datetime("us"), trades: pl.Float64 }, expected),
    [
      'column "ts" is Datetime(us), expected Datetime(ms)',
      'column "trades" is Float64, expected Int64',
    ],
  );
  // Polars renamed Utf8 to String: the two are one type
  assert.deepEqual(schemaDrift({ s: pl.String }, { s: pl.Utf8 }), []);
});
