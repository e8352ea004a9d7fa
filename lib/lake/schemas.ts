/**
 * The column schema of each lake dataset (partition keys excluded: they live in the path),
 * and the builders that turn source records into frames with exactly those types.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { MinuteBar } from "../market/mod.ts";
import type { OptionContract } from "../market/mod.ts";
import type { NewsArticle } from "../market/mod.ts";
import type { Dataset } from "./paths.ts";

/** Column name → Polars dtype, in file order. */
export type ColumnSchema = Record<string, pl.DataType>;

const BAR_COLUMNS: ColumnSchema = {
  ts: pl.Datetime("ms"),
  open: pl.Float64,
  high: pl.Float64,
  low: pl.Float64,
  close: pl.Float64,
  volume: pl.Float64,
  vwap: pl.Float64,
  trades: pl.Int64,
  source: pl.Utf8,
};

/** Schemas of the ingested datasets (derived datasets define theirs in their modules). */
export const DATASET_SCHEMAS: Partial<Record<Dataset, ColumnSchema>> = {
  equity_minute: BAR_COLUMNS,
  index_minute: BAR_COLUMNS,
  option_minute: { ticker: pl.Utf8, ...BAR_COLUMNS },
  option_contracts: {
    ticker: pl.Utf8,
    expiry: pl.Utf8,
    right: pl.Utf8,
    strike: pl.Float64,
    multiplier: pl.Float64,
    style: pl.Utf8,
    source: pl.Utf8,
  },
  news: {
    id: pl.Utf8,
    published: pl.Datetime("ms"),
    title: pl.Utf8,
    publisher: pl.Utf8,
    url: pl.Utf8,
    tickers: pl.Utf8,
    sentiment: pl.Float64,
    sentiment_label: pl.Utf8,
    sentiment_reasoning: pl.Utf8,
    source: pl.Utf8,
  },
};

function series(name: string, values: unknown[], dtype: pl.DataType): pl.Series {
  if (dtype.equals(pl.Datetime("ms"))) {
    return pl.Series(name, values as number[], pl.Int64).cast(pl.Datetime("ms"));
  }
  return pl.Series(name, values, dtype);
}

function frame(columns: Record<string, unknown[]>, schema: ColumnSchema): pl.DataFrame {
  return pl.DataFrame(Object.entries(schema).map(([n, t]) => series(n, columns[n], t)));
}

/** Minute bars as a frame (optionally with a `ticker` column for option bars). */
export function barsFrame(bars: MinuteBar[], source: string, ticker?: string): pl.DataFrame {
  const schema = ticker === undefined ? BAR_COLUMNS : DATASET_SCHEMAS.option_minute!;
  const col = <K extends keyof MinuteBar>(k: K) => bars.map((b) => b[k]);
  return frame({
    ticker: bars.map(() => ticker),
    ts: col("ts"),
    open: col("open"),
    high: col("high"),
    low: col("low"),
    close: col("close"),
    volume: col("volume"),
    vwap: col("vwap"),
    trades: col("trades"),
    source: bars.map(() => source),
  }, schema);
}

/** Option contracts as a frame. */
export function contractsFrame(contracts: OptionContract[], source: string): pl.DataFrame {
  const col = <K extends keyof OptionContract>(k: K) => contracts.map((c) => c[k]);
  return frame({
    ticker: col("ticker"),
    expiry: col("expiry"),
    right: col("right"),
    strike: col("strike"),
    multiplier: col("multiplier"),
    style: col("style"),
    source: contracts.map(() => source),
  }, DATASET_SCHEMAS.option_contracts!);
}

/** News articles as a frame; `tickers` joined with commas (no list columns in the lake). */
export function newsFrame(articles: NewsArticle[], source: string): pl.DataFrame {
  const col = <K extends keyof NewsArticle>(k: K) => articles.map((a) => a[k]);
  return frame({
    id: col("id"),
    published: col("publishedMs"),
    title: col("title"),
    publisher: col("publisher"),
    url: col("url"),
    tickers: articles.map((a) => a.tickers.join(",")),
    sentiment: col("sentiment"),
    sentiment_label: col("sentimentLabel"),
    sentiment_reasoning: col("sentimentReasoning"),
    source: articles.map(() => source),
  }, DATASET_SCHEMAS.news!);
}

/**
 * A dtype's name for comparison and messages: `Utf8` and `String` are one type (Polars
 * renamed it), and a Datetime without a zone equals one read back with a null zone.
 */
function typeName(t: pl.DataType): string {
  const { variant } = t as unknown as { variant: string };
  if (variant === "Utf8" || variant === "String") return "String";
  if (variant === "Datetime") {
    const { timeUnit, timeZone } = t as unknown as { timeUnit: string; timeZone?: string | null };
    return `Datetime(${timeUnit}${timeZone ? `, ${timeZone}` : ""})`;
  }
  return String(t).replace(/^DataType\((.*)\)$/, "$1");
}

/**
 * Differences between a frame's columns and the expected schema, one line each, e.g.
 * `column "close" is String, expected Float64`.
 */
export function schemaDrift(actual: Record<string, pl.DataType>, expected: ColumnSchema) {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(expected)) {
    const got = actual[name];
    if (!got) problems.push(`missing column "${name}" (${typeName(type)})`);
    else if (typeName(got) !== typeName(type)) {
      problems.push(`column "${name}" is ${typeName(got)}, expected ${typeName(type)}`);
    }
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) problems.push(`unexpected column "${name}"`);
  }
  return problems;
}
