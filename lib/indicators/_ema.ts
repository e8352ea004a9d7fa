/**
 * Private exponential-moving-average builders with the two usual seeds.
 *
 * Both skip null rows: a null input gives a null output and the average carries
 * over it, as if the row were absent (Polars `ewmMean` with `ignoreNulls`).
 *
 * No `when/then` here: Polars' common-subexpression elimination does not cache
 * conditional expressions nor anything built on them, so an indicator with
 * several outputs would compute its averages again for every output. Warm-up
 * nulls come from `ewmMean`'s `minPeriods` instead.
 *
 * @module
 */
import pl from "nodejs-polars";

/**
 * EMA seeded with its first value, as pandas `ewm(alpha, adjust=False,
 * min_periods)`: null until `minPeriods` non-null values have been seen.
 */
export function firstSeededEma(values: pl.Expr, alpha: number, minPeriods = 1): pl.Expr {
  return values.ewmMean({ alpha, adjust: false, minPeriods, ignoreNulls: true });
}

/**
 * EMA seeded with the simple mean of its first `n` values (TA-Lib, Wilder):
 * null until the `n`-th non-null value, which gets that mean; then
 * `s = (1 − alpha)·s + alpha·x`.
 *
 * The input of the recursion is the values with the `n`-th replaced by the mean
 * of the first `n` and the earlier ones nulled; the nulling is an `ewmMean` with
 * `alpha = 1` (which returns its input) and `minPeriods = n`. `count` is the
 * running count of non-null values (`values.cumCount()`, or any expression equal
 * to it on the non-null rows), passed in so that several averages can share it;
 * `sum` likewise is the running sum of the values (on the non-null rows).
 */
export function smaSeededEma(
  values: pl.Expr,
  count: pl.Expr,
  n: number,
  alpha: number,
  sum: pl.Expr = values.cumSum(),
): pl.Expr {
  const after = count.gt(n).cast(pl.Float64);
  const atSeed = count.eq(n).cast(pl.Float64);
  const replaced = values.mul(after).add(sum.div(n).mul(atSeed));
  const seeded = replaced.ewmMean({ alpha: 1, adjust: false, minPeriods: n, ignoreNulls: true });
  return seeded.ewmMean({ alpha, adjust: false, ignoreNulls: true });
}
