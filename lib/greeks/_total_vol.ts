/**
 * Total implied volatility s = σ·√T from a normalised out-of-the-money call price:
 * the initial guess of "Let's Be Rational" (see `_guess.ts`), then at most
 * {@link MAX_HOUSEHOLDER_STEPS} third-order Householder steps on an objective chosen per
 * branch so that it is nearly linear in s: 1/ln b(s) − 1/ln β in the lower branch,
 * b(s) − β in the middle, ln((b_max − β)/(b_max − b(s))) in the upper branch.
 *
 * @module
 */
import { type Guess, initialGuess, LOWER, UPPER } from "./_guess.ts";
import {
  normalisedBlackComplement,
  normalisedBlackWithVega,
  normalisedVega,
} from "./_normalised_black.ts";
// Local bindings of the imports: V8 folds module-level constants into the code, while
// imported and exported bindings may be read through a cell on every use.
const LOWER_ = LOWER;
const UPPER_ = UPPER;

/** Householder steps after the rational initial guess. */
export const MAX_HOUSEHOLDER_STEPS = 2;
const MAX_STEPS = MAX_HOUSEHOLDER_STEPS; // local: exported bindings are read through a cell
const EPS = 2 ** -52;

const guess: Guess = { s: 0, branch: LOWER_ };

/** Householder order-3 update for Newton step ν, h2 = g''/g', h3 = g'''/g'. */
export function householderStep(nu: number, h2: number, h3: number): number {
  return nu * (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + h3 * nu * (1 / 6)));
}

/**
 * s > 0 with b(x, s) = β, for x <= 0 and 0 < β < b_max = e^{x/2} (callers check bounds
 * and pass b_max).
 */
export function totalVolatility(x: number, beta: number, bMax: number): number {
  initialGuess(x, beta, bMax, guess);
  let s = guess.s;
  const branch = guess.branch;
  const invLnBeta = branch === LOWER_ ? 1 / Math.log(beta) : 0;
  const complementBeta = bMax - beta;
  const x2 = x * x;
  for (let i = 0; i < MAX_STEPS; i++) {
    const vega = normalisedVega(x, s);
    if (!(vega > 0)) break;
    const invS = 1 / s;
    const x2OverS3 = x2 * invS * invS * invS;
    const p = x2OverS3 - 0.25 * s; // b''/b' = x²/s³ − s/4
    const q = p * p - 3 * x2OverS3 * invS - 0.25; // b'''/b' = p² − 3x²/s⁴ − 1/4
    let ds: number;
    if (branch === LOWER_) {
      // g = 1/ln b(s) − 1/ln β: ν = −g/g', h2 = g''/g', h3 = g'''/g' in terms of b'/b.
      const b = normalisedBlackWithVega(x, s, vega);
      const lnB = Math.log(b);
      const invLnB = 1 / lnB;
      const bOverVega = b / vega;
      const vegaOverB = 1 / bOverVega;
      const nu = (1 - lnB * invLnBeta) * lnB * bOverVega;
      const h2 = p - vegaOverB * (1 + 2 * invLnB);
      const h3 = q + 2 * vegaOverB * vegaOverB * (1 + 3 * invLnB * (1 + invLnB)) -
        3 * p * vegaOverB * (1 + 2 * invLnB);
      ds = householderStep(nu, h2, h3);
    } else if (branch === UPPER_) {
      // g = ln((b_max − β)/(b_max − b(s))), with b_max − b computed without cancellation.
      const c = normalisedBlackComplement(x, s);
      const vegaOverC = vega / c;
      const nu = -Math.log(complementBeta / c) / vegaOverC;
      const h2 = p + vegaOverC;
      const h3 = q + 3 * p * vegaOverC + 2 * vegaOverC * vegaOverC;
      ds = householderStep(nu, h2, h3);
    } else {
      // g = b(s) − β.
      const nu = (beta - normalisedBlackWithVega(x, s, vega)) / vega;
      ds = householderStep(nu, p, q);
    }
    if (ds < -0.5 * s) ds = -0.5 * s;
    s += ds;
    if (Math.abs(ds) <= EPS * s) break;
  }
  return s;
}
