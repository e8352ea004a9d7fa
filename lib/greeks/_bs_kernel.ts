/**
 * Black–Scholes–Merton price and Greeks over typed-array columns (the hot loop).
 *
 * @module
 */
import { ERF_SMALL, erfcxLarge, erfSmall } from "./_erf.ts";
import { ONE_OVER_SQRT_TWO, ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";

const Z_SMALL = ERF_SMALL / ONE_OVER_SQRT_TWO;

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

/** Φ(y) given e = exp(−y²/2) (the exponential is shared with the density). */
function cdfFromExp(y: number, e: number): number {
  const a = y < 0 ? -y : y;
  if (a <= Z_SMALL) return 0.5 + 0.5 * erfSmall(y * ONE_OVER_SQRT_TWO);
  const tail = 0.5 * e * erfcxLarge(a * ONE_OVER_SQRT_TWO);
  return y < 0 ? tail : 1 - tail;
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

function fillNaN(o: BlackScholesColumns, i: number): void {
  o.price[i] =
    o.delta[i] =
    o.gamma[i] =
    o.vega[i] =
    o.theta[i] =
      NaN;
  o.rho[i] =
    o.dividendRho[i] =
    o.vanna[i] =
    o.charm[i] =
    o.vomma[i] =
      NaN;
}

/**
 * Fills `o` with price and Greeks for rows [0, n). `right` is 1 for a call, −1 for a put.
 * A row whose right is not ±1, whose spot, strike, tYears or vol is not finite and
 * positive, or whose rate or dividend yield is not finite, gets NaN in every column.
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
  for (let i = 0; i < n; i++) {
    const w = right[i];
    const s = spot[i];
    const k = strike[i];
    const t = tYears[i];
    const r = rate[i];
    const q = dividendYield[i];
    const v = vol[i];
    if (
      !(s > 0 && k > 0 && t > 0 && v > 0 && s < Infinity && k < Infinity && t < Infinity &&
        v < Infinity && r - r === 0 && q - q === 0) || (w !== 1 && w !== -1)
    ) {
      fillNaN(o, i);
      continue;
    }
    const sqrtT = Math.sqrt(t);
    const sd = v * sqrtT;
    const d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
    const d2 = d1 - sd;
    const dq = Math.exp(-q * t);
    const dr = Math.exp(-r * t);
    const sq = s * dq;
    const kr = k * dr;
    const e1 = Math.exp(-0.5 * d1 * d1);
    // exp(−d2²/2) = exp(−d1²/2)·S·e^{−qT}/(K·e^{−rT}), unless exp(−d1²/2) is too small.
    const e2 = e1 > 1e-280 ? e1 * sq / kr : Math.exp(-0.5 * d2 * d2);
    const n1 = ONE_OVER_SQRT_TWO_PI * e1;
    const cdf1 = cdfFromExp(w * d1, e1); // Φ(w·d1)
    const cdf2 = cdfFromExp(w * d2, e2); // Φ(w·d2)
    const vega = sq * n1 * sqrtT;
    o.price[i] = w * (sq * cdf1 - kr * cdf2);
    o.delta[i] = w * dq * cdf1;
    o.gamma[i] = dq * n1 / (s * sd);
    o.vega[i] = vega;
    o.theta[i] = -0.5 * sq * n1 * v / sqrtT - w * (r * kr * cdf2 - q * sq * cdf1);
    o.rho[i] = w * kr * t * cdf2;
    o.dividendRho[i] = -w * sq * t * cdf1;
    o.vanna[i] = -dq * n1 * d2 / v;
    o.charm[i] = w * q * dq * cdf1 - dq * n1 * (2 * (r - q) * t - d2 * sd) / (2 * t * sd);
    o.vomma[i] = vega * d1 * d2 / v;
  }
}
