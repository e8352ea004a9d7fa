/**
 * Total implied volatility s = σ·√T from a normalised out-of-the-money call price:
 * the initial guess of "Let's Be Rational" (see `_guess.ts`), then at most
 * {@link MAX_HOUSEHOLDER_STEPS} third-order Householder steps on an objective chosen per
 * branch so that it is nearly linear in s: 1/ln b(s) − 1/ln β in the lower branch,
 * b(s) − β in the middle, ln((b_max − β)/(b_max − b(s))) in the upper branch.
 *
 * @module
 */
import { type Guess, initialGuess, LOWER, UPPER, vegaLogSlope } from "./_guess.ts";
import {
  normalisedBlackComplement,
  normalisedBlackWithVega,
  normalisedVega,
} from "./_normalised_black.ts";

/** Householder steps after the rational initial guess. */
export const MAX_HOUSEHOLDER_STEPS = 2;
const EPS = 2 ** -52;

const guess: Guess = { s: 0, branch: LOWER };

/** Householder order-3 update for Newton step ν, h2 = g''/g', h3 = g'''/g'. */
function householderStep(nu: number, h2: number, h3: number): number {
  return nu * (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + h3 * nu / 6));
}

/**
 * s > 0 with b(x, s) = β, for x <= 0 and 0 < β < b_max = e^{x/2} (callers check bounds
 * and pass b_max).
 */
export function totalVolatility(x: number, beta: number, bMax: number): number {
  initialGuess(x, beta, bMax, guess);
  let s = guess.s;
  const branch = guess.branch;
  const lnBeta = branch === LOWER ? Math.log(beta) : 0;
  const complementBeta = bMax - beta;
  for (let i = 0; i < MAX_HOUSEHOLDER_STEPS; i++) {
    const vega = normalisedVega(x, s);
    if (!(vega > 0)) break;
    const p = vegaLogSlope(x, s); // b''/b'
    const q = p * p - (3 * x * x) / (s * s * s * s) - 0.25; // b'''/b'
    let ds: number;
    if (branch === LOWER) {
      const b = normalisedBlackWithVega(x, s, vega);
      const lnB = Math.log(b);
      const bOverVega = b / vega;
      const vegaOverB = vega / b;
      const nu = (lnBeta - lnB) * lnB / lnBeta * bOverVega;
      const h2 = p - vegaOverB * (1 + 2 / lnB);
      const h3 = q + 2 * vegaOverB * vegaOverB * (1 + 3 / lnB * (1 + 1 / lnB)) -
        3 * p * vegaOverB * (1 + 2 / lnB);
      ds = householderStep(nu, h2, h3);
    } else if (branch === UPPER) {
      const c = normalisedBlackComplement(x, s);
      const vegaOverC = vega / c;
      const nu = -Math.log(complementBeta / c) / vegaOverC;
      const h2 = p + vegaOverC;
      const h3 = q + 3 * p * vegaOverC + 2 * vegaOverC * vegaOverC;
      ds = householderStep(nu, h2, h3);
    } else {
      const nu = (beta - normalisedBlackWithVega(x, s, vega)) / vega;
      ds = householderStep(nu, p, q);
    }
    if (ds < -0.5 * s) ds = -0.5 * s;
    s += ds;
    if (Math.abs(ds) <= EPS * s) break;
  }
  return s;
}
