/**
 * Vectorised implied volatility.
 *
 * @module
 */
import {
  floatColumn,
  type NumberColumn,
  type RightColumn,
  rightColumn,
  rowCount,
} from "./_columns.ts";
import { impliedVolKernel } from "./_iv_kernel.ts";

/** Inputs of {@link impliedVol}; each is a scalar (broadcast) or one value per row. */
export interface ImpliedVolOptions {
  /** `"call"`, `"put"`, or per row: 1 = call, −1 = put (Int8Array or array), or the names. */
  right: RightColumn;
  /** Option price (per share, discounted, in the units of spot). */
  price: NumberColumn;
  /** Underlying price S (> 0). */
  spot: NumberColumn;
  /** Strike K (> 0). */
  strike: NumberColumn;
  /** Time to expiry T in years; rows with T <= 0 get status `zero_time`. */
  tYears: NumberColumn;
  /** Continuously compounded rate r per year, as a decimal. @default 0 */
  rate?: NumberColumn;
  /** Continuous dividend yield q per year, as a decimal. @default 0 */
  dividendYield?: NumberColumn;
}

/** Result of {@link impliedVol}. */
export interface ImpliedVolResult {
  /** Black–Scholes–Merton volatility per √year as a decimal; NaN where status is not ok. */
  vol: Float64Array;
  /** Status code per row, an index into `IV_STATUS` (0 = ok); see `ivStatusNames`. */
  status: Uint8Array;
}

/**
 * Black–Scholes–Merton implied volatility of European options from their prices.
 *
 * The solver follows P. Jäckel, "Let's Be Rational" (Wilmott, 2015): the price is reduced
 * to a normalised out-of-the-money call, a rational-cubic initial guess on one of four
 * branches is refined by at most two third-order Householder steps, and the result is
 * accurate to a few ulps of the volatility the price determines, across all moneyness,
 * one-minute to multi-year expiries and vols from 0.1% to 1000%+. The absolute error is
 * then governed by how much the price says about the vol: deep in-the-money options with
 * a time value near rounding noise can only be recovered to (price ulp)/vega.
 *
 * Rows never get a silent wrong number: vol is NaN and status says why when the price is
 * at or below the lower bound (`below_intrinsic`), at or above the upper bound
 * (`above_max`), T <= 0 (`zero_time`) or an input is invalid (`bad_input`).
 *
 * @param options The inputs; arrays must all have the same length.
 * @returns vol (Float64Array) and status (Uint8Array), one per row.
 * @throws {RangeError} If array inputs differ in length or a scalar right is not "call"/"put".
 * @throws {TypeError} If an input is neither a number nor an array.
 *
 * @example
 * ```ts
 * import { impliedVol } from "./implied_vol.ts";
 * import { ivStatusNames } from "./iv_status.ts";
 * import assert from "node:assert/strict";
 * const { vol, status } = impliedVol({
 *   right: "call", price: [4.759422392871532, 1], spot: 42, strike: 40, tYears: 0.5, rate: 0.1,
 * });
 * assert.ok(Math.abs(vol[0] - 0.2) < 1e-14);
 * assert.deepEqual(ivStatusNames(status), ["ok", "below_intrinsic"]);
 * ```
 */
export function impliedVol(options: ImpliedVolOptions): ImpliedVolResult {
  const { right, price, spot, strike, tYears, rate = 0, dividendYield = 0 } = options;
  const what = "implied volatility";
  const n = rowCount(what, { right, price, spot, strike, tYears, rate, dividendYield });
  const vol = new Float64Array(n);
  const status = new Uint8Array(n);
  impliedVolKernel(
    n,
    rightColumn(what, right, n),
    floatColumn(what, "price", price, n),
    floatColumn(what, "spot", spot, n),
    floatColumn(what, "strike", strike, n),
    floatColumn(what, "tYears", tYears, n),
    floatColumn(what, "rate", rate, n),
    floatColumn(what, "dividendYield", dividendYield, n),
    vol,
    status,
  );
  return { vol, status };
}
