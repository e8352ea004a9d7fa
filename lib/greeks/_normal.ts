/**
 * The standard normal distribution: density, cumulative distribution and quantile,
 * accurate to a few ulps relative, deep tails included.
 *
 * @module
 */
import { ERF_SMALL, erfcxLarge, erfSmall } from "./_erf.ts";
import { fastExp } from "./_exp.ts";

// Local bindings: V8 embeds a module's own constants in optimised code, but reads exported
// bindings through a cell on every use.
const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_2 = 0.7071067811865476;
const SQRT_PI_2 = 1.2533141373155003;
const ERF_SMALL_ = ERF_SMALL;
/** 1/√(2π). */
export const ONE_OVER_SQRT_TWO_PI = INV_SQRT_2PI;
/** √(2π). */
export const SQRT_TWO_PI = 2.5066282746310002;
/** 1/√2. */
export const ONE_OVER_SQRT_TWO = INV_SQRT_2;
/** √(π/2). */
export const SQRT_PI_OVER_TWO = SQRT_PI_2;

/** |z| below which Φ(z) is ½ + ½·erf(z/√2) rather than a tail formula. */
const Z_SMALL = ERF_SMALL_ / INV_SQRT_2;

/**
 * exp(-z²/2), with z split into a short head (exact square) and a remainder so that the
 * rounding of z² does not cost z²·ε of relative accuracy in the tails.
 */
export function expHalfSquare(z: number): number {
  const head = Math.trunc(z * 16) / 16;
  return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * (z - head) * (z + head));
}

/** Standard normal density φ(z). */
export function normPdf(z: number): number {
  return INV_SQRT_2PI * fastExp(-0.5 * z * z);
}

/**
 * Standard normal distribution function Φ(z). Relative accuracy is a few ulps near the
 * centre and about z²·ε/2 in the lower tail (the rounding of z² inside exp(−z²/2)), which
 * is what the implied-volatility solver needs: its conditioning divides that error by z².
 */
export function normCdf(z: number): number {
  const y = z < 0 ? -z : z;
  if (y <= Z_SMALL) return 0.5 + 0.5 * erfSmall(z * INV_SQRT_2);
  if (y > 38.5) return z < 0 ? 0 : 1;
  const tail = 0.5 * fastExp(-0.5 * y * y) * erfcxLarge(y * INV_SQRT_2);
  return z < 0 ? tail : 1 - tail;
}

/** Y(z) = Φ(z)/φ(z), the reciprocal Mills ratio of -z, for z <= 0 (no underflow). */
export function millsLower(z: number): number {
  const u = -z * INV_SQRT_2;
  if (u <= ERF_SMALL_) return SQRT_PI_2 * fastExp(u * u) * (1 - erfSmall(u));
  return SQRT_PI_2 * erfcxLarge(u);
}

// Rational approximation of the normal quantile by P. J. Acklam (relative error < 1.2e-9),
// polished below by one Halley step on the accurate normCdf.
const QA = [
  -39.69683028665376,
  220.9460984245205,
  -275.9285104469687,
  138.3577518672690,
  -30.66479806614716,
  2.506628277459239,
];
const QB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
const QB4 = -13.28068155288572;
const QC = [
  -7.784894002430293e-3,
  -0.3223964580411365,
  -2.400758277161838,
  -2.549732539343734,
  4.374664141464968,
  2.938163982698783,
];
const QD = [7.784695709041462e-3, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function quantileGuess(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((QC[0] * q + QC[1]) * q + QC[2]) * q + QC[3]) * q + QC[4]) * q + QC[5]) /
      ((((QD[0] * q + QD[1]) * q + QD[2]) * q + QD[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (((((QA[0] * r + QA[1]) * r + QA[2]) * r + QA[3]) * r + QA[4]) * r + QA[5]) * q /
    (((((QB[0] * r + QB[1]) * r + QB[2]) * r + QB[3]) * r + QB4) * r + 1);
}

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p <= 0.5 (the lower half, where p carries full
 * relative precision), to a relative error below 1.2e-9 (enough for an initial guess).
 */
export function normQuantileLowerFast(p: number): number {
  return p > 0 ? quantileGuess(p) : -Infinity;
}

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p <= 0.5, polished to full precision by one
 * Halley step on normCdf.
 */
export function normQuantileLower(p: number): number {
  if (!(p > 0)) return -Infinity;
  const z = quantileGuess(p);
  // One Halley step: e = Φ(z) − p, u = e/φ(z); z ← z − u/(1 + z·u/2).
  const u = (normCdf(z) - p) / normPdf(z);
  return z - u / (1 + 0.5 * z * u);
}
