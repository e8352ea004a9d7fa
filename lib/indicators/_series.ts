/**
 * Private helpers shared by the indicator builders: input coercion, the
 * partitioning (per series, per session) and option checks.
 *
 * @module
 */
import pl from "nodejs-polars";

/** A column name or any Polars expression that evaluates to one numeric column. */
export type SeriesInput = string | pl.Expr;

/**
 * Where an indicator's state starts and stops.
 *
 * Rows must be sorted by time within each series. Windows count rows, so on a
 * gap-free minute grid a window of 5 is 5 minutes.
 */
export interface SeriesOptions {
  /**
   * Columns whose values identify independent series (for example `"ticker"` in a
   * table holding many option contracts). State never crosses from one series to
   * the next.
   *
   * @default {[]}
   */
  by?: string | readonly string[];
  /**
   * Session key column (for example `"date"`). When set, the indicator restarts at
   * every new session value: warm-up rows are null again and nothing is carried
   * over the overnight gap. When unset, the indicator runs across sessions, as
   * TA-Lib, pandas and charting platforms do on a continuous series.
   *
   * @default {undefined}
   */
  session?: string;
}

/** Turns a column name or expression into an expression, rejecting anything else. */
export function toExpr(input: SeriesInput, what: string): pl.Expr {
  if (typeof input === "string") {
    if (input.length === 0) {
      throw new TypeError(`Cannot compute ${what}: input column name must not be empty`);
    }
    return pl.col(input);
  }
  if (pl.Expr.isExpr(input)) return input;
  throw new TypeError(
    `Cannot compute ${what}: input must be a column name or a Polars expression, got ${typeof input}`,
  );
}

/** The partition columns for `.over()`: the `by` columns, then the session column. */
export function partitionColumns(options: SeriesOptions, what: string): string[] {
  const { by = [], session } = options;
  const cols = typeof by === "string" ? [by] : [...by];
  if (session !== undefined) cols.push(session);
  for (const c of cols) {
    if (typeof c !== "string" || c.length === 0) {
      throw new TypeError(
        `Cannot compute ${what}: by and session must be non-empty column names, got ${
          JSON.stringify(c)
        }`,
      );
    }
  }
  return cols;
}

/** Evaluates `expr` separately within each partition (no-op without partition columns). */
export function within(expr: pl.Expr, cols: readonly string[]): pl.Expr {
  return cols.length === 0 ? expr : expr.over(cols[0], ...cols.slice(1));
}

/** Throws a RangeError unless `value` is an integer >= `min`. */
export function checkInteger(value: number, min: number, what: string, name: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot compute ${what}: ${name} must be an integer >= ${min}, got ${value}`,
    );
  }
}

/** Throws a RangeError unless `values` is a non-empty list of distinct integers >= 1. */
export function checkWindows(values: readonly number[], what: string, name: string): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError(`Cannot compute ${what}: ${name} must be a non-empty array of integers`);
  }
  for (const v of values) checkInteger(v, 1, what, `each of ${name}`);
  if (new Set(values).size !== values.length) {
    throw new RangeError(
      `Cannot compute ${what}: ${name} must be distinct, got [${values.join(", ")}]`,
    );
  }
}

/** Throws a TypeError unless `name` is a non-empty string (an output column name or prefix). */
export function checkName(name: string, what: string, option: string): void {
  if (typeof name !== "string" || name.length === 0) {
    throw new TypeError(`Cannot compute ${what}: ${option} must be a non-empty string`);
  }
}

/** A typed null literal, so that `when/then` branches keep Float64. */
export const NULL_F64: pl.Expr = pl.lit(null).cast(pl.Float64);
