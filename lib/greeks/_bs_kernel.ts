/**
 * Black–Scholes–Merton price and Greeks over typed-array columns (the hot loop).
 *
 * @module
 */
import {
  C0,
  C1,
  C2,
  C3,
  C4,
  C5,
  C6,
  C7,
  C8,
  D0,
  D1,
  D2,
  D3,
  D4,
  D5,
  D6,
  D7,
  ERF_SMALL,
  erfcxTail,
  erfSmall,
} from "./_erf.ts";
import { fastExp } from "./_exp.ts";
import { ONE_OVER_SQRT_TWO, ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";

const Z_SMALL = ERF_SMALL / ONE_OVER_SQRT_TWO;
const Z_MID = 4 / ONE_OVER_SQRT_TWO;

/** Output columns of the kernel, one value per row (NaN for an invalid row). */
export interface BlackScholesColumns {
  /** Option value, in the currency of spot and strike (per share). */
  price: Float64Array;
  /** ∂V/∂S, spot delta (includes e^{−qT}). */
  delta: Float64Array;
  /** ∂²V/∂S². */
  gamma: Float64Array;
  /** ∂V/∂σ per 1.0 of volatility. */
  vega: Float64Array;
  /** ∂V/∂t per year as calendar time passes (= −∂V/∂T). */
  theta: Float64Array;
  /** ∂V/∂r per 1.0 of rate. */
  rho: Float64Array;
  /** ∂V/∂q per 1.0 of dividend yield. */
  dividendRho: Float64Array;
  /** ∂²V/∂S∂σ (= ∂delta/∂σ) per 1.0 of volatility. */
  vanna: Float64Array;
  /** ∂delta/∂t per year as calendar time passes (= −∂²V/∂S∂T). */
  charm: Float64Array;
  /** ∂²V/∂σ² (volga) per 1.0 of volatility squared. */
  vomma: Float64Array;
}

/** Allocates the ten output columns for n rows. */
export function allocateColumns(n: number): BlackScholesColumns {
  return {
    price: new Float64Array(n),
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    vega: new Float64Array(n),
    theta: new Float64Array(n),
    rho: new Float64Array(n),
    dividendRho: new Float64Array(n),
    vanna: new Float64Array(n),
    charm: new Float64Array(n),
    vomma: new Float64Array(n),
  };
}

/** Writes NaN into every column of row i (an invalid row). */
function fillNaN(o: BlackScholesColumns, i: number): void {
  for (const column of Object.values(o)) column[i] = NaN;
}

/** Rows per block: ln(S/K) is computed a block at a time, before the main loop. */
const BLOCK = 256;
const logMoneyness = new Float64Array(BLOCK);

/**
 * Fills `o` with price and Greeks for rows [0, n). `right` is 1 for a call, −1 for a put.
 * Each input has n values, or one value used for every row.
 * A row whose right is not ±1, whose spot, strike, tYears or vol is not finite and
 * positive, or whose rate or dividend yield is not finite, gets NaN in every column.
 *
 * Written for V8, where a call in the row loop spills every live register and the inliner
 * has a small budget: Math.log runs in a loop of its own, exp is the inlinable fastExp,
 * Φ(d1) and Φ(d2) are spelled out in place (Cody's rationals, Estrin's scheme, the sign
 * applied arithmetically because random signs mispredict), and reciprocals replace
 * repeated divisions. Φ(w·d) is ½ + ½·erf(w·d/√2) near 0, else ½·e·erfcx(|d|/√2)
 * mirrored, with e = exp(−d²/2) shared with the density.
 */
export function blackScholesKernel(
  n: number,
  right: Int8Array,
  spot: Float64Array,
  strike: Float64Array,
  tYears: Float64Array,
  rate: Float64Array,
  dividendYield: Float64Array,
  vol: Float64Array,
  o: BlackScholesColumns,
): void {
  const { price, delta, gamma, vega, theta, rho, dividendRho, vanna, charm, vomma } = o;
  // Strides: an input of length 1 is broadcast to every row.
  const sW = right.length === 1 ? 0 : 1;
  const sS = spot.length === 1 ? 0 : 1;
  const sK = strike.length === 1 ? 0 : 1;
  const sT = tYears.length === 1 ? 0 : 1;
  const sR = rate.length === 1 ? 0 : 1;
  const sQ = dividendYield.length === 1 ? 0 : 1;
  const sV = vol.length === 1 ? 0 : 1;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = Math.min(n, lo + BLOCK);
    for (let i = lo; i < hi; i++) {
      logMoneyness[i - lo] = Math.log(spot[i * sS] / strike[i * sK]);
    }
    for (let i = lo; i < hi; i++) {
      const w = right[i * sW];
      const s = spot[i * sS];
      const k = strike[i * sK];
      const t = tYears[i * sT];
      const r = rate[i * sR];
      const q = dividendYield[i * sQ];
      const v = vol[i * sV];
      if (
        !(s > 0 && k > 0 && t > 0 && v > 0 && s < Infinity && k < Infinity && t < Infinity &&
          v < Infinity && r - r === 0 && q - q === 0) || (w !== 1 && w !== -1)
      ) {
        fillNaN(o, i);
        continue;
      }
      const sqrtT = Math.sqrt(t);
      const sd = v * sqrtT;
      const invSd = 1 / sd;
      const d1 = (logMoneyness[i - lo] + (r - q) * t) * invSd + 0.5 * sd;
      const d2 = d1 - sd;
      const dq = fastExp(-q * t);
      const dr = fastExp(-r * t);
      const sq = s * dq; // S·e^{−qT}
      const kr = k * dr; // K·e^{−rT}
      const e1 = fastExp(-0.5 * d1 * d1);
      // exp(−d2²/2) = exp(−d1²/2)·S·e^{−qT}/(K·e^{−rT}), unless exp(−d1²/2) is too small.
      const e2 = e1 > 1e-280 ? e1 * sq / kr : Math.exp(-0.5 * d2 * d2);

      const y1 = w * d1; // cdf1 = Φ(w·d1)
      const a1 = Math.abs(y1);
      let cdf1: number;
      if (a1 <= Z_SMALL) cdf1 = 0.5 + 0.5 * erfSmall(y1 * ONE_OVER_SQRT_TWO);
      else {
        const u = a1 * ONE_OVER_SQRT_TWO;
        const u2 = u * u;
        const u4 = u2 * u2;
        const erfcx = a1 > Z_MID ? erfcxTail(u) : ((C7 + C6 * u) + u2 * (C5 + C4 * u) +
          u4 * ((C3 + C2 * u) + u2 * (C1 + C0 * u) + u4 * C8)) /
          ((D7 + D6 * u) + u2 * (D5 + D4 * u) + u4 * ((D3 + D2 * u) + u2 * (D1 + D0 * u) + u4));
        const tail = 0.5 * e1 * erfcx;
        const negative = +(y1 < 0);
        cdf1 = negative * tail + (1 - negative) * (1 - tail);
      }
      const y2 = w * d2; // cdf2 = Φ(w·d2), as above
      const a2 = Math.abs(y2);
      let cdf2: number;
      if (a2 <= Z_SMALL) cdf2 = 0.5 + 0.5 * erfSmall(y2 * ONE_OVER_SQRT_TWO);
      else {
        const u = a2 * ONE_OVER_SQRT_TWO;
        const u2 = u * u;
        const u4 = u2 * u2;
        const erfcx = a2 > Z_MID ? erfcxTail(u) : ((C7 + C6 * u) + u2 * (C5 + C4 * u) +
          u4 * ((C3 + C2 * u) + u2 * (C1 + C0 * u) + u4 * C8)) /
          ((D7 + D6 * u) + u2 * (D5 + D4 * u) + u4 * ((D3 + D2 * u) + u2 * (D1 + D0 * u) + u4));
        const tail = 0.5 * e2 * erfcx;
        const negative = +(y2 < 0);
        cdf2 = negative * tail + (1 - negative) * (1 - tail);
      }

      const dqn1 = dq * ONE_OVER_SQRT_TWO_PI * e1; // e^{−qT}·φ(d1)
      const vg = s * dqn1 * sqrtT;
      const invV = 1 / v;
      price[i] = w * (sq * cdf1 - kr * cdf2);
      delta[i] = w * dq * cdf1;
      gamma[i] = dqn1 * invSd / s;
      vega[i] = vg;
      theta[i] = -0.5 * s * dqn1 * v * v * invSd - w * (r * kr * cdf2 - q * sq * cdf1);
      rho[i] = w * kr * t * cdf2;
      dividendRho[i] = -w * sq * t * cdf1;
      vanna[i] = -dqn1 * d2 * invV;
      // ∂Δ/∂t = w·q·e^{−qT}·Φ(w·d1) − e^{−qT}·φ(d1)·(2(r−q)T − d2·σ√T)/(2T·σ√T)
      charm[i] = w * q * dq * cdf1 - dqn1 * ((r - q) * invSd - 0.5 * d2 / t);
      vomma[i] = vg * d1 * d2 * invV;
    }
  }
}
