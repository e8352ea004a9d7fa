/**
 * The normalised Black function of P. Jäckel, "Let's Be Rational" (Wilmott, 2015), for an
 * out-of-the-money call: with x = ln(F/K) <= 0 and total volatility s = σ·√T > 0,
 *
 *   b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2),
 *
 * so that an undiscounted Black call is √(FK)·b. With h = x/s and t = s/2 it is also
 * b = e^{−(h²+t²)/2}/√(2π) · [Y(h+t) − Y(h−t)] with Y = Φ/φ. Three evaluations are used,
 * each where it keeps relative accuracy: a Taylor expansion in t for small t (the two
 * terms nearly cancel there) unless |x| is large, the Φ form when h+t is well above zero,
 * and the Y (erfcx) form otherwise, which cannot underflow in its parts.
 *
 * These scalar functions are the reference: the solver evaluates b for a block of
 * problems at once with `_black_block.ts`, which reproduces them bit for bit (tested).
 *
 * @module
 */
import { millsLower, normCdf, ONE_OVER_SQRT_TWO, ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";
import { erfcx } from "./_erf.ts";
import { fastExp } from "./_exp.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const INV_SQRT_2 = ONE_OVER_SQRT_TWO;
const INV_SQRT_2PI = ONE_OVER_SQRT_TWO_PI;

/** Below this t = s/2 the Taylor expansion in t is used (truncation error < 1e-17)... */
const SMALL_T = 0.21;
/**
 * ...unless |x| is above this. The expansion's coefficients cancel for large |h| and lose
 * about h⁴t²·ε relative; the erfcx form loses about |h|/(2t)·ε. What matters for implied
 * volatility is that error divided by the elasticity of b in s (about 1 + h²): x²/4·ε
 * for the expansion, ε/|x| for the erfcx form. They cross near |x| = 1.5.
 */
const SMALL_T_MAX_ABS_X = 1.5;
const HALF_SQRT_TWO_PI = 0.5 * Math.sqrt(2 * Math.PI);
/** Above this h + t the Φ form is used. */
const PHI_FORM_H_PLUS_T = 0.85;

/**
 * b(x, s) for x <= 0 by its Taylor expansion in t = s/2 about t = 0:
 * b = 2/√(2π)·e^{−(h²+t²)/2}·Σ_{m odd} Y⁽ᵐ⁾(h)/m!·t^m, where every odd derivative of Y is a
 * polynomial in h² and a = Y'(h) = 1 + h·Y(h).
 */
function smallTExpansion(h: number, t: number, vega: number): number {
  const a = 1 + h * millsLower(h);
  const w = t * t;
  const h2 = h * h;
  const c3 = (a * (h2 + 3) - 1) * (1 / 6);
  const c5 = (a * ((h2 + 10) * h2 + 15) - h2 - 7) * (1 / 120);
  const c7 = (a * (((h2 + 21) * h2 + 105) * h2 + 105) - (h2 + 18) * h2 - 57) * (1 / 5040);
  // Higher terms only as far as t needs them: with |x| <= 1.5, the terms after c7, c9 and
  // c11 stay below 2^−56 of the sum for t < 0.0184, 0.052 and 0.105 respectively.
  let high = 0; // c9 + w·(c11 + w·c13)
  if (t >= 0.016) {
    const c9 = (a * ((((h2 + 36) * h2 + 378) * h2 + 1260) * h2 + 945) -
      (((h2 + 33) * h2 + 285) * h2 + 561)) * (1 / 362880);
    let c11 = 0;
    let c13 = 0;
    if (t >= 0.045) {
      const p11 = ((((h2 + 55) * h2 + 990) * h2 + 6930) * h2 + 17325) * h2 + 10395;
      const q11 = (((h2 + 52) * h2 + 840) * h2 + 4680) * h2 + 6555;
      c11 = (a * p11 - q11) * (1 / 39916800);
      if (t >= 0.095) {
        const p13 = (((((h2 + 78) * h2 + 2145) * h2 + 25740) * h2 + 135135) * h2 + 270270) * h2 +
          135135;
        const q13 = ((((h2 + 75) * h2 + 1926) * h2 + 20370) * h2 + 82845) * h2 + 89055;
        c13 = (a * p13 - q13) * (1 / 6227020800);
      }
    }
    high = c9 + w * (c11 + w * c13);
  }
  const series = a + w * (c3 + w * (c5 + w * (c7 + w * high)));
  return 2 * vega * t * series; // vega = e^{−(h²+t²)/2}/√(2π)
}

/** b(x, s) for x <= 0 and s > 0 (see the module doc); b(x, 0) = 0. */
export function normalisedBlack(x: number, s: number): number {
  return s > 0 ? normalisedBlackWithVega(x, s, normalisedVega(x, s)) : 0;
}

/**
 * b(x, s) for x <= 0 and s > 0 given vega = normalisedVega(x, s), whose exponential
 * e^{−(h²+t²)/2} the small-t and erfcx forms share (saves an exp in the solver).
 */
export function normalisedBlackWithVega(x: number, s: number, vega: number): number {
  const h = x / s;
  const t = 0.5 * s;
  if (t < SMALL_T && x > -SMALL_T_MAX_ABS_X) return smallTExpansion(h, t, vega);
  if (h + t > PHI_FORM_H_PLUS_T) {
    const e = fastExp(0.5 * x);
    return e * normCdf(h + t) - normCdf(h - t) / e;
  }
  return HALF_SQRT_TWO_PI * vega *
    (erfcx(-INV_SQRT_2 * (h + t)) - erfcx(-INV_SQRT_2 * (h - t)));
}

/**
 * b_max − b(x, s) = e^{x/2}·Φ(−h−t) + e^{−x/2}·Φ(h−t) for x <= 0: a sum of positive terms,
 * so it keeps full relative accuracy as b approaches its upper bound b_max = e^{x/2}.
 */
export function normalisedBlackComplement(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const e = fastExp(0.5 * x);
  return e * normCdf(-h - t) + normCdf(h - t) / e;
}

/** ∂b/∂s = φ(h+t)·e^{x/2} = e^{−(x²/s² + s²/4)/2}/√(2π), the normalised vega. */
export function normalisedVega(x: number, s: number): number {
  if (x === 0) return INV_SQRT_2PI * fastExp(-0.125 * s * s);
  if (!(s > 0)) return 0;
  const h = x / s;
  const t = 0.5 * s;
  return INV_SQRT_2PI * fastExp(-0.5 * (h * h + t * t));
}
