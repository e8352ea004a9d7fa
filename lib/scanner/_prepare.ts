/**
 * The dispatch layer shared by the scan, the summary and the timeline figure: collect the
 * frame, unwrap it, group it into contract-days, order the prices, and describe each
 * contract-day (ticker, underlying, date, right, strike, expiry, days to expiry).
 *
 * @module
 */
import pl from "nodejs-polars";
import { type OptionTickerFields, parseOptionTicker } from "../market/mod.ts";
import { type MinuteColumns, unwrapMinutes } from "./_columns.ts";
import { type ContractDayIndex, indexContractDays } from "./_groups.ts";
import type { OrderedPrices } from "./_reference.ts";
import type { ScanPrice } from "./options.ts";

/** What is known of each contract-day, one entry a contract-day. */
export interface ContractDays {
  ticker: string[];
  underlying: string[];
  /** Trading date `YYYY-MM-DD`. */
  date: string[];
  right: string[];
  strike: number[];
  /** Expiry `YYYY-MM-DD`, from the OCC ticker. */
  expiry: string[];
  /** Calendar days from the trading date to the expiry (0 for same-day expiry). */
  dte: number[];
  /** Traded minute bars. */
  bars: number[];
}

/** A frame ready for the kernels. */
export interface Prepared {
  df: pl.DataFrame;
  cols: MinuteColumns;
  index: ContractDayIndex;
  days: ContractDays;
}

const DAY_MS = 86_400_000;

/** A DataFrame, or a LazyFrame collected. */
export function collectFrame(frame: pl.DataFrame | pl.LazyDataFrame, what: string): pl.DataFrame {
  // deno-lint-ignore no-explicit-any
  const f = frame as any;
  if (typeof f?.collectSync === "function") return f.collectSync();
  if (typeof f?.getColumn !== "function") {
    throw new TypeError(`Cannot ${what}: expected a Polars DataFrame or LazyFrame`);
  }
  return frame as pl.DataFrame;
}

function strings(df: pl.DataFrame, name: string, rows: Int32Array): string[] {
  return df.getColumn(name).cast(pl.Utf8).gather(Array.from(rows)).toArray() as string[];
}

/**
 * Unwraps and groups a frame of option minutes.
 *
 * @throws {TypeError} for a missing or mistyped column or null tickers.
 * @throws {RangeError} for a ticker that is not an OCC option ticker, a `ts` that is not a
 *   minute start, or two bars of one contract in one minute.
 */
export function prepareMinutes(frame: pl.DataFrame | pl.LazyDataFrame, what: string): Prepared {
  const df = collectFrame(frame, what);
  if (df.schema["ticker"] !== undefined && df.getColumn("ticker").nullCount() > 0) {
    throw new TypeError(`Cannot ${what}: column "ticker" has nulls`);
  }
  const cols = unwrapMinutes(df, what);
  const tickerAt = (row: number) => String(df.getColumn("ticker").cast(pl.Utf8).get(row));
  const index = indexContractDays(cols, what, tickerAt);
  const ticker = strings(df, "ticker", index.firstRow);
  const given = df.schema["underlying"] !== undefined
    ? strings(df, "underlying", index.firstRow)
    : null;
  const parsed = new Map<string, OptionTickerFields>();
  const fields = ticker.map((t) => {
    let f = parsed.get(t);
    if (f === undefined) parsed.set(t, f = parseOptionTicker(t));
    return f;
  });
  const date = Array.from(index.day, (d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
  const days: ContractDays = {
    ticker,
    underlying: fields.map((f, g) => given?.[g] ?? f.underlying),
    date,
    right: fields.map((f) => f.right),
    strike: fields.map((f) => f.strike),
    expiry: fields.map((f) => f.expiry),
    dte: fields.map((f, g) =>
      Math.round(Date.parse(`${f.expiry}T00:00:00Z`) / DAY_MS) - index.day[g]
    ),
    bars: Array.from({ length: index.day.length }, (_, g) => index.start[g + 1] - index.start[g]),
  };
  return { df, cols, index, days };
}

function take(src: Float64Array, rows: Int32Array, identity: boolean): Float64Array {
  if (identity) return src;
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]];
  return out;
}

/** The prices in scan order; `close` compares the close both ways, `high_low` high and low. */
export function orderPrices(prep: Prepared, price: ScanPrice): OrderedPrices {
  const { cols, index: { rows, start } } = prep;
  let identity = rows.length === cols.n;
  for (let k = 0; identity && k < rows.length; k++) identity = rows[k] === k;
  const close = take(cols.close, rows, identity);
  return {
    tsMs: take(cols.tsMs, rows, identity),
    open: take(cols.open, rows, identity),
    upPrice: price === "close" ? close : take(cols.high, rows, identity),
    downPrice: price === "close" ? close : take(cols.low, rows, identity),
    start,
  };
}
