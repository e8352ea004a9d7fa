/**
 * Error functions after W. J. Cody, "Rational Chebyshev approximations for the error
 * function", Mathematics of Computation 23 (1969) 631–637, with the coefficients of his
 * CALERF routine. Relative accuracy is about 1e-16 on every branch, including the far
 * tails, because the tails are computed as `exp(-x²)·R(x)` with `R` a rational function
 * of `x` (or `1/x²`) instead of as `1 − erf(x)`.
 *
 * @module
 */

const A0 = 3.1611237438705656;
const A1 = 113.86415415105016;
const A2 = 377.48523768530202;
const A3 = 3209.3775891384695;
const A4 = 0.18577770618460315;
const B0 = 23.601290952344122;
const B1 = 244.02463793444417;
const B2 = 1282.6165260773723;
const B3 = 2844.2368334391706;

const C0 = 0.56418849698867009;
const C1 = 8.8831497943883759;
const C2 = 66.119190637141630;
const C3 = 298.63513819740013;
const C4 = 881.95222124176909;
const C5 = 1712.0476126340706;
const C6 = 2051.0783778260715;
const C7 = 1230.3393547979972;
const C8 = 2.1531153547440383e-8;
const D0 = 15.744926110709835;
const D1 = 117.69395089131250;
const D2 = 537.18110186200986;
const D3 = 1621.3895745666902;
const D4 = 3290.7992357334596;
const D5 = 4362.6190901432472;
const D6 = 3439.3676741437216;
const D7 = 1230.3393548037494;

const P0 = 0.30532663496123236;
const P1 = 0.36034489994980445;
const P2 = 0.12578172611122925;
const P3 = 0.016083785148742275;
const P4 = 6.5874916152983678e-4;
const P5 = 0.016315387137302097;
const Q0 = 2.5685201922898682;
const Q1 = 1.8729528499234604;
const Q2 = 0.52790510295142837;
const Q3 = 0.060518341312441320;
const Q4 = 2.3352049762686918e-3;

const ONE_OVER_SQRT_PI = 0.56418958354775628;

// Module code reads local constants: V8 folds those into the code, but reads exported
// bindings through a cell on every use (several times slower in a hot loop).
const SMALL = 0.46875;
/** Below this |x|, erf is computed directly from its rational approximation. */
export const ERF_SMALL = SMALL;

/** erf(x) for |x| <= {@link ERF_SMALL}: x·R(x²). */
export function erfSmall(x: number): number {
  const y = x * x;
  const num = (((A4 * y + A0) * y + A1) * y + A2) * y + A3;
  const den = (((y + B0) * y + B1) * y + B2) * y + B3;
  return x * num / den;
}

/** erfcx(y) = exp(y²)·erfc(y) for {@link ERF_SMALL} < y <= 4. */
export function erfcxMid(y: number): number {
  // Estrin's scheme: the same polynomials as Horner's, with a shorter dependency chain.
  const y2 = y * y;
  const y4 = y2 * y2;
  const num = (C7 + C6 * y) + y2 * (C5 + C4 * y) +
    y4 * ((C3 + C2 * y) + y2 * (C1 + C0 * y) + y4 * C8);
  const den = (D7 + D6 * y) + y2 * (D5 + D4 * y) +
    y4 * ((D3 + D2 * y) + y2 * (D1 + D0 * y) + y4);
  return num / den;
}

/** erfcx(y) = exp(y²)·erfc(y) for y > 4. */
export function erfcxTail(y: number): number {
  const z = 1 / (y * y);
  const num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
  const den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
  return (ONE_OVER_SQRT_PI - z * num / den) / y;
}

/** erfcx(y) = exp(y²)·erfc(y) for y > {@link ERF_SMALL}. */
export function erfcxLarge(y: number): number {
  return y <= 4 ? erfcxMid(y) : erfcxTail(y);
}

/**
 * exp(-y²) without the error that rounding y² would bring for large y: y is split into
 * a part with few bits, whose square is exact, and a small remainder (Cody's device).
 */
export function expMinusSquare(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  return Math.exp(-head * head) * Math.exp(-(y - head) * (y + head));
}

/** Complementary error function erfc(x), relative accuracy ~1e-16 for all x. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL) return 1 - erfSmall(x);
  const r = y >= 27.3 ? 0 : expMinusSquare(y) * erfcxLarge(y);
  return x < 0 ? 2 - r : r;
}

/** Scaled complementary error function erfcx(x) = exp(x²)·erfc(x). */
export function erfcx(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL) return Math.exp(x * x) * (1 - erfSmall(x));
  if (x > 0) return erfcxLarge(y);
  if (y > 26.6) return Infinity;
  const e = Math.exp(y * y);
  return e + e - erfcxLarge(y);
}
