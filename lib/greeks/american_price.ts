/**
 * Vectorised American option prices and Greeks (Barone-Adesi–Whaley).
 *
 * @module
 */
import { bawPrice } from "./_baw.ts";
import {
  floatColumn,
  type NumberColumn,
  type RightColumn,
  rightColumn,
  rowCount,
} from "./_columns.ts";

/** Inputs of {@link americanPrice}; each is a scalar (broadcast) or one value per row. */
export interface AmericanPriceOptions {
  /** `"call"`, `"put"`, or per row: 1 = call, −1 = put, or the names. */
  right: RightColumn;
  /** Underlying price S (> 0). */
  spot: NumberColumn;
  /** Strike K (> 0). */
  strike: NumberColumn;
  /** Time to expiry T in years (> 0). */
  tYears: NumberColumn;
  /** Continuously compounded rate r per year, as a decimal. @default 0 */
  rate?: NumberColumn;
  /** Continuous dividend yield q per year, as a decimal. @default 0 */
  dividendYield?: NumberColumn;
  /** Volatility σ per √year, as a decimal (> 0). */
  vol: NumberColumn;
}

/** American prices and Greeks, one value per row (mathematical partials, as `blackScholes`). */
export interface AmericanColumns {
  price: Float64Array;
  /** ∂V/∂S. */
  delta: Float64Array;
  /** ∂²V/∂S². */
  gamma: Float64Array;
  /** ∂V/∂σ per 1.0 of vol. */
  vega: Float64Array;
  /** ∂V/∂t per year (calendar time passing: −∂V/∂T). */
  theta: Float64Array;
  /** ∂V/∂r per 1.0 of rate. */
  rho: Float64Array;
}

const at = (c: Float64Array, i: number) => (c.length === 1 ? c[0] : c[i]);

/** Unpacked, checked columns shared by the American functions. */
export interface AmericanInputs {
  n: number;
  right: Int8Array;
  spot: Float64Array;
  strike: Float64Array;
  tYears: Float64Array;
  rate: Float64Array;
  dividendYield: Float64Array;
}

/** Checks and unpacks the common inputs (`what` names the computation in errors). */
export function americanInputs(
  what: string,
  o: Omit<AmericanPriceOptions, "vol"> & { vol?: NumberColumn; price?: NumberColumn },
): AmericanInputs {
  const { right, spot, strike, tYears, rate = 0, dividendYield = 0 } = o;
  const cols: Record<string, unknown> = { right, spot, strike, tYears, rate, dividendYield };
  if (o.vol !== undefined) cols.vol = o.vol;
  if (o.price !== undefined) cols.price = o.price;
  const n = rowCount(what, cols);
  return {
    n,
    right: rightColumn(what, right, n),
    spot: floatColumn(what, "spot", spot, n),
    strike: floatColumn(what, "strike", strike, n),
    tYears: floatColumn(what, "tYears", tYears, n),
    rate: floatColumn(what, "rate", rate, n),
    dividendYield: floatColumn(what, "dividendYield", dividendYield, n),
  };
}

/** Whether a row's inputs admit a price (finite, S, K, T, σ > 0, a known right). */
export function validRow(
  right: number,
  s: number,
  k: number,
  t: number,
  r: number,
  q: number,
  v: number,
): boolean {
  return (right === 1 || right === -1) && s > 0 && s < Infinity && k > 0 && k < Infinity &&
    t > 0 && t < Infinity && v > 0 && v < Infinity && Number.isFinite(r) && Number.isFinite(q);
}

/**
 * American option prices by the Barone-Adesi–Whaley (1987) quadratic approximation, with
 * continuous dividend yield. Accurate to about 1e-3 of the strike against a fine binomial
 * tree for the expiries options research uses (up to a year; errors grow with T); exact
 * (the European price) where early exercise is never optimal: calls with q ≤ 0, puts with
 * r ≤ 0. Rows with invalid inputs (non-finite, S, K, T or σ ≤ 0) get NaN.
 *
 * @param options The inputs; arrays must all have the same length.
 * @returns One price per row, per share.
 * @throws {RangeError} If array inputs differ in length or a scalar right is unknown.
 *
 * @example
 * ```ts
 * import { americanPrice } from "./american_price.ts";
 * import assert from "node:assert/strict";
 * // Haug (1998) p. 24: K = 100, S = 100, r = q = 10%, T = 0.1, σ = 0.15: 1.8771.
 * const p = americanPrice({ right: "call", spot: 100, strike: 100, tYears: 0.1, rate: 0.1, dividendYield: 0.1, vol: 0.15 });
 * assert.ok(Math.abs(p[0] - 1.8771) < 3e-3);
 * ```
 */
export function americanPrice(options: AmericanPriceOptions): Float64Array {
  const what = "American price";
  const c = americanInputs(what, options);
  const vol = floatColumn(what, "vol", options.vol, c.n);
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const right = c.right.length === 1 ? c.right[0] : c.right[i];
    const s = at(c.spot, i), k = at(c.strike, i), t = at(c.tYears, i);
    const r = at(c.rate, i), q = at(c.dividendYield, i), v = at(vol, i);
    out[i] = validRow(right, s, k, t, r, q, v) ? bawPrice(right === 1, s, k, t, r, q, v) : NaN;
  }
  return out;
}

/** Relative bump of spot for delta and gamma. */
const SPOT_BUMP = 1e-4;
/** Bumps of vol and rate (absolute) and of time (years: about 53 minutes). */
const VOL_BUMP = 1e-4, RATE_BUMP = 1e-5, TIME_BUMP = 1e-4;

/**
 * American prices and Greeks (Barone-Adesi–Whaley), the Greeks by central finite
 * differences of the price: spot ±0.01%, vol ±0.01, rate ±0.001%, and theta as the change
 * over the next 1e-4 years (one-sided near expiry). Mathematical partials, as
 * `blackScholes` returns them: convert with `thetaDay`, `vegaPct`, `rhoPct`.
 *
 * @param options The inputs, as {@link americanPrice}.
 * @returns price, delta, gamma, vega, theta and rho columns; NaN for invalid rows.
 * @throws {RangeError} If array inputs differ in length or a scalar right is unknown.
 *
 * @example
 * ```ts
 * import { americanGreeks } from "./american_price.ts";
 * import assert from "node:assert/strict";
 * // Deep in-the-money American put below its exercise boundary: worth K − S, delta −1.
 * const g = americanGreeks({ right: "put", spot: 60, strike: 100, tYears: 0.5, rate: 0.05, vol: 0.2 });
 * assert.equal(g.price[0], 40);
 * assert.ok(Math.abs(g.delta[0] + 1) < 1e-9);
 * ```
 */
export function americanGreeks(options: AmericanPriceOptions): AmericanColumns {
  const what = "American Greeks";
  const c = americanInputs(what, options);
  const vol = floatColumn(what, "vol", options.vol, c.n);
  const n = c.n;
  const out: AmericanColumns = {
    price: new Float64Array(n),
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    vega: new Float64Array(n),
    theta: new Float64Array(n),
    rho: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const right = c.right.length === 1 ? c.right[0] : c.right[i];
    const s = at(c.spot, i), k = at(c.strike, i), t = at(c.tYears, i);
    const r = at(c.rate, i), q = at(c.dividendYield, i), v = at(vol, i);
    if (!validRow(right, s, k, t, r, q, v)) {
      out.price[i] =
        out.delta[i] =
        out.gamma[i] =
        out.vega[i] =
        out.theta[i] =
        out.rho[i] =
          NaN;
      continue;
    }
    const call = right === 1;
    const p = bawPrice(call, s, k, t, r, q, v);
    const h = s * SPOT_BUMP;
    const up = bawPrice(call, s + h, k, t, r, q, v), dn = bawPrice(call, s - h, k, t, r, q, v);
    out.price[i] = p;
    out.delta[i] = (up - dn) / (2 * h);
    out.gamma[i] = (up - 2 * p + dn) / (h * h);
    const dv = Math.min(VOL_BUMP, v / 2);
    out.vega[i] = (bawPrice(call, s, k, t, r, q, v + dv) - bawPrice(call, s, k, t, r, q, v - dv)) /
      (2 * dv);
    out.rho[i] = (bawPrice(call, s, k, t, r + RATE_BUMP, q, v) -
      bawPrice(call, s, k, t, r - RATE_BUMP, q, v)) / (2 * RATE_BUMP);
    const dt = Math.min(TIME_BUMP, t / 2);
    out.theta[i] = (bawPrice(call, s, k, t - dt, r, q, v) - p) / dt;
  }
  return out;
}
