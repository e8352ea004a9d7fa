/**
 * The simulator's implied-volatility surface, which the option bars price on: an
 * at-the-money level that follows the simulated VIX, and a put skew of real SPY/SPX size.
 *
 * Calibration (docs/simulator.md): the 25-delta risk reversal (put IV minus call IV) of
 * SPX/SPY is typically 4–8 vol points at one month with the VIX in the mid-teens, about a
 * third of the at-the-money level; in standardised moneyness the skew is roughly the same
 * at every expiry, so per unit of log-strike it is steeper for short expiries (≈ 1/√T).
 *
 * @module
 */

/** The smile saturates towards |m| = 4 (standardised moneyness). */
const SMILE_EDGE = 4;

/** Skew (per unit of standardised moneyness) and curvature of the smile, relative to ATM. */
export const SURFACE_SHAPE = { skew: 0.26, curvature: 0.04 } as const;

/**
 * Implied vol of the simulated surface for log-moneyness `lnKF` and time `tYears`: the
 * at-the-money level is the VIX (less up to 15% below 30 days), times a skewed smile
 * `1 - 0.26 m + 0.04 m²` in standardised moneyness, where `m = 4 tanh(x / 4)` saturates
 * `x = lnKF / (atm √T)` smoothly. Unbounded, the quadratic term made the wings of
 * short-dated contracts dearer than nearer strikes; saturated, model call prices fall and
 * put prices rise with the strike, convexly, at every VIX level and time to expiry.
 *
 * @param vix The VIX level (vol points, e.g. 15).
 * @param lnKF ln(strike / forward).
 * @param tYears Time to expiry in years (floored at one hour).
 * @returns Annualised implied volatility (0.15 = 15%).
 * @example
 * ```ts
 * import { simSurfaceVol } from "./_surface.ts";
 * import { ok } from "node:assert/strict";
 * const t = 30 / 365, atm = simSurfaceVol(15, 0, t);
 * ok(Math.abs(atm - 0.15) < 1e-12); // a 30-day ATM vol is the VIX
 * ok(simSurfaceVol(15, -0.05, t) > atm && atm > simSurfaceVol(15, 0.03, t)); // put skew
 * ```
 */
export function simSurfaceVol(vix: number, lnKF: number, tYears: number): number {
  const atm = (vix / 100) * (0.85 + 0.15 * Math.min(1, (tYears * 365) / 30));
  const raw = lnKF / (atm * Math.sqrt(Math.max(tYears, 1 / (365 * 24))));
  const m = SMILE_EDGE * Math.tanh(raw / SMILE_EDGE);
  return atm * (1 - SURFACE_SHAPE.skew * m + SURFACE_SHAPE.curvature * m * m);
}

/** Log-moneyness and IV of the forward-delta `delta` contract (0.25 call, −0.25 put). */
export function deltaPoint(vix: number, tYears: number, delta: number) {
  const z = inverseNormal(delta > 0 ? delta : 1 + delta); // d1 of the contract
  let lnKF = 0, vol = simSurfaceVol(vix, 0, tYears);
  for (let k = 0; k < 50; k++) {
    const s = vol * Math.sqrt(tYears);
    lnKF = (s / 2 - z) * s;
    vol = simSurfaceVol(vix, lnKF, tYears);
  }
  return { lnKF, vol };
}

/** Φ⁻¹ by bisection (enough for a figure). */
function inverseNormal(p: number): number {
  let lo = -8, hi = 8;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 on erf, |error| < 1.5e-7.
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t +
        0.254829592) * t * Math.exp(-x * x / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
