/**
 * Implied volatility over typed-array columns (the hot loop): reduces each row to an
 * out-of-the-money normalised call and solves it with `_total_vol.ts`.
 *
 * @module
 */
import { fastExp } from "./_exp.ts";
import { totalVolatility } from "./_total_vol.ts";
import {
  IV_ABOVE_MAX,
  IV_BAD_INPUT,
  IV_BELOW_INTRINSIC,
  IV_OK,
  IV_ZERO_TIME,
} from "./iv_status.ts";

/** Rounding noise, relative to the price scale, below which an ITM time value is zero. */
const NOISE = 4 * 2 ** -52;

/**
 * Fills `vol` and `status` for rows [0, n). `right` is 1 for a call, −1 for a put.
 * Each input has n values, or one value used for every row.
 *
 * With x = ln(F/K) = ln(S/K) + (r−q)T, the price is normalised to β = P·e^{rT}/√(FK).
 * An in-the-money option (right·x > 0) loses its normalised intrinsic value 2·sinh(|x|/2),
 * and what remains is the price of the out-of-the-money option at x' = −|x| (put–call
 * parity), bounded by b_max = e^{−|x|/2}.
 */
export function impliedVolKernel(
  n: number,
  right: Int8Array,
  price: Float64Array,
  spot: Float64Array,
  strike: Float64Array,
  tYears: Float64Array,
  rate: Float64Array,
  dividendYield: Float64Array,
  vol: Float64Array,
  status: Uint8Array,
): void {
  // Strides: an input of length 1 is broadcast to every row.
  const sW = right.length === 1 ? 0 : 1;
  const sP = price.length === 1 ? 0 : 1;
  const sS = spot.length === 1 ? 0 : 1;
  const sK = strike.length === 1 ? 0 : 1;
  const sT = tYears.length === 1 ? 0 : 1;
  const sR = rate.length === 1 ? 0 : 1;
  const sQ = dividendYield.length === 1 ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const w = right[i * sW];
    const p = price[i * sP];
    const s = spot[i * sS];
    const k = strike[i * sK];
    const t = tYears[i * sT];
    const r = rate[i * sR];
    const q = dividendYield[i * sQ];
    vol[i] = NaN;
    if (
      !(s > 0 && k > 0 && s < Infinity && k < Infinity && p - p === 0 && t - t === 0 &&
        r - r === 0 && q - q === 0) || (w !== 1 && w !== -1)
    ) {
      status[i] = IV_BAD_INPUT;
      continue;
    }
    if (!(t > 0)) {
      status[i] = IV_ZERO_TIME;
      continue;
    }
    const x = Math.log(s / k) + (r - q) * t;
    const beta = p * fastExp(0.5 * (r + q) * t) / Math.sqrt(s * k);
    const ax = x < 0 ? -x : x;
    const eh = fastExp(0.5 * ax); // e^{|x|/2} >= 1
    const bMax = 1 / eh; // upper bound of the out-of-the-money normalised price
    // In the money: subtract the normalised intrinsic value 2·sinh(|x|/2) = e^{|x|/2} − e^{−|x|/2}
    // (absolute error ~ε, far below the rounding noise floor applied to it).
    const itm = w * x > 0;
    const tv = itm ? beta - (eh - bMax) : beta;
    if (!(tv > (itm ? NOISE * (beta + eh) : 0))) {
      status[i] = IV_BELOW_INTRINSIC;
      continue;
    }
    if (tv >= bMax) {
      status[i] = IV_ABOVE_MAX;
      continue;
    }
    vol[i] = totalVolatility(-ax, tv, bMax) / Math.sqrt(t);
    status[i] = IV_OK;
  }
}
