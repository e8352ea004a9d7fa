/**
 * Time to expiry of each option row as a year fraction (DESIGN.md): from the end of the
 * row's minute (when its close was printed) to 16:00 New York time on the expiry date, on a
 * 365-day calendar, floored at one minute.
 *
 * @module
 */
import pl from "nodejs-polars";
import { nyToUtcMs } from "../calendar/mod.ts";
import { distinctDates } from "./_grid.ts";

const MINUTE_MS = 60_000;
/** Milliseconds in a 365-day year. */
export const YEAR_MS = 365 * 86_400_000;

/** Adds `t_years` to a frame with `ts` (minute start, Datetime ms) and `expiry` (Date). */
export function withYearsToExpiry(df: pl.DataFrame): pl.DataFrame {
  const expiries = distinctDates(df.getColumn("expiry"));
  const closes = pl.DataFrame([
    pl.Series("expiry", expiries).str.strptime(pl.Date, "%Y-%m-%d"),
    pl.Series("_expiry_ms", expiries.map((d) => nyToUtcMs(d, 16, 0)), pl.Float64),
  ]);
  const ms = pl.col("_expiry_ms").minus(pl.col("ts").cast(pl.Int64).cast(pl.Float64))
    .minus(MINUTE_MS);
  return df.join(closes, { on: "expiry", how: "left" })
    .withColumns(
      pl.when(ms.lt(MINUTE_MS)).then(pl.lit(MINUTE_MS)).otherwise(ms).div(YEAR_MS).alias(
        "t_years",
      ),
    ).drop("_expiry_ms");
}
