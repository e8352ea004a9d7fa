/**
 * Implied volatility of one option, for notebooks.
 *
 * @module
 */
import { impliedVol } from "./implied_vol.ts";
import { IV_STATUS, type IvStatusName } from "./iv_status.ts";

/** Inputs of {@link impliedVolScalar} (units as in `impliedVol`). */
export interface ImpliedVolScalarOptions {
  /** Option right. */
  right: "call" | "put";
  /** Option price per share. */
  price: number;
  /** Underlying price S (> 0). */
  spot: number;
  /** Strike K (> 0). */
  strike: number;
  /** Time to expiry T in years. */
  tYears: number;
  /** Continuously compounded rate r per year, as a decimal. @default 0 */
  rate?: number;
  /** Continuous dividend yield q per year, as a decimal. @default 0 */
  dividendYield?: number;
}

/**
 * Implied volatility of one European option; the scalar form of `impliedVol`.
 *
 * @param options The option price and market inputs.
 * @returns `vol` (NaN unless status is "ok") and the status name.
 * @throws {RangeError} If right is not "call" or "put".
 *
 * @example
 * ```ts
 * import { impliedVolScalar } from "./implied_vol_scalar.ts";
 * import assert from "node:assert/strict";
 * const iv = impliedVolScalar({ right: "put", price: 0.8085993729000922, spot: 42, strike: 40, tYears: 0.5, rate: 0.1 });
 * assert.equal(iv.status, "ok");
 * assert.ok(Math.abs(iv.vol - 0.2) < 1e-13);
 * assert.deepEqual(impliedVolScalar({ right: "put", price: 0.5, spot: 42, strike: 40, tYears: 0 }), { vol: NaN, status: "zero_time" });
 * ```
 */
export function impliedVolScalar(
  options: ImpliedVolScalarOptions,
): { vol: number; status: IvStatusName } {
  const { right, price, spot, strike, tYears, rate = 0, dividendYield = 0 } = options;
  if (right !== "call" && right !== "put") {
    throw new RangeError(
      `Cannot compute implied volatility: right must be "call" or "put", got ${right}`,
    );
  }
  const r = impliedVol({ right, price, spot, strike, tYears, rate, dividendYield });
  return { vol: r.vol[0], status: IV_STATUS[r.status[0]] };
}
