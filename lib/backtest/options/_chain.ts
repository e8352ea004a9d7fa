// The option chain as typed arrays: rows by minute (for choosing legs), rows by contract (for
// marking held legs), one spot/VIX per minute.
import pl from "nodejs-polars";
import { nyClock } from "../../calendar/mod.ts";

/** A consolidated table unwrapped for the option-strategy kernels (see `toOptionChain`). */
export interface OptionChain {
  /** Underlying symbol (the table's `underlying`, else the first ticker's root). */
  underlying: string;
  nMinutes: number;
  /** Start of each minute that has a row, sorted, UTC epoch ms. */
  tsMs: Float64Array;
  /** New York date of each minute, days since 1970-01-01. */
  day: Int32Array;
  /** New York minute of the day of each minute (570 = 09:30). */
  minuteOfDay: Int16Array;
  /** Underlying price of the minute (`spot`, else `underlying_close`), $/share. */
  spot: Float64Array;
  /** Underlying open of the minute (`underlying_open`, else `spot`), for AM settlement. */
  spotOpen: Float64Array;
  /** VIX close as-of the minute; NaN without a `vix_close` column. */
  vix: Float64Array;
  /** Rows of minute m are `rowStart[m]` … `rowStart[m+1]−1`. */
  rowStart: Int32Array;
  /** Per row: contract id, minute index, bar and Greeks (NaN where null). */
  contract: Int32Array;
  rowMinute: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  thetaDay: Float64Array;
  vegaPct: Float64Array;
  iv: Float64Array;
  /** Per contract: ticker, OCC root, right (1 call, −1 put), strike, expiry day, multiplier. */
  ticker: string[];
  root: string[];
  right: Int8Array;
  strike: Float64Array;
  expiryDay: Int32Array;
  multiplier: Float64Array;
  /** Rows of contract c in minute order: `cRows[cStart[c]]` … `cRows[cStart[c+1]−1]`. */
  cStart: Int32Array;
  cRows: Int32Array;
}

const NEED = ["ticker", "ts", "right", "strike", "expiry", "close"];
const fail = (msg: string) => new RangeError(`Cannot read the option chain: ${msg}`);
const floats = (df: pl.DataFrame, c: string, fallback?: string): Float64Array => {
  const name = df.columns.includes(c) ? c : fallback;
  if (name === undefined || !df.columns.includes(name)) {
    return new Float64Array(df.height).fill(NaN);
  }
  const s = df.select(pl.col(name).cast(pl.Float64).fillNull(NaN)).getColumn(name);
  return Float64Array.from(s.toTypedArray() as Float64Array);
};

/**
 * Unwraps a consolidated table (one row per contract per traded minute: `ticker`, `ts`,
 * `right`, `strike`, `expiry`, `close`, and as available `open`, `high`, `low`, `volume`,
 * `multiplier` (default 100), `spot` or `underlying_close`, `underlying_open`, `delta`,
 * `gamma`, `theta_day`, `vega_pct`, `iv`, `vix_close`, `underlying`) into an
 * {@linkcode OptionChain}. Works the same on four contracts or a whole listed chain: rows are
 * sorted by minute then contract, and each contract's rows are indexed for marking.
 *
 * @throws {RangeError} For a missing column, an empty table, or two rows of one contract in
 * one minute.
 */
export function toOptionChain(frame: pl.DataFrame): OptionChain {
  for (const c of NEED) {
    if (!frame.columns.includes(c)) {
      throw fail(
        `missing column "${c}" (it needs ${NEED.join(", ")}; pass the consolidated table)`,
      );
    }
  }
  if (frame.height === 0) throw fail("the table has no rows");
  const expiry = frame.schema["expiry"].variant === "Date"
    ? pl.col("expiry").cast(pl.Int32)
    : pl.col("expiry").cast(pl.Utf8).str.strptime(pl.Date, "%Y-%m-%d").cast(pl.Int32);
  const ts = frame.schema["ts"].variant === "Datetime"
    ? pl.col("ts").cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64)
    : pl.col("ts").cast(pl.Float64);
  const df = frame.withColumns(ts.alias("ts"), expiry.alias("expiry_day"))
    .sort(["ts", "ticker"]);
  const contracts = df.select(
    "ticker",
    "right",
    "strike",
    "expiry_day",
    ...(
      df.columns.includes("multiplier") ? ["multiplier"] : []
    ),
  ).unique({ subset: ["ticker"], keep: "first" }).sort("ticker");
  const ticker = contracts.getColumn("ticker").toArray() as string[];
  const id = new Map(ticker.map((t, i) => [t, i]));
  const tick = df.getColumn("ticker").toArray() as string[];
  const tsAll = df.getColumn("ts").toTypedArray() as Float64Array;
  const n = df.height, contract = new Int32Array(n), rowMinute = new Int32Array(n);
  const minutes: number[] = [], starts: number[] = [];
  for (let r = 0; r < n; r++) {
    contract[r] = id.get(tick[r])!;
    if (r === 0 || tsAll[r] !== tsAll[r - 1]) minutes.push(tsAll[r]), starts.push(r);
    else if (tick[r] === tick[r - 1]) {
      throw fail(`two rows of ${tick[r]} at ${new Date(tsAll[r]).toISOString()}`);
    }
    rowMinute[r] = minutes.length - 1;
  }
  starts.push(n);
  const nM = minutes.length, tsMs = Float64Array.from(minutes);
  const day = new Int32Array(nM), minuteOfDay = new Int16Array(nM);
  for (let m = 0; m < nM; m++) {
    const c = nyClock(tsMs[m]);
    day[m] = Math.round(Date.parse(c.date) / 86_400_000);
    minuteOfDay[m] = c.minuteOfDay;
  }
  const rowSpot = floats(df, "spot", "underlying_close");
  const rowOpen = floats(df, "underlying_open", "spot");
  const rowVix = floats(df, "vix_close");
  const spot = new Float64Array(nM).fill(NaN), spotOpen = new Float64Array(nM).fill(NaN);
  const vix = new Float64Array(nM).fill(NaN);
  for (let r = 0; r < n; r++) {
    const m = rowMinute[r];
    if (spot[m] !== spot[m]) spot[m] = rowSpot[r];
    if (spotOpen[m] !== spotOpen[m]) spotOpen[m] = rowOpen[r];
    if (vix[m] !== vix[m]) vix[m] = rowVix[r];
  }
  for (let m = 1; m < nM; m++) {
    if (spot[m] !== spot[m] && day[m] === day[m - 1]) spot[m] = spot[m - 1];
    if (spotOpen[m] !== spotOpen[m]) spotOpen[m] = spot[m];
  }
  const nC = ticker.length, cStart = new Int32Array(nC + 1), cRows = new Int32Array(n);
  for (let r = 0; r < n; r++) cStart[contract[r] + 1]++;
  for (let c = 0; c < nC; c++) cStart[c + 1] += cStart[c];
  const fillAt = cStart.slice(0, nC);
  for (let r = 0; r < n; r++) cRows[fillAt[contract[r]]++] = r;
  const rights = contracts.getColumn("right").toArray() as string[];
  const root = ticker.map((t) => /^O:([A-Z][A-Z0-9]{0,5})\d{6}[CP]\d{8}$/.exec(t)?.[1] ?? "");
  const underlying = df.columns.includes("underlying")
    ? String(df.getColumn("underlying").get(0))
    : root[0];
  const close = floats(df, "close");
  return {
    underlying,
    nMinutes: nM,
    tsMs,
    day,
    minuteOfDay,
    spot,
    spotOpen,
    vix,
    rowStart: Int32Array.from(starts),
    contract,
    rowMinute,
    open: floats(df, "open", "close"),
    high: floats(df, "high", "close"),
    low: floats(df, "low", "close"),
    close,
    volume: df.columns.includes("volume")
      ? floats(df, "volume")
      : new Float64Array(n).fill(Infinity),
    delta: floats(df, "delta"),
    gamma: floats(df, "gamma"),
    thetaDay: floats(df, "theta_day"),
    vegaPct: floats(df, "vega_pct"),
    iv: floats(df, "iv"),
    ticker,
    root,
    right: Int8Array.from(rights, (r) => (r === "call" ? 1 : r === "put" ? -1 : 0)),
    strike: Float64Array.from(contracts.getColumn("strike").cast(pl.Float64).toArray() as number[]),
    expiryDay: Int32Array.from(contracts.getColumn("expiry_day").toArray() as number[]),
    multiplier: contracts.columns.includes("multiplier")
      ? Float64Array.from(
        contracts.select(pl.col("multiplier").cast(pl.Float64).fillNull(100))
          .getColumn("multiplier").toArray() as number[],
      )
      : new Float64Array(nC).fill(100),
    cStart,
    cRows,
  };
}
