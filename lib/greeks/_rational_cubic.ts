/**
 * Rational cubic interpolation of R. Delbourgo and J. A. Gregory, "Shape preserving
 * piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6 (1985) 967–976: on
 * [x_l, x_r] with values y_l, y_r, slopes d_l, d_r and control parameter r,
 *
 *   R = [y_r·τ³ + (r·y_r − Δx·d_r)·τ²(1−τ) + (r·y_l + Δx·d_l)·τ(1−τ)² + y_l·(1−τ)³]
 *       / [1 + (r − 3)·τ(1−τ)],   τ = (x − x_l)/Δx.
 *
 * r = 3 gives the cubic Hermite interpolant, r → ∞ the straight line. r is chosen to
 * match a second derivative at one end, raised where needed to keep monotone or convex
 * data monotone or convex.
 *
 * @module
 */

const EPS = 2 ** -52;
const R_MAX = 2 / EPS;
const R_MIN = -(1 - Math.sqrt(EPS));

/** Evaluates the rational cubic interpolant at x. */
export function rationalCubic(
  x: number,
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  r: number,
): number {
  const dx = xr - xl;
  if (!(dx > 0)) return 0.5 * (yl + yr);
  const t = (x - xl) / dx;
  if (!(r < R_MAX)) return yr * t + yl * (1 - t);
  const u = 1 - t;
  const t2 = t * t;
  const u2 = u * u;
  return (yr * t2 * t + (r * yr - dx * dr) * t2 * u + (r * yl + dx * dl) * t * u2 + yl * u2 * u) /
    (1 + (r - 3) * t * u);
}

/**
 * The smallest r that keeps the interpolant monotone (r >= (d_l + d_r)/Δ) and convex or
 * concave (r >= |d_r − d_l|/|d_r − Δ| and |d_r − d_l|/|Δ − d_l|) when the data are; Δ is
 * the secant slope. Where the data have an inflection, shape preservation asks for a line.
 */
function minimumControl(dl: number, dr: number, slope: number, preferShape: boolean): number {
  const monotonic = dl * slope >= 0 && dr * slope >= 0;
  const convex = dl <= slope && slope <= dr;
  const concave = dl >= slope && slope >= dr;
  if (!monotonic && !convex && !concave) return R_MIN;
  let r1 = -Infinity;
  let r2 = -Infinity;
  if (monotonic) {
    if (slope !== 0) r1 = (dr + dl) / slope;
    else if (preferShape) r1 = R_MAX;
  }
  if (convex || concave) {
    const left = slope - dl;
    const right = dr - slope;
    if (left !== 0 && right !== 0) {
      r2 = Math.max(Math.abs((dr - dl) / right), Math.abs((dr - dl) / left));
    } else if (preferShape) r2 = R_MAX;
  } else if (monotonic && preferShape) r2 = R_MAX;
  return Math.max(R_MIN, r1, r2);
}

function clampControl(r: number): number {
  return r > R_MAX ? R_MAX : r;
}

/**
 * Control parameter making R''(x_l) equal `secondLeft`:
 * r = (Δx·R''/2 + d_r − d_l)/(Δ − d_l), never below the shape-preserving minimum.
 */
export function controlForSecondDerivativeLeft(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondLeft: number,
  preferShape: boolean,
): number {
  const dx = xr - xl;
  const slope = (yr - yl) / dx;
  const num = 0.5 * dx * secondLeft + (dr - dl);
  const den = slope - dl;
  const r = num === 0 ? 0 : den === 0 ? (num > 0 ? R_MAX : R_MIN) : num / den;
  return clampControl(Math.max(r, minimumControl(dl, dr, slope, preferShape)));
}

/**
 * Control parameter making R''(x_r) equal `secondRight`:
 * r = (Δx·R''/2 + d_r − d_l)/(d_r − Δ), never below the shape-preserving minimum.
 */
export function controlForSecondDerivativeRight(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondRight: number,
  preferShape: boolean,
): number {
  const dx = xr - xl;
  const slope = (yr - yl) / dx;
  const num = 0.5 * dx * secondRight + (dr - dl);
  const den = dr - slope;
  const r = num === 0 ? 0 : den === 0 ? (num > 0 ? R_MAX : R_MIN) : num / den;
  return clampControl(Math.max(r, minimumControl(dl, dr, slope, preferShape)));
}
