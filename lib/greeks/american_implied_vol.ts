/**
 * Implied volatility of American options (Barone-Adesi–Whaley prices).
 *
 * @module
 */
import { bawPrice } from "./_baw.ts";
import { floatColumn, type NumberColumn, type RightColumn } from "./_columns.ts";
import { americanInputs, validRow } from "./american_price.ts";
import {
  IV_ABOVE_MAX,
  IV_BAD_INPUT,
  IV_BELOW_INTRINSIC,
  IV_OK,
  IV_ZERO_TIME,
} from "./iv_status.ts";
import { impliedVol } from "./implied_vol.ts";
import type { ImpliedVolResult } from "./implied_vol.ts";

/** Inputs of {@link americanImpliedVol}; each is a scalar (broadcast) or one value per row. */
export interface AmericanImpliedVolOptions {
  /** `"call"`, `"put"`, or per row: 1 = call, −1 = put, or the names. */
  right: RightColumn;
  /** Option price per share. */
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

const VOL_MIN = 1e-4, VOL_MAX = 10;
const TOL = 1e-12;
const MAX_ITER = 80;
const at = (c: Float64Array, i: number) => (c.length === 1 ? c[0] : c[i]);

/**
 * Volatility σ in [VOL_MIN, VOL_MAX] with BAW(σ) = price, by secant steps kept inside a
 * bracket (bisection when a step leaves it), from a European first guess.
 */
function solveRow(
  call: boolean,
  price: number,
  s: number,
  k: number,
  t: number,
  r: number,
  q: number,
  guess: number,
): number {
  let lo = VOL_MIN, hi = VOL_MAX;
  let x0 = guess > lo && guess < hi ? guess : 0.3;
  let f0 = bawPrice(call, s, k, t, r, q, x0) - price;
  if (f0 === 0) return x0;
  if (f0 < 0) lo = x0;
  else hi = x0;
  // Second point: a small step in the direction that closes the gap.
  let x1 = f0 < 0 ? Math.min(x0 * 1.05 + 1e-3, hi) : Math.max(x0 * 0.95 - 1e-3, lo);
  let f1 = bawPrice(call, s, k, t, r, q, x1, true) - price;
  for (let it = 0; it < MAX_ITER; it++) {
    if (f1 === 0) return x1;
    if (f1 < 0) lo = Math.max(lo, x1);
    else hi = Math.min(hi, x1);
    let x2 = f1 !== f0 ? x1 - f1 * (x1 - x0) / (f1 - f0) : NaN;
    if (!(x2 > lo && x2 < hi)) x2 = 0.5 * (lo + hi);
    if (Math.abs(x2 - x1) <= TOL * Math.max(1, x1) || hi - lo <= TOL) return x2;
    x0 = x1, f0 = f1;
    x1 = x2;
    f1 = bawPrice(call, s, k, t, r, q, x1, true) - price;
  }
  return x1;
}

/**
 * Implied volatility of American options: the σ whose Barone-Adesi–Whaley price equals the
 * given price, to 1e-12 in σ. The European implied vol of the same price is the first
 * guess; where early exercise is worth nothing (calls with q ≤ 0, puts with r ≤ 0) it is
 * the answer. Status codes as `impliedVol`: `below_intrinsic` for prices at or under
 * max(intrinsic, the price as σ → 0), `above_max` for prices at or over the bound reached
 * as σ → 10 (1000%) or the upper bound (S for calls, K for puts).
 *
 * @param options The inputs; arrays must all have the same length.
 * @returns vol (NaN where status is not ok) and status, one per row.
 * @throws {RangeError} If array inputs differ in length or a scalar right is unknown.
 *
 * @example
 * ```ts
 * import { americanImpliedVol } from "./american_implied_vol.ts";
 * import { americanPrice } from "./american_price.ts";
 * import assert from "node:assert/strict";
 * const o = { right: "put", spot: 40, strike: 45, tYears: 0.25, rate: 0.05 } as const;
 * const price = americanPrice({ ...o, vol: 0.3 });
 * const { vol, status } = americanImpliedVol({ ...o, price });
 * assert.ok(Math.abs(vol[0] - 0.3) < 1e-10);
 * assert.equal(status[0], 0);
 * ```
 */
export function americanImpliedVol(options: AmericanImpliedVolOptions): ImpliedVolResult {
  const what = "American implied volatility";
  const c = americanInputs(what, options);
  const price = floatColumn(what, "price", options.price, c.n);
  const euro = impliedVol(options);
  const n = c.n;
  const vol = new Float64Array(n);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const right = c.right.length === 1 ? c.right[0] : c.right[i];
    const s = at(c.spot, i), k = at(c.strike, i), t = at(c.tYears, i);
    const r = at(c.rate, i), q = at(c.dividendYield, i), p = at(price, i);
    vol[i] = NaN;
    if (!(t > 0) && Number.isFinite(t)) {
      status[i] = IV_ZERO_TIME;
      continue;
    }
    if (!validRow(right, s, k, t, r, q, 1) || !Number.isFinite(p)) {
      status[i] = IV_BAD_INPUT;
      continue;
    }
    const call = right === 1;
    if (call ? q <= 0 : r <= 0) { // European is exact
      vol[i] = euro.vol[i], status[i] = euro.status[i];
      continue;
    }
    // An American price at its intrinsic value (the exercise region) determines no vol.
    const low = bawPrice(call, s, k, t, r, q, VOL_MIN);
    const floor = Math.max(call ? s - k : k - s, low > 0 ? low : 0, 0);
    if (p <= floor + 4 * 2 ** -52 * Math.max(s, k)) {
      status[i] = IV_BELOW_INTRINSIC;
      continue;
    }
    if (p >= (call ? s : k) || p >= bawPrice(call, s, k, t, r, q, VOL_MAX)) {
      status[i] = IV_ABOVE_MAX;
      continue;
    }
    const guess = euro.status[i] === IV_OK ? euro.vol[i] : 0.3;
    vol[i] = solveRow(call, p, s, k, t, r, q, guess);
    status[i] = IV_OK;
  }
  return { vol, status };
}
