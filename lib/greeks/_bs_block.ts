/**
 * The passes of the Black–Scholes–Merton kernel over one block of rows: the per-row
 * quantities into block-sized scratch arrays, then the output columns from them.
 *
 * The scratch arrays are module-level constants used by the loops of this module: V8 then
 * compiles their addresses and lengths into the code, where an array reached through a
 * parameter, an object or an import has its pointer and length reloaded and checked in
 * every iteration (measured: a loop reading three and writing one such array ran at
 * 1.0 ns a row, against 0.4 ns for module constants).
 *
 * @module
 */
import { fastExp } from "./_exp.ts";
import { ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";
import { PHI_ARG, PHI_CDF, PHI_GAUSS } from "./_phi_block.ts";
// Local bindings: V8 embeds a module's own constants and typed arrays in optimised code,
// but reads exported bindings through a cell on every use (imported ones in lower tiers).
const INV_SQRT_2PI = ONE_OVER_SQRT_TWO_PI;
const ARG = PHI_ARG;
const CDF = PHI_CDF;
const GAUSS = PHI_GAUSS;

/** Rows per block (twice this fits `phiBlock`). */
export const BLOCK = 512;
// Row j of a block of m rows is row lo + j of the batch; Φ's arrays hold w·d1, e^{−d1²/2}
// and Φ(w·d1) at j, and the same for d2 at m + j.
const W = new Float64Array(BLOCK); // right: 1, −1 (or an invalid code)
const S = new Float64Array(BLOCK);
const K = new Float64Array(BLOCK);
const T = new Float64Array(BLOCK);
const R = new Float64Array(BLOCK);
const Q = new Float64Array(BLOCK);
const V = new Float64Array(BLOCK);
const LN_M = new Float64Array(BLOCK); // ln(S/K)
const D1 = new Float64Array(BLOCK);
const D2 = new Float64Array(BLOCK);
const SQRT_T = new Float64Array(BLOCK);
const INV_SD = new Float64Array(BLOCK); // 1/(σ√T)
const DQ = new Float64Array(BLOCK); // e^{−qT}
const SQ = new Float64Array(BLOCK); // S·e^{−qT}
const KR = new Float64Array(BLOCK); // K·e^{−rT}
const DQN1 = new Float64Array(BLOCK); // e^{−qT}·φ(d1)
const INVALID = new Int32Array(BLOCK);
/** Where a block's rows of an output column nobody asked for go (see the writers). */
export const SINK = new Float64Array(BLOCK);

/** Batch index of the k-th invalid row of the last block filled. */
export function invalidRow(k: number): number {
  return INVALID[k];
}

/**
 * Fills the scratch and Φ's arguments for rows [lo, lo + m) and returns how many of them
 * are invalid (see {@link invalidRow}). Inputs of length 1 are broadcast. An invalid row
 * is computed like the others (NaN or a meaningless number, never a trap) and the kernel
 * overwrites its outputs with NaN.
 *
 * Several short loops rather than one long one: Math.log is a call, which spills every
 * live register, and short loop bodies let the processor overlap the long dependency
 * chains (sqrt → divide → exp → divide) of successive rows. Each input column is read
 * once, by the first two loops.
 */
export function fillBlock(
  lo: number,
  m: number,
  right: Int8Array,
  spot: Float64Array,
  strike: Float64Array,
  tYears: Float64Array,
  rate: Float64Array,
  dividendYield: Float64Array,
  vol: Float64Array,
): number {
  const sW = right.length === 1 ? 0 : 1;
  const sS = spot.length === 1 ? 0 : 1;
  const sK = strike.length === 1 ? 0 : 1;
  const sT = tYears.length === 1 ? 0 : 1;
  const sR = rate.length === 1 ? 0 : 1;
  const sQ = dividendYield.length === 1 ? 0 : 1;
  const sV = vol.length === 1 ? 0 : 1;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const s = spot[i * sS];
    const k = strike[i * sK];
    S[j] = s;
    K[j] = k;
    LN_M[j] = Math.log(s / k);
  }
  let nInvalid = 0;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = right[i * sW];
    const s = S[j];
    const k = K[j];
    const t = tYears[i * sT];
    const r = rate[i * sR];
    const q = dividendYield[i * sQ];
    const v = vol[i * sV];
    W[j] = w;
    T[j] = t;
    R[j] = r;
    Q[j] = q;
    V[j] = v;
    INVALID[nInvalid] = i;
    // Comparisons combined with `&` (no short-circuit branches): finite and positive, finite.
    nInvalid += 1 - (+(s > 0) & +(s < Infinity) & +(k > 0) & +(k < Infinity) & +(t > 0) &
      +(t < Infinity) & +(v > 0) & +(v < Infinity) & +(r - r === 0) & +(q - q === 0) &
      +(w * w === 1));
    const sqrtT = Math.sqrt(t);
    const sd = v * sqrtT;
    const invSd = 1 / sd;
    const d1 = (LN_M[j] + (r - q) * t) * invSd + 0.5 * sd;
    const d2 = d1 - sd;
    ARG[j] = w * d1;
    ARG[m + j] = w * d2;
    D1[j] = d1;
    D2[j] = d2;
    SQRT_T[j] = sqrtT;
    INV_SD[j] = invSd;
  }
  for (let j = 0; j < m; j++) {
    const dq = fastExp(-Q[j] * T[j]);
    DQ[j] = dq;
    SQ[j] = S[j] * dq;
  }
  for (let j = 0; j < m; j++) KR[j] = K[j] * fastExp(-R[j] * T[j]);
  for (let j = 0; j < m; j++) {
    const d1 = D1[j];
    const e1 = fastExp(-0.5 * d1 * d1);
    GAUSS[j] = e1;
    DQN1[j] = DQ[j] * INV_SQRT_2PI * e1;
  }
  for (let j = 0; j < m; j++) {
    // exp(−d2²/2) = exp(−d1²/2)·S·e^{−qT}/(K·e^{−rT}), unless exp(−d1²/2) is too small.
    const e1 = GAUSS[j];
    const d2 = D2[j];
    GAUSS[m + j] = e1 > 1e-280 ? e1 * SQ[j] / KR[j] : Math.exp(-0.5 * d2 * d2);
  }
  return nInvalid;
}

// The writers: rows [lo, lo + m) of one group of output columns each, so that a caller
// asking for a few columns skips the groups it does not need (and a loop writes few large
// arrays at a time). Row i goes to `column[i − offset]`: offset is 0, or lo for SINK,
// which takes the rows of a column nobody asked for in a group that runs for another one.

/** price = w·(S·e^{−qT}·Φ(w·d1) − K·e^{−rT}·Φ(w·d2)); delta = w·e^{−qT}·Φ(w·d1). */
export function writePriceDelta(
  lo: number,
  m: number,
  price: Float64Array,
  priceOffset: number,
  delta: Float64Array,
  deltaOffset: number,
): void {
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = W[j];
    const cdf1 = CDF[j];
    price[i - priceOffset] = w * (SQ[j] * cdf1 - KR[j] * CDF[m + j]);
    delta[i - deltaOffset] = w * DQ[j] * cdf1;
  }
}

/**
 * The Greeks that need no Φ: gamma = e^{−qT}φ(d1)/(Sσ√T), vega = S·e^{−qT}φ(d1)√T,
 * vanna = −e^{−qT}φ(d1)·d2/σ, vomma = vega·d1·d2/σ.
 */
export function writeDensityGreeks(
  lo: number,
  m: number,
  gamma: Float64Array,
  gammaOffset: number,
  vega: Float64Array,
  vegaOffset: number,
  vanna: Float64Array,
  vannaOffset: number,
  vomma: Float64Array,
  vommaOffset: number,
): void {
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const s = S[j];
    const dqn1 = DQN1[j];
    const d2 = D2[j];
    const invV = 1 / V[j];
    const vg = s * dqn1 * SQRT_T[j];
    gamma[i - gammaOffset] = dqn1 * INV_SD[j] / s;
    vega[i - vegaOffset] = vg;
    vanna[i - vannaOffset] = -dqn1 * d2 * invV;
    vomma[i - vommaOffset] = vg * D1[j] * d2 * invV;
  }
}

/**
 * theta = −S·e^{−qT}φ(d1)σ/(2√T) − w·(r·K·e^{−rT}·Φ(w·d2) − q·S·e^{−qT}·Φ(w·d1)),
 * rho = w·K·T·e^{−rT}·Φ(w·d2), dividendRho = −w·S·T·e^{−qT}·Φ(w·d1),
 * charm = w·q·e^{−qT}·Φ(w·d1) − e^{−qT}·φ(d1)·(2(r−q)T − d2·σ√T)/(2T·σ√T).
 */
export function writeTimeGreeks(
  lo: number,
  m: number,
  theta: Float64Array,
  thetaOffset: number,
  rho: Float64Array,
  rhoOffset: number,
  dividendRho: Float64Array,
  dividendRhoOffset: number,
  charm: Float64Array,
  charmOffset: number,
): void {
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = W[j];
    const t = T[j];
    const r = R[j];
    const q = Q[j];
    const v = V[j];
    const cdf1 = CDF[j];
    const cdf2 = CDF[m + j];
    const sq = SQ[j];
    const kr = KR[j];
    const dqn1 = DQN1[j];
    const invSd = INV_SD[j];
    theta[i - thetaOffset] = -0.5 * S[j] * dqn1 * v * v * invSd -
      w * (r * kr * cdf2 - q * sq * cdf1);
    rho[i - rhoOffset] = w * kr * t * cdf2;
    dividendRho[i - dividendRhoOffset] = -w * sq * t * cdf1;
    charm[i - charmOffset] = w * q * DQ[j] * cdf1 - dqn1 * ((r - q) * invSd - 0.5 * D2[j] / t);
  }
}
