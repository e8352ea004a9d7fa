/**
 * The option side of the table: traded option minutes with their contract fields and time to
 * expiry, checked and placed on the session grid (`prepareOptionBars`); `_table_columns.ts`
 * prices them. Every value depends on its own row only, so pricing the rows in pieces gives
 * the same values as pricing them at once.
 *
 * @module
 */
import pl from "nodejs-polars";
import { contractTable } from "./_contracts.ts";
import { rejectDuplicates, requireColumns, tsMs } from "./_frames.ts";
import { withYearsToExpiry } from "./_years_to_expiry.ts";

/** Option bar columns, unprefixed as in `option_minute`. */
export const OPTION_BAR_COLUMNS = [
  "open",
  "high",
  "low",
  "close",
  "volume",
  "vwap",
  "trades",
] as const;

/**
 * Positions in the grid frame (sorted by `ts`, unique) of each minute of `minutes`, or −1
 * for a minute not on the grid.
 */
export function gridPositions(gridMs: Float64Array, minutes: Float64Array): Int32Array {
  const out = new Int32Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) {
    const t = minutes[i];
    let lo = 0, hi = gridMs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gridMs[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo < gridMs.length && gridMs[lo] === t ? lo : -1;
  }
  return out;
}

/** True when rows are strictly increasing in (_day, ticker, ts), as the lake stores them. */
function ordered(bars: pl.DataFrame): boolean {
  const prev = (c: string) => pl.col(c).shift(1);
  const later = pl.col("_day").gt(prev("_day")).or(
    pl.col("_day").eq(prev("_day")).and(
      pl.col("ticker").gt(prev("ticker")).or(
        pl.col("ticker").eq(prev("ticker")).and(pl.col("ts").gt(prev("ts"))),
      ),
    ),
  );
  return bars.select(later.fillNull(true).all().alias("ok")).getColumn("ok").toArray()[0] === true;
}

const msOf = (df: pl.DataFrame) =>
  df.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toTypedArray() as Float64Array;

/** Option bars ready to price, in table order. */
export interface PreparedBars {
  /** Bars in the sessions with their contract fields and `t_years`, by date, ticker, ts. */
  bars: pl.DataFrame;
  /** Each bar's row in the grid frame. */
  positions: Int32Array;
  /** Each bar's trading date (the grid's `date`) in days since 1970-01-01, ascending. */
  days: Int32Array;
  /** How many bars fell outside the sessions (dropped). */
  offGrid: number;
}

/**
 * The option bars with their contracts, sorted by trading date, ticker and time, bars outside
 * the sessions dropped, `t_years` added, and where each one sits on the grid frame. Every
 * check on the bars and contracts runs here, before any row is priced.
 *
 * @throws {RangeError} naming a missing column, a duplicate bar, a ticker without a contract,
 *   a bad contract, or an expiry outside the calendar's years.
 */
export function prepareOptionBars(
  options: pl.DataFrame,
  contracts: pl.DataFrame,
  onGrid: pl.DataFrame,
): PreparedBars {
  requireColumns(options, "the option bars frame", ["ticker", "ts", ...OPTION_BAR_COLUMNS]);
  const table = contractTable(contracts);
  let bars = options.lazy().select(
    pl.col("ticker").cast(pl.Utf8),
    tsMs(),
    ...OPTION_BAR_COLUMNS.map((c) => pl.col(c).cast(c === "trades" ? pl.Int64 : pl.Float64)),
  ).join(table.lazy(), { on: "ticker", how: "left" })
    .withColumns(pl.col("ts").cast(pl.Date).alias("_day"))
    .collectSync();
  if (!ordered(bars)) bars = bars.sort(["_day", "ticker", "ts"]);
  const dup = bars.select(
    pl.col("ticker").eq(pl.col("ticker").shift(1)).and(pl.col("ts").eq(pl.col("ts").shift(1)))
      .fillNull(false).alias("dup"),
  ).getColumn("dup");
  if (dup.any()) rejectDuplicates(bars, "the option bars frame", ["ticker", "ts"]);
  const orphans = bars.filter(pl.col("right").isNull()).getColumn("ticker").unique();
  if (orphans.length > 0) {
    const names = (orphans.sort().toArray() as string[]).slice(0, 5).join(", ");
    throw new RangeError(
      `Cannot consolidate: ${orphans.length} option tickers have bars but no contract record ` +
        `(${names}${orphans.length > 5 ? ", ..." : ""}); backfill option_contracts for them`,
    );
  }
  const pos = gridPositions(msOf(onGrid), msOf(bars));
  const positions = pos.filter((p) => p >= 0);
  const kept = positions.length === pos.length
    ? bars
    : bars.filter(pl.Series("_on", Array.from(pos, (p) => p >= 0), pl.Bool));
  const gridDays = onGrid.getColumn("date").cast(pl.Int32).toTypedArray() as Int32Array;
  return {
    bars: withYearsToExpiry(kept.drop("_day")),
    positions,
    days: positions.map((p) => gridDays[p]),
    offGrid: bars.height - kept.height,
  };
}
