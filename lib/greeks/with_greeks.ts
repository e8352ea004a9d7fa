/**
 * Polars adapter: implied volatility and Greeks as DataFrame columns.
 *
 * @module
 */
import pl from "nodejs-polars";
import { allocateColumns, blackScholesKernel } from "./_bs_kernel.ts";
import { floatColumn } from "./_columns.ts";
import { impliedVolKernel } from "./_iv_kernel.ts";
import { IV_STATUS } from "./iv_status.ts";

/** Column names (and constant rates) read by {@link withGreeks}. */
export interface WithGreeksOptions {
  /** Right column: strings "call"/"put" or integers 1/−1. @default "right" */
  right?: string;
  /** Option price column (per share), e.g. a close or a mid. @default "price" */
  price?: string;
  /** Underlying price column. @default "spot" */
  spot?: string;
  /** Strike column. @default "strike" */
  strike?: string;
  /** Time to expiry in years column (see `yearsToExpiry`). @default "t_years" */
  tYears?: string;
  /** Rate as a decimal: a constant, or the name of a column. @default 0 */
  rate?: number | string;
  /** Dividend yield as a decimal: a constant, or the name of a column. @default 0 */
  dividendYield?: number | string;
}

const WHAT = "Greeks for a DataFrame";

function floats(df: pl.DataFrame, name: string): Float64Array {
  if (!df.columns.includes(name)) {
    throw new RangeError(
      `Cannot compute ${WHAT}: column "${name}" not found (columns: ${df.columns.join(", ")})`,
    );
  }
  const column = df.getColumn(name);
  // A Float64 column without nulls is copied out as it is; others are cast and filled first.
  const s = column.dtype.equals(pl.Float64) && column.nullCount() === 0
    ? column
    : df.select(pl.col(name).cast(pl.Float64).fillNull(NaN).alias(name)).getColumn(name);
  return s.toTypedArray() as Float64Array;
}

/**
 * Right codes (1 call, −1 put, 0 otherwise, null included) computed by Polars: strings
 * "call"/"put", or numbers 1/−1. Never turns the column into JS strings.
 */
function rightCodes(df: pl.DataFrame, name: string): Int8Array {
  if (!df.columns.includes(name)) floats(df, name); // throws the missing-column error
  const isString = df.getColumn(name).dtype.equals(pl.String);
  const col = isString ? pl.col(name) : pl.col(name).cast(pl.Float64);
  const [call, put] = isString ? ["call", "put"] : [1, -1];
  const code = pl.when(col.eq(pl.lit(call))).then(pl.lit(1))
    .when(col.eq(pl.lit(put))).then(pl.lit(-1))
    .otherwise(pl.lit(0)).cast(pl.Int8).alias("code");
  return df.select(code).getColumn("code").toTypedArray() as Int8Array;
}

/** The status names as a String series, mapped from the codes by Polars. */
function statusNames(status: Uint8Array): pl.Series {
  const codes = IV_STATUS.map((_, code) => code);
  return pl.DataFrame([pl.Series("iv_status", status)]) // UInt8 from a Uint8Array
    .select(pl.col("iv_status").replaceStrict(codes, [...IV_STATUS], undefined, pl.String))
    .getColumn("iv_status");
}

/** Divides every value in place (the kernel's columns are ours), returning the array. */
function divide(values: Float64Array, by: number): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = values[i] / by;
  return values;
}

/** The Greek columns of the table after `iv` and `iv_status`, in trader units. */
export const TABLE_GREEKS = [
  "delta",
  "gamma",
  "theta_day",
  "vega_pct",
  "rho_pct",
  "vanna",
  "charm",
  "vomma",
] as const;

/** Implied vols, their status codes and the Greeks of {@linkcode TABLE_GREEKS}. */
export type TableGreeks =
  & { iv: Float64Array; status: Uint8Array }
  & Record<
    typeof TABLE_GREEKS[number],
    Float64Array
  >;

/**
 * The implied vol of each price and the Greeks at it, in trader units (theta per day, vega
 * and rho per point), NaN where there is none: the arrays behind {@linkcode withGreeks}'s
 * columns. `right` holds 1 (call), −1 (put) or 0 (neither).
 */
export function tableGreeks(
  right: Int8Array,
  price: Float64Array,
  spot: Float64Array,
  strike: Float64Array,
  tYears: Float64Array,
  rate: Float64Array,
  q: Float64Array,
): TableGreeks {
  const n = right.length;
  const vol = new Float64Array(n);
  const status = new Uint8Array(n);
  impliedVolKernel(n, right, price, spot, strike, tYears, rate, q, vol, status);
  // Every column but price and dividendRho, which are not added.
  const g = allocateColumns(n, [
    "delta",
    "gamma",
    "vega",
    "theta",
    "rho",
    "vanna",
    "charm",
    "vomma",
  ]);
  blackScholesKernel(n, right, spot, strike, tYears, rate, q, vol, g);
  return {
    iv: vol,
    status,
    delta: g.delta,
    gamma: g.gamma,
    theta_day: divide(g.theta, 365),
    vega_pct: divide(g.vega, 100),
    rho_pct: divide(g.rho, 100),
    vanna: g.vanna,
    charm: g.charm,
    vomma: g.vomma,
  };
}

function numberOrColumn(df: pl.DataFrame, value: number | string, n: number): Float64Array {
  return typeof value === "string" ? floats(df, value) : floatColumn(WHAT, "rate", value, n);
}

/**
 * Adds implied volatility and Greeks (evaluated at that implied volatility) to a frame of
 * option prices. New columns, all Float64 except `iv_status`:
 *
 * - `iv`: implied volatility per √year as a decimal (0.2 = 20%); null unless `iv_status` is "ok".
 * - `iv_status`: "ok", "below_intrinsic", "above_max", "zero_time" or "bad_input" (see `IV_STATUS`).
 * - `delta` (∂V/∂S, includes e^{−qT}), `gamma` (∂²V/∂S²).
 * - `theta_day`: value change per calendar day as time passes (θ per year / 365).
 * - `vega_pct`: value change per vol point (∂V/∂σ / 100); `rho_pct`: per rate point (∂V/∂r / 100).
 * - `vanna` (∂delta/∂σ per 1.0 of vol), `charm` (∂delta/∂t per year as time passes),
 *   `vomma` (∂vega/∂σ, per 1.0 of vol squared).
 *
 * The Greeks are null wherever `iv` is. Existing columns with these names are replaced.
 * The maths runs on Float64Array columns (`impliedVol`, `blackScholes` kernels); only the
 * unwrapping and wrapping touch Polars.
 *
 * @param df Frame with right, price, spot, strike and time-to-expiry columns.
 * @param options Column names and rates.
 * @returns A new DataFrame with the columns above added.
 * @throws {RangeError} If a named column is missing.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { withGreeks } from "./with_greeks.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ right: ["call", "call"], price: [4.759422392871532, 1], spot: [42, 42], strike: [40, 40], t_years: [0.5, 0.5] });
 * const out = withGreeks(df, { rate: 0.1 });
 * assert.deepEqual(out.getColumn("iv_status").toArray(), ["ok", "below_intrinsic"]);
 * assert.ok(Math.abs(Number(out.getColumn("iv").toArray()[0]) - 0.2) < 1e-13);
 * assert.equal(out.getColumn("delta").toArray()[1], null);
 * ```
 */
export function withGreeks(df: pl.DataFrame, options: WithGreeksOptions = {}): pl.DataFrame {
  const {
    right = "right",
    price = "price",
    spot = "spot",
    strike = "strike",
    tYears = "t_years",
    rate = 0,
    dividendYield = 0,
  } = options;
  const n = df.height;
  const codes = rightCodes(df, right);
  const cols = {
    price: floats(df, price),
    spot: floats(df, spot),
    strike: floats(df, strike),
    tYears: floats(df, tYears),
    rate: numberOrColumn(df, rate, n),
    q: numberOrColumn(df, dividendYield, n),
  };
  const g = tableGreeks(codes, cols.price, cols.spot, cols.strike, cols.tYears, cols.rate, cols.q);
  const series = (name: string, values: Float64Array) => pl.Series(name, values, pl.Float64);
  const added = [
    series("iv", g.iv),
    statusNames(g.status),
    ...TABLE_GREEKS.map((name) => series(name, g[name])),
  ];
  return df.withColumns(...added).withColumns(
    ...["iv", ...TABLE_GREEKS].map((name) => pl.col(name).fillNan(null).alias(name)),
  );
}
