/**
 * Column expressions of the events frame that are pure functions of other columns.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MONEYNESS_BUCKETS } from "./event_schema.ts";

/** `up` for sign > 0, else `down`. */
export function directionExpr(): pl.Expr {
  return pl.when(pl.col("sign").gt(0)).then(pl.lit("up")).otherwise(pl.lit("down"))
    .alias("direction");
}

/** `<ticker>@<trigger minute UTC>Z/<direction>`, e.g. `O:SPY250304C00601000@2025-03-04T14:35Z/up`. */
export function eventIdExpr(): pl.Expr {
  return pl.concatString([
    pl.col("ticker"),
    pl.lit("@"),
    pl.col("trigger_ts").dt.strftime("%Y-%m-%dT%H:%MZ"),
    pl.lit("/"),
    pl.col("direction"),
  ], "").alias("event_id");
}

/** Percent out of the money: (K/S − 1)·100 for calls, (1 − K/S)·100 for puts; null without S > 0. */
export function otmPctExpr(): pl.Expr {
  const ratio = pl.col("strike").div(pl.col("underlying_at_trigger"));
  return pl.when(pl.col("underlying_at_trigger").gt(0)).then(
    pl.when(pl.col("right").eq(pl.lit("call"))).then(ratio.minus(1).mul(100))
      .otherwise(pl.lit(1).minus(ratio).mul(100)),
  ).otherwise(pl.lit(null)).cast(pl.Float64).alias("otm_pct");
}

/** The bucket of `otm_pct` among {@linkcode MONEYNESS_BUCKETS}; null stays null. */
export function moneynessBucketExpr(): pl.Expr {
  const otm = pl.col("otm_pct");
  const abs = otm.abs();
  const [itmFar, itmNear, atm, otmNear, otmFar] = MONEYNESS_BUCKETS;
  return pl.when(otm.isNull()).then(pl.lit(null))
    .when(abs.ltEq(0.25)).then(pl.lit(atm))
    .when(otm.lt(0).and(abs.ltEq(1))).then(pl.lit(itmNear))
    .when(otm.lt(0)).then(pl.lit(itmFar))
    .when(abs.ltEq(1)).then(pl.lit(otmNear))
    .otherwise(pl.lit(otmFar)).cast(pl.Utf8).alias("moneyness_bucket");
}
