/**
 * The contracts of the option bars: one row per ticker with its right, strike, expiry and
 * multiplier, checked.
 *
 * @module
 */
import pl from "nodejs-polars";
import { rejectDuplicates, requireColumns } from "./_frames.ts";

/** Contract columns of the table. */
export const CONTRACT_COLUMNS = ["right", "strike", "expiry", "multiplier"] as const;

/** One row per contract: `ticker`, `right`, `strike`, `expiry` (Date), `multiplier`. */
export function contractTable(contracts: pl.DataFrame): pl.DataFrame {
  requireColumns(contracts, "the contracts frame", ["ticker", ...CONTRACT_COLUMNS]);
  const expiry = contracts.getColumn("expiry").dtype.equals(pl.Date)
    ? pl.col("expiry")
    : pl.col("expiry").cast(pl.Utf8).str.strptime(pl.Date, "%Y-%m-%d");
  const table = contracts.select(
    pl.col("ticker").cast(pl.Utf8),
    pl.col("right").cast(pl.Utf8),
    pl.col("strike").cast(pl.Float64),
    expiry.alias("expiry"),
    pl.col("multiplier").cast(pl.Float64),
  ).unique({ maintainOrder: true });
  const bad = table.filter(
    pl.col("right").isIn(["call", "put"]).not().or(pl.col("expiry").isNull()),
  );
  if (bad.height > 0) {
    const [ticker, right] = bad.row(0);
    const raw = contracts.filter(pl.col("ticker").eq(pl.lit(ticker))).getColumn("expiry");
    throw new RangeError(
      `Cannot consolidate: contract ${ticker} has right "${right}" and expiry ` +
        `${raw.cast(pl.Utf8).get(0)}; expected right "call" or "put" and an expiry YYYY-MM-DD`,
    );
  }
  rejectDuplicates(table, "the contracts frame (conflicting definitions)", ["ticker"]);
  return table;
}
