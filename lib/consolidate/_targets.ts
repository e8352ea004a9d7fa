/**
 * The target computation behind `prepareTraining`, split so that the lake runner can count
 * eligible rows and hits before the coverage filter.
 *
 * @module
 */
import pl from "nodejs-polars";
import { session } from "../calendar/mod.ts";
import { requireColumns } from "./_frames.ts";
import { dateSeries, distinctDates } from "./_grid.ts";

const MINUTE_MS = 60_000;
const WHAT = "Cannot prepare training targets";

/** Columns {@linkcode prepareTraining} adds, in order. */
export const TARGET_COLUMNS = [
  "horizon_min",
  "target_ts",
  "target_close",
  "target_return",
  "target_coverage",
] as const;

/** Start of the last regular-session minute of each date, as a frame `date`, `_last_ms`. */
function lastMinutes(dates: string[]): pl.DataFrame {
  const last = dates.map((d) => {
    const s = session(d);
    if (s === null) throw new RangeError(`${WHAT}: ${d} is not a trading day`);
    return s.closeMs - MINUTE_MS;
  });
  return pl.DataFrame([dateSeries("date", dates), pl.Series("_last_ms", last, pl.Float64)]);
}

/**
 * Every row of `frame` with `horizon_min`, `target_ts`, `target_close`, `target_return`,
 * `target_coverage` and `_eligible` (the horizon minute lies in the session) added, sorted
 * by date, ticker and ts. See `prepareTraining` for the definitions.
 */
export function withTargets(
  frame: pl.DataFrame,
  o: { horizonMin: number; toleranceMin: number },
): pl.DataFrame {
  requireColumns(frame, "the consolidated frame", ["ticker", "ts", "date", "close"], WHAT);
  for (const name of TARGET_COLUMNS) {
    if (frame.columns.includes(name)) {
      throw new RangeError(`${WHAT}: the frame already has a ${name} column`);
    }
  }
  const tsMs = pl.col("ts").cast(pl.Datetime("ms")).cast(pl.Int64);
  const left = frame
    .join(lastMinutes(distinctDates(frame.getColumn("date"))), { on: "date", how: "left" })
    .withColumns(
      pl.lit(o.horizonMin).cast(pl.Int32).alias("horizon_min"),
      tsMs.plus(o.horizonMin * MINUTE_MS).cast(pl.Datetime("ms")).alias("target_ts"),
      tsMs.plus(o.horizonMin * MINUTE_MS).cast(pl.Float64).ltEq(pl.col("_last_ms")).alias(
        "_eligible",
      ),
    ).sort("target_ts");
  const trades = frame.select(
    pl.col("ticker"),
    pl.col("ts").cast(pl.Datetime("ms")).alias("target_ts"),
    pl.col("close").cast(pl.Float64).alias("target_close"),
  ).sort("target_ts");
  const hit = pl.col("target_close").isNotNull();
  return left.joinAsof(trades, {
    on: "target_ts",
    by: "ticker",
    strategy: "backward",
    tolerance: o.toleranceMin * MINUTE_MS,
    checkSortedness: false,
  }).withColumns(
    pl.when(pl.col("_eligible")).then(pl.col("target_close")).otherwise(
      pl.lit(null).cast(pl.Float64),
    ).alias("target_close"),
  ).withColumns(
    pl.when(pl.col("close").gt(0)).then(pl.col("target_close").div(pl.col("close")).minus(1))
      .otherwise(pl.lit(null).cast(pl.Float64)).alias("target_return"),
    hit.cast(pl.Float64).sum().div(pl.col("_eligible").cast(pl.Float64).sum())
      .over("ticker", "date").alias("target_coverage"),
  ).sort(["date", "ticker", "ts"]).select(...frame.columns, ...TARGET_COLUMNS, "_eligible");
}

/** Rows of `withTargets` output that have a target in a contract-day with enough coverage. */
export function keepCovered(df: pl.DataFrame, minCoverage: number): pl.DataFrame {
  return df.filter(
    pl.col("target_close").isNotNull().and(pl.col("target_coverage").gtEq(minCoverage)),
  ).drop("_eligible");
}
