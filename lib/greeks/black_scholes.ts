/**
 * Vectorised Black–Scholes–Merton price and Greeks.
 *
 * @module
 */
import {
  allocateColumns,
  type BlackScholesColumns,
  blackScholesKernel,
  GREEK_NAMES,
} from "./_bs_kernel.ts";
import {
  floatColumn,
  type NumberColumn,
  type RightColumn,
  rightColumn,
  rowCount,
} from "./_columns.ts";

export type { BlackScholesColumns, NumberColumn, RightColumn };

/** Name of an output column of {@link blackScholes}: `"price"`, `"delta"`, … `"vomma"`. */
export type GreekName = keyof BlackScholesColumns;

/**
 * Inputs of {@link blackScholes}; each is a scalar (broadcast) or one value per row.
 * K is the set of columns asked for (all ten by default).
 */
export interface BlackScholesOptions<K extends GreekName = GreekName> {
  /** `"call"`, `"put"`, or per row: 1 = call, −1 = put (Int8Array or array), or the names. */
  right: RightColumn;
  /** Underlying price S (> 0). */
  spot: NumberColumn;
  /** Strike K (> 0), in the units of spot. */
  strike: NumberColumn;
  /** Time to expiry T in years (> 0); see `yearsToExpiry`. */
  tYears: NumberColumn;
  /** Continuously compounded risk-free rate r per year, as a decimal (0.05 = 5%). @default 0 */
  rate?: NumberColumn;
  /** Continuous dividend yield q per year, as a decimal. @default 0 */
  dividendYield?: NumberColumn;
  /** Volatility σ per √year, as a decimal (0.2 = 20%, > 0). */
  vol: NumberColumn;
  /**
   * The columns to compute and return, e.g. `["price", "delta"]`; the others cost nothing.
   * Work is shared within three groups: price and delta (they need Φ(d1) and Φ(d2));
   * gamma, vega, vanna and vomma (only the density, the cheapest); theta, rho, dividendRho
   * and charm. @default all ten
   */
  outputs?: readonly K[];
  /**
   * Columns to write into instead of allocating new ones (each at least as long as the
   * batch), e.g. reused across batches in a hot loop: fresh 8 MB-per-million-rows arrays
   * cost page faults. Only the columns in `outputs` are written. @default new arrays
   */
  out?: Pick<BlackScholesColumns, K>;
}

/**
 * European option price and Greeks under Black–Scholes–Merton with continuous dividend
 * yield: with F = S·e^{(r−q)T}, d1 = (ln(S/K) + (r − q + σ²/2)T)/(σ√T), d2 = d1 − σ√T,
 * a call is S·e^{−qT}·Φ(d1) − K·e^{−rT}·Φ(d2) and a put K·e^{−rT}·Φ(−d2) − S·e^{−qT}·Φ(−d1).
 *
 * Greeks are mathematical partials: per 1.0 of vol (vega, vanna, vomma), per 1.0 of rate
 * (rho, dividendRho), per year (theta and charm, as calendar time passes, so theta is
 * usually negative). Use `thetaDay`, `vegaPct` and `rhoPct` for trader units. Φ is
 * computed from Cody's erfc, so deep in- or out-of-the-money rows, one-minute expiries and
 * vols of 500% keep full accuracy (far tails are tiny but exact, never NaN).
 *
 * A row with spot, strike, tYears or vol not finite and positive, rate or dividend yield
 * not finite, or an invalid right gets NaN in every column.
 *
 * @param options The inputs; arrays must all have the same length.
 * @returns One Float64Array per requested output, one value per row (length 1 if all
 * inputs are scalars); `options.out` itself when given.
 * @throws {RangeError} If array inputs differ in length, a scalar right is not
 * "call"/"put", an output name is unknown, or an `out` column is missing or too short.
 * @throws {TypeError} If an input is neither a number nor an array.
 *
 * @example
 * ```ts
 * import { blackScholes } from "./black_scholes.ts";
 * import assert from "node:assert/strict";
 * // Hull's example: S = 42, K = 40, r = 10%, σ = 20%, six months.
 * const g = blackScholes({ right: new Int8Array([1, -1]), spot: 42, strike: 40, tYears: 0.5, rate: 0.1, vol: 0.2 });
 * assert.equal(g.price[0].toFixed(2), "4.76");
 * assert.equal(g.price[1].toFixed(2), "0.81");
 * // Only what is asked for is computed.
 * const pd = blackScholes({ right: "call", spot: 42, strike: 40, tYears: 0.5, rate: 0.1, vol: 0.2, outputs: ["price", "delta"] });
 * assert.deepEqual(Object.keys(pd), ["price", "delta"]);
 * assert.equal(pd.price[0], g.price[0]);
 * ```
 */
export function blackScholes<K extends GreekName = GreekName>(
  options: BlackScholesOptions<K>,
): Pick<BlackScholesColumns, K> {
  const { right, spot, strike, tYears, rate = 0, dividendYield = 0, vol, outputs, out: into } =
    options;
  const what = "Black-Scholes";
  const n = rowCount(what, { right, spot, strike, tYears, rate, dividendYield, vol });
  if (outputs !== undefined && !Array.isArray(outputs)) {
    throw new TypeError(`Cannot compute ${what}: outputs must be an array of column names`);
  }
  const names = [...new Set<GreekName>(outputs ?? GREEK_NAMES)];
  for (const name of names) {
    if (!GREEK_NAMES.includes(name)) {
      throw new RangeError(`Cannot compute ${what}: unknown output "${name}"`);
    }
  }
  const given: Partial<BlackScholesColumns> | undefined = into;
  const columns: Partial<BlackScholesColumns> = given === undefined
    ? allocateColumns(n, names)
    : {};
  if (given !== undefined) {
    for (const name of names) {
      const column = given[name];
      if (!(column instanceof Float64Array) || column.length < n) {
        throw new RangeError(
          `Cannot compute ${what}: out.${name} must be a Float64Array of at least ${n} rows`,
        );
      }
      columns[name] = column;
    }
  }
  blackScholesKernel(
    n,
    rightColumn(what, right, n),
    floatColumn(what, "spot", spot, n),
    floatColumn(what, "strike", strike, n),
    floatColumn(what, "tYears", tYears, n),
    floatColumn(what, "rate", rate, n),
    floatColumn(what, "dividendYield", dividendYield, n),
    floatColumn(what, "vol", vol, n),
    columns,
  );
  return into ?? columns as Pick<BlackScholesColumns, K>;
}
