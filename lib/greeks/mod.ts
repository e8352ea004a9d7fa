/**
 * Black–Scholes–Merton prices, Greeks and implied volatility, vectorised over
 * Float64Array columns.
 *
 * Conventions: spot S and strike K in the same currency per share; tYears a year
 * fraction on a 365-day calendar (see `yearsToExpiry`); rate r and dividend yield q
 * continuously compounded, as decimals; vol σ per √year as a decimal. Kernels return
 * mathematical partials (per year, per 1.0 of vol, per 1.0 of rate); `thetaDay`,
 * `vegaPct` and `rhoPct` convert to trader units, and `withGreeks` adds trader-unit
 * columns to a Polars DataFrame. Rights are `"call"`/`"put"` for a whole batch, or per
 * row 1 = call, −1 = put (an Int8Array is used as is) or the names.
 *
 * Implied volatility follows Jäckel's "Let's Be Rational" (a rational initial guess and
 * at most two Householder steps) and comes back to a few ulps of what the price
 * determines; prices that admit no volatility give NaN and a status (`IV_STATUS`).
 *
 * @example
 * ```ts
 * import * as greeks from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const spot = 42, strike = 40, tYears = 0.5, rate = 0.1;
 * const g = greeks.blackScholes({ right: "call", spot, strike, tYears, rate, vol: 0.2 });
 * assert.equal(g.price[0].toFixed(2), "4.76"); // Hull's example
 * const iv = greeks.impliedVol({ right: "call", price: g.price, spot, strike, tYears, rate });
 * assert.ok(Math.abs(iv.vol[0] - 0.2) < 1e-14);
 * assert.deepEqual(greeks.ivStatusNames(iv.status), ["ok"]);
 * assert.equal(greeks.thetaDay(g.theta[0]).toFixed(4), "-0.0125"); // per calendar day
 * ```
 *
 * @module
 */
export {
  blackScholes,
  type BlackScholesColumns,
  type BlackScholesOptions,
  type GreekName,
  type NumberColumn,
  type RightColumn,
} from "./black_scholes.ts";
export {
  blackScholesScalar,
  type BlackScholesScalarOptions,
  type Greeks,
} from "./black_scholes_scalar.ts";
export { impliedVol, type ImpliedVolOptions, type ImpliedVolResult } from "./implied_vol.ts";
export { impliedVolScalar, type ImpliedVolScalarOptions } from "./implied_vol_scalar.ts";
export { IV_STATUS, type IvStatusName, ivStatusNames } from "./iv_status.ts";
export { rhoPct } from "./rho_pct.ts";
export { DAYS_PER_YEAR, thetaDay } from "./theta_day.ts";
export { vegaPct } from "./vega_pct.ts";
export { withGreeks, type WithGreeksOptions } from "./with_greeks.ts";
export { ivSurface, type IvSurfaceOptions } from "./iv_surface.ts";
export {
  ONE_MINUTE_YEARS,
  YEAR_MS,
  yearsToExpiry,
  type YearsToExpiryOptions,
} from "./years_to_expiry.ts";
export { yearsToExpiryColumn } from "./years_to_expiry_column.ts";
export {
  type AmericanColumns,
  americanGreeks,
  americanPrice,
  type AmericanPriceOptions,
} from "./american_price.ts";
export { americanImpliedVol, type AmericanImpliedVolOptions } from "./american_implied_vol.ts";
export { binomialAmerican, type BinomialAmericanOptions } from "./binomial_american.ts";
export {
  impliedForward,
  type ImpliedForwardOptions,
  type ImpliedForwardPairs,
  type ImpliedForwardResult,
  type ImpliedForwardStatus,
} from "./implied_forward.ts";
export { TABLE_GREEKS, tableGreeks } from "./with_greeks.ts";
