/**
 * The module edge: a frame of option minutes unwrapped into typed arrays, in the frame's
 * row order, without copying strings (tickers become categorical codes).
 *
 * @module
 */
import pl from "nodejs-polars";

/** The columns the scan needs, one entry a row of the frame. */
export interface MinuteColumns {
  /** Rows of the frame. */
  n: number;
  /** Ticker as a categorical code (equal codes, equal tickers). */
  code: Uint32Array;
  /** `date` as days since 1970-01-01, or null when the frame has no `date` column. */
  day: Int32Array | null;
  /** Minute start, UTC epoch ms. */
  tsMs: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Volume (NaN for null), or null when the frame has no `volume` column. */
  volume: Float64Array | null;
}

const PRICES = ["open", "high", "low", "close"] as const;
const NUMERIC = ["Float64", "Float32", "Int64", "Int32", "Int16", "Int8", "UInt32", "UInt16"];
const KINDS = {
  "a string": ["Utf8", "String", "Categorical"],
  "a Datetime or epoch ms": ["Datetime", "Int64", "Float64"],
  "a number": NUMERIC,
  "a Date": ["Date"],
};

function need(df: pl.DataFrame, what: string, name: string, kind: keyof typeof KINDS): string {
  const dtype = df.schema[name];
  if (dtype === undefined) {
    throw new TypeError(
      `Cannot ${what}: the frame has no "${name}" column (it needs ticker, ts, open, high, low, close)`,
    );
  }
  if (!KINDS[kind].includes(dtype.variant)) {
    throw new TypeError(`Cannot ${what}: column "${name}" is ${dtype.variant}, expected ${kind}`);
  }
  return dtype.variant;
}

/** A numeric column as Float64Array, null as NaN (no copy through Polars when it is clean). */
function floats(df: pl.DataFrame, name: string, expr: pl.Expr = pl.col(name)): Float64Array {
  const s = df.getColumn(name);
  if (s.dtype.variant === "Float64" && s.nullCount() === 0) return s.toTypedArray() as Float64Array;
  return df.select(expr.cast(pl.Float64).fillNull(NaN).alias("x")).getColumn("x")
    .toTypedArray() as Float64Array;
}

/**
 * Unwraps `ticker`, `ts`, `date` (optional), `open`, `high`, `low`, `close` and `volume`
 * (optional). `ts` may be a Datetime of any unit or integer epoch ms.
 *
 * @throws {TypeError} naming a missing column or one of the wrong type.
 */
export function unwrapMinutes(df: pl.DataFrame, what = "scan"): MinuteColumns {
  need(df, what, "ticker", "a string");
  const tsVariant = need(df, what, "ts", "a Datetime or epoch ms");
  for (const p of PRICES) need(df, what, p, "a number");
  const ts = tsVariant === "Datetime" ? pl.col("ts").cast(pl.Datetime("ms")) : pl.col("ts");
  const tsMs = floats(df, "ts", ts);
  const code = df.select(pl.col("ticker").cast(pl.Categorical).toPhysical().alias("c"))
    .getColumn("c").toTypedArray() as Uint32Array;
  let day: Int32Array | null = null;
  if (df.schema["date"] !== undefined) {
    need(df, what, "date", "a Date");
    const d = df.getColumn("date");
    if (d.nullCount() > 0) throw new TypeError(`Cannot ${what}: column "date" has nulls`);
    day = df.select(pl.col("date").cast(pl.Int32).alias("d")).getColumn("d")
      .toTypedArray() as Int32Array;
  }
  let volume: Float64Array | null = null;
  if (df.schema["volume"] !== undefined) {
    need(df, what, "volume", "a number");
    volume = floats(df, "volume");
  }
  return {
    n: df.height,
    code,
    day,
    tsMs,
    open: floats(df, "open"),
    high: floats(df, "high"),
    low: floats(df, "low"),
    close: floats(df, "close"),
    volume,
  };
}
