/**
 * Time to expiry of each option row as a year fraction, with `lib/greeks`
 * `yearsToExpiryColumn` (16:00 New York on the expiry date, 365-day year, floored at one
 * minute), measured from the end of the row's minute: the close of a minute bar is its last
 * trade, printed by `ts` + 1 minute.
 *
 * @module
 */
import pl from "nodejs-polars";
import { yearsToExpiryColumn } from "../greeks/mod.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Adds `t_years` to a frame with `ts` (minute start, Datetime ms) and `expiry` (Date). Each
 * run of rows with the same expiry (a contract's rows, in the table's order) is converted in
 * one call on a zero-copy view of the timestamps.
 */
export function withYearsToExpiry(df: pl.DataFrame): pl.DataFrame {
  const keys = df.select(
    pl.col("ts").cast(pl.Int64).cast(pl.Float64).plus(MINUTE_MS).alias("end"),
    pl.col("expiry").cast(pl.Int32).alias("day"),
  );
  const end = keys.getColumn("end").toTypedArray() as Float64Array;
  const days = keys.getColumn("day").toTypedArray() as Int32Array;
  const names = new Map<number, string>();
  const t = new Float64Array(days.length);
  for (let start = 0, i = 1; i <= days.length; i++) {
    if (i < days.length && days[i] === days[start]) continue;
    const day = days[start];
    let expiry = names.get(day);
    if (expiry === undefined) {
      expiry = new Date(day * DAY_MS).toISOString().slice(0, 10);
      names.set(day, expiry);
    }
    t.set(yearsToExpiryColumn(end.subarray(start, i), expiry), start);
    start = i;
  }
  return df.withColumns(pl.Series("t_years", t, pl.Float64));
}
