/**
 * Total implied volatility s = σ·√T from one normalised out-of-the-money call price (the
 * block solver of `_iv_block.ts` for a single problem).
 *
 * @module
 */
import {
  MAX_HOUSEHOLDER_STEPS,
  SOLVE_BETA,
  SOLVE_BMAX,
  SOLVE_S,
  SOLVE_X,
  solveBlock,
} from "./_iv_block.ts";

export { MAX_HOUSEHOLDER_STEPS };

/**
 * s > 0 with b(x, s) = β, for x <= 0 and 0 < β < b_max = e^{x/2} (callers check bounds
 * and pass b_max).
 */
export function totalVolatility(x: number, beta: number, bMax: number): number {
  SOLVE_X[0] = x;
  SOLVE_BETA[0] = beta;
  SOLVE_BMAX[0] = bMax;
  solveBlock(1);
  return SOLVE_S[0];
}
