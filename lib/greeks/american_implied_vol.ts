/**
 * Implied volatility of American options (Barone-Adesi–Whaley prices).
 *
 * @module
 */
import { bawPrice, europeanPrice, lastCriticalRatio } from "./_baw.ts";
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
const TOL = 1e-10;
const MAX_ITER = 80;
const at = (c: Float64Array, i: number) => (c.length === 1 ? c[0] : c[i]);

/** Outcome of one row's solve: a vol, or a status saying no vol in range gives the price. */
const BELOW = -1, ABOVE = -2;

/**
 * σ in [VOL_MIN, VOL_MAX] with BAW(σ) = price by secant steps from two starting points
 * (x0, f0) and (x1, f1), f = BAW − price, kept inside a bracket (bisection when a step leaves
 * it; the ends are priced only when a step heads past them, to tell a price no vol in range
 * gives). Returns the vol, or BELOW / ABOVE.
 */
function solveRow(
  call: boolean,
  price: number,
  s: number,
  k: number,
  t: number,
  r: number,
  q: number,
  start: readonly [number, number, number, number],
  seed: number,
): number {
  let [x0, f0, x1, f1] = start;
  let lo = VOL_MIN, hi = VOL_MAX, loKnown = false, hiKnown = false;
  const f = (x: number) => {
    const v = bawPrice(call, s, k, t, r, q, x, seed) - price;
    seed = lastCriticalRatio();
    return v;
  };
  const bracket = (x: number, fx: number) => {
    if (fx < 0 && x >= lo) lo = x, loKnown = true;
    else if (fx > 0 && x <= hi) hi = x, hiKnown = true;
  };
  bracket(x0, f0);
  bracket(x1, f1);
  for (let it = 0; it < MAX_ITER; it++) {
    if (f1 === 0) return x1;
    let x2 = f1 !== f0 ? x1 - f1 * (x1 - x0) / (f1 - f0) : NaN;
    if (!(x2 > lo && x2 < hi)) {
      if (!(x2 < hi) && !hiKnown) { // heading past the top: can any vol in range reach it?
        if (f(VOL_MAX) < 0) return ABOVE;
        hiKnown = true;
      }
      if (!(x2 > lo) && !loKnown) {
        if (f(VOL_MIN) > 0) return BELOW;
        loKnown = true;
      }
      x2 = 0.5 * (lo + hi);
    }
    const f2 = f(x2);
    bracket(x2, f2);
    if (Math.abs(x2 - x1) <= TOL * Math.max(1, x2) || hi - lo <= TOL) return x2;
    x0 = x1, f0 = f1, x1 = x2, f1 = f2;
  }
  return x1;
}

/**
 * Implied volatility of American options: the σ whose Barone-Adesi–Whaley price equals the
 * given price, to about 1e-9 in σ. Each row starts from two vectorised European inversions
 * (σ0 = the European vol of the price; σ1 = the European vol of the price less the
 * early-exercise premium at σ0) and finishes with bracketed secant steps on the BAW price,
 * each critical-price solve seeded by the last; where early exercise is worth nothing
 * (calls with q ≤ 0, puts with r ≤ 0) the European vol is the answer. Status codes as `impliedVol`: `below_intrinsic` for prices at or under
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
 * assert.ok(Math.abs(vol[0] - 0.3) < 1e-9);
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
  // Rows to solve, with their first step: σ0 = the European vol of the price, and
  // σ1 = the European vol of the price less the early-exercise premium at σ0.
  const rows: number[] = [];
  const premium: number[] = [], seeds: number[] = [];
  const target: number[] = [];
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
    // The σ → 0 limit: intrinsic value, or the European bound if higher. An American price
    // at its intrinsic value (the exercise region) determines no vol.
    const euroFloor = call
      ? s * Math.exp(-q * t) - k * Math.exp(-r * t)
      : k * Math.exp(-r * t) - s * Math.exp(-q * t);
    const floor = Math.max(call ? s - k : k - s, euroFloor, 0);
    if (p <= floor + 4 * 2 ** -52 * Math.max(s, k)) {
      status[i] = IV_BELOW_INTRINSIC;
      continue;
    }
    if (p >= (call ? s : k)) {
      status[i] = IV_ABOVE_MAX;
      continue;
    }
    status[i] = IV_OK;
    rows.push(i);
    const v0 = euro.status[i] === IV_OK ? euro.vol[i] : 0.3;
    vol[i] = v0;
    const amer = bawPrice(call, s, k, t, r, q, v0);
    seeds.push(lastCriticalRatio());
    const prem = amer - europeanPrice(call, s, k, t, r, q, v0);
    premium.push(amer - p); // f(σ0) = BAW(σ0) − price
    target.push(euro.status[i] === IV_OK ? p - prem : NaN);
  }
  // σ1 for every row at once.
  const m = rows.length;
  // A column of one value is a broadcast scalar (a typed array of 1 would be one row).
  const sub = (col: Float64Array) =>
    col.length === 1 ? col[0] : Float64Array.from(rows, (i) => col[i]);
  const first = impliedVol({
    right: c.right.length === 1
      ? (c.right[0] === 1 ? "call" : "put")
      : Int8Array.from(rows, (i) => c.right[i]),
    price: Float64Array.from(target),
    spot: sub(c.spot),
    strike: sub(c.strike),
    tYears: sub(c.tYears),
    rate: sub(c.rate),
    dividendYield: sub(c.dividendYield),
  });
  for (let j = 0; j < m; j++) {
    const i = rows[j];
    const call = (c.right.length === 1 ? c.right[0] : c.right[i]) === 1;
    const s = at(c.spot, i), k = at(c.strike, i), t = at(c.tYears, i);
    const r = at(c.rate, i), q = at(c.dividendYield, i), p = at(price, i);
    const x0 = vol[i], f0 = premium[j];
    // Done already when the premium moves the vol by less than 1e-10 (|f0| / vega).
    const sd = x0 * Math.sqrt(t), d1 = (Math.log(s / k) + (r - q + 0.5 * x0 * x0) * t) / sd;
    const vegaE = s * Math.exp(-q * t) * Math.sqrt(t) * Math.exp(-0.5 * d1 * d1) *
      0.3989422804014327;
    if (Math.abs(f0) <= 1e-10 * vegaE) continue;
    const x1 = first.status[j] === IV_OK ? first.vol[j] : x0 * (f0 > 0 ? 0.9 : 1.1);
    const f1 = bawPrice(call, s, k, t, r, q, x1, seeds[j]) - p;
    const v = solveRow(call, p, s, k, t, r, q, [x0, f0, x1, f1], lastCriticalRatio());
    if (v === BELOW) vol[i] = NaN, status[i] = IV_BELOW_INTRINSIC;
    else if (v === ABOVE) vol[i] = NaN, status[i] = IV_ABOVE_MAX;
    else vol[i] = v;
  }
  return { vol, status };
}
