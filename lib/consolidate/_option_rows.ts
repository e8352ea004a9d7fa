/**
 * The option side of the table: traded option minutes with their contract fields, on the
 * session grid, with moneyness, time to expiry, implied vol and Greeks.
 *
 * @module
 */
import pl from "nodejs-polars";
import { withGreeks } from "../greeks/with_greeks.ts";
import { rejectDuplicates, requireColumns, tsMs } from "./_frames.ts";
import { withYearsToExpiry } from "./_years_to_expiry.ts";
import type { Resolved } from "./_resolve.ts";

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

/** Contract columns of the table. */
export const CONTRACT_COLUMNS = ["right", "strike", "expiry", "multiplier"] as const;

/** One row per contract: `ticker`, `right`, `strike`, `expiry` (Date), `multiplier`. */
function contractTable(contracts: pl.DataFrame): pl.DataFrame {
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

/**
 * The option bars with their contracts, sorted by trading date, ticker and time, with the
 * grid frame's row of the same minute beside each (bars outside the sessions dropped), and
 * `moneyness` (strike / spot), `t_years` and the implied vol and Greeks of each close.
 *
 * @returns The rows and how many bars fell outside the sessions.
 */
export function optionRows(
  options: pl.DataFrame,
  contracts: pl.DataFrame,
  onGrid: pl.DataFrame,
  o: Resolved,
): { rows: pl.DataFrame; offGrid: number } {
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
  const onSession = pos.filter((p) => p >= 0);
  const kept = onSession.length === pos.length
    ? bars
    : bars.filter(pl.Series("_on", Array.from(pos, (p) => p >= 0), pl.Bool));
  const index = pl.Series("_pos", onSession, pl.Int32).cast(pl.UInt32);
  const context = onGrid.drop("ts").select(pl.all().gather(index));
  const joined = pl.concat([kept.drop("_day"), context], { how: "horizontal" });
  const priced = withYearsToExpiry(joined).withColumns(
    pl.col("strike").div(pl.col("spot")).alias("moneyness"),
  );
  const rows = withGreeks(priced, {
    right: "right",
    price: "close",
    spot: "spot",
    strike: "strike",
    tYears: "t_years",
    rate: o.rate,
    dividendYield: o.dividendYield,
  });
  return { rows, offGrid: bars.height - kept.height };
}
