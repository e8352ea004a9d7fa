/**
 * Time to expiry of each option row as a year fraction, with `lib/greeks`
 * `yearsToExpiryColumn` (16:00 New York on the expiry date, or 09:30 for the AM-settled roots
 * SPX, NDX and RUT; 365-day year, floored at one minute), measured from the end of the row's
 * minute: the close of a minute bar is its last trade, printed by `ts` + 1 minute.
 *
 * @module
 */
import pl from "nodejs-polars";
import { yearsToExpiryColumn } from "../greeks/mod.ts";
import { INDEX_ROOTS } from "../market/mod.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Tickers of AM-settled roots: `O:SPX240419...`, not `O:SPXW...`. */
const AM_TICKER = `^O:(${
  INDEX_ROOTS.filter((r) => r.settlement === "am").map((r) => r.root).join("|")
})\\d`;

/**
 * Adds `t_years` to a frame with `ts` (minute start, Datetime ms), `expiry` (Date) and
 * `ticker`. Each run of rows with the same expiry and settlement (a contract's rows, in the
 * table's order) is converted in one call on a zero-copy view of the timestamps.
 */
export function withYearsToExpiry(df: pl.DataFrame): pl.DataFrame {
  const keys = df.select(
    pl.col("ts").cast(pl.Int64).cast(pl.Float64).plus(MINUTE_MS).alias("end"),
    pl.col("expiry").cast(pl.Int32).mul(2).plus(
      pl.col("ticker").str.contains(AM_TICKER).cast(pl.Int32),
    ).cast(pl.Int32).alias("day"),
  );
  const end = keys.getColumn("end").toTypedArray() as Float64Array;
  const days = keys.getColumn("day").toTypedArray() as Int32Array;
  const names = new Map<number, string>();
  const t = new Float64Array(days.length);
  for (let start = 0, i = 1; i <= days.length; i++) {
    if (i < days.length && days[i] === days[start]) continue;
    const key = days[start], am = (key & 1) === 1;
    let expiry = names.get(key >> 1);
    if (expiry === undefined) {
      expiry = new Date((key >> 1) * DAY_MS).toISOString().slice(0, 10);
      names.set(key >> 1, expiry);
    }
    const settlement = am ? "am" : "pm";
    t.set(yearsToExpiryColumn(end.subarray(start, i), expiry, { settlement }), start);
    start = i;
  }
  return df.withColumns(pl.Series("t_years", t, pl.Float64));
}
