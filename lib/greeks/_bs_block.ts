/**
 * The per-row quantities of the Black–Scholes–Merton kernel for one block of rows, kept in
 * block-sized scratch arrays that stay in the L1 cache between the kernel's passes.
 *
 * @module
 */
import { fastExp } from "./_exp.ts";
import { ONE_OVER_SQRT_TWO_PI } from "./_normal.ts";

/** Rows per block. */
export const BLOCK = 512;

/** Scratch of one block of m rows: row j of the block is row lo + j of the batch. */
export interface BlockScratch {
  /** w·d1 at j and w·d2 at m + j: the arguments of Φ. */
  arg: Float64Array;
  /** exp(−d1²/2) at j and exp(−d2²/2) at m + j. */
  gauss: Float64Array;
  /** Φ(w·d1) at j and Φ(w·d2) at m + j (filled by `phiBlock`). */
  cdf: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  /** √T. */
  sqrtT: Float64Array;
  /** 1/(σ√T). */
  invSd: Float64Array;
  /** e^{−qT}. */
  dq: Float64Array;
  /** S·e^{−qT}. */
  sq: Float64Array;
  /** K·e^{−rT}. */
  kr: Float64Array;
  /** e^{−qT}·φ(d1). */
  dqn1: Float64Array;
  /** ln(S/K). */
  lnMoneyness: Float64Array;
  /** Batch indices of the block's invalid rows. */
  invalid: Int32Array;
}

/** The kernel's inputs with their strides: 0 for a value broadcast to every row, else 1. */
export interface BlackScholesInputs {
  /** 1 for a call, −1 for a put. */
  right: Int8Array;
  spot: Float64Array;
  strike: Float64Array;
  tYears: Float64Array;
  rate: Float64Array;
  dividendYield: Float64Array;
  vol: Float64Array;
  sW: number;
  sS: number;
  sK: number;
  sT: number;
  sR: number;
  sQ: number;
  sV: number;
}

/** Allocates the scratch of one block. */
export function allocateBlockScratch(): BlockScratch {
  const f = (k: number) => new Float64Array(k * BLOCK);
  return {
    arg: f(2),
    gauss: f(2),
    cdf: f(2),
    d1: f(1),
    d2: f(1),
    sqrtT: f(1),
    invSd: f(1),
    dq: f(1),
    sq: f(1),
    kr: f(1),
    dqn1: f(1),
    lnMoneyness: f(1),
    invalid: new Int32Array(BLOCK),
  };
}

/**
 * Fills the scratch for rows [lo, lo + m) and returns how many of them are invalid (their
 * batch indices are in `invalid`). An invalid
 * row is computed like the others (NaN or a meaningless number, never a trap) and the
 * kernel overwrites its outputs with NaN.
 *
 * Several short loops rather than one long one: Math.log is a call, which would spill
 * every live register, and short loop bodies let the processor overlap the long
 * dependency chains (sqrt → divide → exp → divide) of successive rows.
 */
export function fillBlock(lo: number, m: number, x: BlackScholesInputs, b: BlockScratch): number {
  const { right, spot, strike, tYears, rate, dividendYield, vol } = x;
  const { sW, sS, sK, sT, sR, sQ, sV } = x;
  const { arg, gauss, d1: D1, d2: D2, sqrtT: SQRT_T, invSd: INV_SD, dq: DQ } = b;
  const { sq: SQ, kr: KR, dqn1: DQN1, lnMoneyness: LN_M, invalid } = b;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    LN_M[j] = Math.log(spot[i * sS] / strike[i * sK]);
  }
  let nInvalid = 0;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = right[i * sW];
    const s = spot[i * sS];
    const k = strike[i * sK];
    const t = tYears[i * sT];
    const r = rate[i * sR];
    const q = dividendYield[i * sQ];
    const v = vol[i * sV];
    invalid[nInvalid] = i;
    nInvalid += !(s > 0 && k > 0 && t > 0 && v > 0 && s < Infinity && k < Infinity &&
        t < Infinity && v < Infinity && r - r === 0 && q - q === 0) || (w !== 1 && w !== -1)
      ? 1
      : 0;
    const sqrtT = Math.sqrt(t);
    const sd = v * sqrtT;
    const invSd = 1 / sd;
    const d1 = (LN_M[j] + (r - q) * t) * invSd + 0.5 * sd;
    const d2 = d1 - sd;
    arg[j] = w * d1;
    arg[m + j] = w * d2;
    D1[j] = d1;
    D2[j] = d2;
    SQRT_T[j] = sqrtT;
    INV_SD[j] = invSd;
  }
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const t = tYears[i * sT];
    const dq = fastExp(-dividendYield[i * sQ] * t);
    DQ[j] = dq;
    SQ[j] = spot[i * sS] * dq;
    KR[j] = strike[i * sK] * fastExp(-rate[i * sR] * t);
  }
  for (let j = 0; j < m; j++) {
    const d1 = D1[j];
    const e1 = fastExp(-0.5 * d1 * d1);
    gauss[j] = e1;
    DQN1[j] = DQ[j] * ONE_OVER_SQRT_TWO_PI * e1;
    // exp(−d2²/2) = exp(−d1²/2)·S·e^{−qT}/(K·e^{−rT}), unless exp(−d1²/2) is too small.
    const d2 = D2[j];
    gauss[m + j] = e1 > 1e-280 ? e1 * SQ[j] / KR[j] : Math.exp(-0.5 * d2 * d2);
  }
  return nInvalid;
}
