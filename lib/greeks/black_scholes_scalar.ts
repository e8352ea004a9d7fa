/**
 * Black–Scholes–Merton price and Greeks of one option, for notebooks.
 *
 * @module
 */
import { allocateColumns, blackScholesKernel } from "./_bs_kernel.ts";

/** Inputs of {@link blackScholesScalar} (units as in `blackScholes`). */
export interface BlackScholesScalarOptions {
  /** Option right. */
  right: "call" | "put";
  /** Underlying price S (> 0). */
  spot: number;
  /** Strike K (> 0). */
  strike: number;
  /** Time to expiry T in years (> 0). */
  tYears: number;
  /** Continuously compounded rate r per year, as a decimal. @default 0 */
  rate?: number;
  /** Continuous dividend yield q per year, as a decimal. @default 0 */
  dividendYield?: number;
  /** Volatility σ per √year, as a decimal (> 0). */
  vol: number;
}

/** Price and Greeks of one option (units as in `BlackScholesColumns`). */
export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  dividendRho: number;
  vanna: number;
  charm: number;
  vomma: number;
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0 && value < Infinity)) {
    throw new RangeError(
      `Cannot compute Black-Scholes: ${name} must be finite and > 0, got ${value}`,
    );
  }
}

/**
 * Price and Greeks of one European option; the scalar form of `blackScholes`, with the
 * same formulas and units (mathematical partials: per year, per 1.0 of vol, per 1.0 of
 * rate).
 *
 * @param options The option and market inputs.
 * @returns Price and Greeks.
 * @throws {RangeError} If spot, strike, tYears or vol is not finite and > 0, rate or
 * dividend yield is not finite, or right is not "call"/"put".
 *
 * @example
 * ```ts
 * import { blackScholesScalar } from "./black_scholes_scalar.ts";
 * import assert from "node:assert/strict";
 * // Hull's delta example: S = 49, K = 50, r = 5%, σ = 20%, 20 weeks: delta 0.522.
 * const g = blackScholesScalar({ right: "call", spot: 49, strike: 50, tYears: 0.3846, rate: 0.05, vol: 0.2 });
 * assert.equal(g.delta.toFixed(3), "0.522");
 * ```
 */
export function blackScholesScalar(options: BlackScholesScalarOptions): Greeks {
  const { right, spot, strike, tYears, rate = 0, dividendYield = 0, vol } = options;
  if (right !== "call" && right !== "put") {
    throw new RangeError(
      `Cannot compute Black-Scholes: right must be "call" or "put", got ${right}`,
    );
  }
  requirePositive("spot", spot);
  requirePositive("strike", strike);
  requirePositive("tYears", tYears);
  requirePositive("vol", vol);
  if (!Number.isFinite(rate) || !Number.isFinite(dividendYield)) {
    throw new RangeError(
      `Cannot compute Black-Scholes: rate and dividendYield must be finite, got ${rate} and ${dividendYield}`,
    );
  }
  const out = allocateColumns(1);
  const one = (v: number) => new Float64Array([v]);
  blackScholesKernel(
    1,
    new Int8Array([right === "call" ? 1 : -1]),
    one(spot),
    one(strike),
    one(tYears),
    one(rate),
    one(dividendYield),
    one(vol),
    out,
  );
  return {
    price: out.price[0],
    delta: out.delta[0],
    gamma: out.gamma[0],
    vega: out.vega[0],
    theta: out.theta[0],
    rho: out.rho[0],
    dividendRho: out.dividendRho[0],
    vanna: out.vanna[0],
    charm: out.charm[0],
    vomma: out.vomma[0],
  };
}
