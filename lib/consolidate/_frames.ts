/**
 * Input checks shared by the consolidation steps: required columns, types, duplicates.
 *
 * @module
 */
import pl from "nodejs-polars";

/** A typed null literal of `dtype`, named. */
export function nullColumn(name: string, dtype: pl.DataType): pl.Expr {
  return pl.lit(null).cast(dtype).alias(name);
}

/** Throws a RangeError naming the input and the missing columns. */
export function requireColumns(
  df: pl.DataFrame,
  input: string,
  columns: readonly string[],
  what = "Cannot consolidate",
): void {
  const missing = columns.filter((c) => !df.columns.includes(c));
  if (missing.length > 0) {
    throw new RangeError(
      `${what}: ${input} lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ` +
        `(columns: ${df.columns.join(", ") || "none"})`,
    );
  }
}

/** `ts` as Datetime(ms) without time zone (UTC by convention), whatever unit it came in. */
export function tsMs(name = "ts"): pl.Expr {
  return pl.col(name).cast(pl.Datetime("ms")).alias(name);
}

/** Throws a RangeError when two rows share the key (e.g. the same ticker and minute). */
export function rejectDuplicates(
  df: pl.DataFrame,
  input: string,
  keys: readonly string[],
  what = "Cannot consolidate",
): void {
  if (df.height === 0) return;
  const dup = df.select(...keys).filter(pl.struct(keys.map((k) => pl.col(k))).isDuplicated());
  if (dup.height > 0) {
    const row = dup.row(0).map(String).join(", ");
    throw new RangeError(
      `${what}: ${input} has ${dup.height} rows sharing ${keys.join(" and ")} with another ` +
        `row, first (${row}); de-duplicate the input`,
    );
  }
}
