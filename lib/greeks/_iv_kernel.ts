/**
 * Implied volatility over typed-array columns (the hot loop): reduces each row to an
 * out-of-the-money normalised call; the calls are solved a block at a time (`_iv_block.ts`).
 *
 * @module
 */
import { fastExp } from "./_exp.ts";
import {
  SOLVE_BETA,
  SOLVE_BMAX,
  SOLVE_CAPACITY,
  SOLVE_S,
  SOLVE_X,
  solveBlock,
} from "./_iv_block.ts";
import {
  IV_ABOVE_MAX,
  IV_BAD_INPUT,
  IV_BELOW_INTRINSIC,
  IV_OK,
  IV_ZERO_TIME,
} from "./iv_status.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const BETA = SOLVE_BETA;
const BMAX = SOLVE_BMAX;
const S = SOLVE_S;
const X = SOLVE_X;
const CAPACITY = SOLVE_CAPACITY;
const ABOVE_MAX = IV_ABOVE_MAX;
const BAD_INPUT = IV_BAD_INPUT;
const BELOW_INTRINSIC = IV_BELOW_INTRINSIC;
const OK = IV_OK;
const ZERO_TIME = IV_ZERO_TIME;

/** Rounding noise, relative to the price scale, below which an ITM time value is zero. */
const NOISE = 4 * 2 ** -52;

/** Rows per block; every row of a block may need solving. */
const BLOCK = CAPACITY;
/** Batch index of each problem handed to `solveBlock`. */
const SOLVE_ROW = new Int32Array(BLOCK);
/** Two-slot tables to pick one of two values by a 0/1 index: exact and without a branch. */
const TIME_VALUE = new Float64Array(2);
const NOISE_FLOOR = new Float64Array(2);

/**
 * Fills `vol` and `status` for rows [0, n). `right` is 1 for a call, −1 for a put.
 * Each input has n values, or one value used for every row.
 *
 * With x = ln(F/K) = ln(S/K) + (r−q)T, the price is normalised to β = P·e^{rT}/√(FK).
 * An in-the-money option (right·x > 0) loses its normalised intrinsic value 2·sinh(|x|/2),
 * and what remains is the price of the out-of-the-money option at x' = −|x| (put–call
 * parity), bounded by b_max = e^{−|x|/2}. The solvable rows of each block of 512 go to
 * `solveBlock` together.
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
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = Math.min(n, lo + BLOCK);
    let m = 0;
    for (let i = lo; i < hi; i++) {
      const w = right[i * sW];
      const p = price[i * sP];
      const s = spot[i * sS];
      const k = strike[i * sK];
      const t = tYears[i * sT];
      const r = rate[i * sR];
      const q = dividendYield[i * sQ];
      vol[i] = NaN;
      // Comparisons combined with `&`: short-circuit operators compile to branches, and
      // the test of a right that is 1 or −1 at random would be mispredicted half the time.
      const valid = +(s > 0) & +(s < Infinity) & +(k > 0) & +(k < Infinity) &
        +(p - p === 0) & +(t - t === 0) & +(r - r === 0) & +(q - q === 0) & +(w * w === 1);
      if (valid === 0) {
        status[i] = BAD_INPUT;
        continue;
      }
      if (!(t > 0)) {
        status[i] = ZERO_TIME;
        continue;
      }
      const x = Math.log(s / k) + (r - q) * t;
      const beta = p * fastExp(0.5 * (r + q) * t) / Math.sqrt(s * k);
      const ax = Math.abs(x); // x is never −0: ln never returns −0
      const eh = fastExp(0.5 * ax); // e^{|x|/2} >= 1
      const bMax = 1 / eh; // upper bound of the out-of-the-money normalised price
      // In the money: subtract the normalised intrinsic value 2·sinh(|x|/2) = e^{|x|/2} −
      // e^{−|x|/2} (absolute error ~ε, far below the rounding noise floor applied to it).
      // Calls and puts are mixed at random: the choices are table lookups, not branches.
      const itm = +(w * x > 0);
      TIME_VALUE[0] = beta;
      TIME_VALUE[1] = beta - (eh - bMax);
      NOISE_FLOOR[0] = 0;
      NOISE_FLOOR[1] = NOISE * (beta + eh);
      const tv = TIME_VALUE[itm];
      if (!(tv > NOISE_FLOOR[itm])) {
        status[i] = BELOW_INTRINSIC;
        continue;
      }
      if (tv >= bMax) {
        status[i] = ABOVE_MAX;
        continue;
      }
      X[m] = -ax;
      BETA[m] = tv;
      BMAX[m] = bMax;
      SOLVE_ROW[m] = i;
      m++;
    }
    solveBlock(m);
    for (let k = 0; k < m; k++) {
      const i = SOLVE_ROW[k];
      vol[i] = S[k] / Math.sqrt(tYears[i * sT]);
      status[i] = OK;
    }
  }
}
