/**
 * Private exponential-moving-average builders with the two usual seeds.
 *
 * Both skip null rows: a null input gives a null output and the average carries
 * over it, as if the row were absent (Polars `ewmMean` with `ignoreNulls`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { nonNullCount, NULL_F64 } from "./_series.ts";

/**
 * EMA seeded with the simple mean of its first `n` values (TA-Lib, Wilder):
 * null until the `n`-th non-null value, which gets that mean; then
 * `s = (1 − alpha)·s + alpha·x`.
 */
export function smaSeededEma(values: pl.Expr, n: number, alpha: number): pl.Expr {
  const count = nonNullCount(values);
  const seeded = pl
    .when(values.isNull().or(count.lt(n)))
    .then(NULL_F64)
    .when(count.eq(n))
    .then(values.cumSum().div(n))
    .otherwise(values);
  return seeded.ewmMean({ alpha, adjust: false, ignoreNulls: true });
}

/**
 * EMA seeded with its first value, as pandas `ewm(alpha, adjust=False)`: defined
 * from the first non-null value on.
 */
export function firstSeededEma(values: pl.Expr, alpha: number): pl.Expr {
  return values.ewmMean({ alpha, adjust: false, ignoreNulls: true });
}

/** Null where fewer than `n` non-null values of `counted` have been seen, else `expr`. */
export function afterCount(expr: pl.Expr, counted: pl.Expr, n: number): pl.Expr {
  return pl.when(nonNullCount(counted).lt(n)).then(NULL_F64).otherwise(expr);
}
