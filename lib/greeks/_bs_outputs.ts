/**
 * The output loops of the Black–Scholes–Merton kernel: price and Greeks of one block from
 * its scratch (see `_bs_block.ts`), in three groups so that a caller asking for a few
 * columns skips the groups it does not need.
 *
 * @module
 */
import type { BlackScholesInputs, BlockScratch } from "./_bs_block.ts";

/**
 * A column to write: row i of the batch goes to `values[i]`, or, for a column the caller
 * did not ask for in a group that runs for another one, row lo + j of a block goes to
 * `values[j]` of a block-sized sink (cheaper than a branch per row or a loop per column).
 */
export interface Target {
  values: Float64Array;
  sink: boolean;
}

/** price = w·(S·e^{−qT}·Φ(w·d1) − K·e^{−rT}·Φ(w·d2)); delta = w·e^{−qT}·Φ(w·d1). */
export function writePriceDelta(
  lo: number,
  m: number,
  x: BlackScholesInputs,
  b: BlockScratch,
  price: Target,
  delta: Target,
): void {
  const { right, sW } = x;
  const { cdf, sq: SQ, kr: KR, dq: DQ } = b;
  const P = price.values;
  const pOff = price.sink ? lo : 0;
  const D = delta.values;
  const dOff = delta.sink ? lo : 0;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = right[i * sW];
    const cdf1 = cdf[j];
    P[i - pOff] = w * (SQ[j] * cdf1 - KR[j] * cdf[m + j]);
    D[i - dOff] = w * DQ[j] * cdf1;
  }
}

/**
 * The Greeks that need no Φ: gamma = e^{−qT}φ(d1)/(Sσ√T), vega = S·e^{−qT}φ(d1)√T,
 * vanna = −e^{−qT}φ(d1)·d2/σ, vomma = vega·d1·d2/σ.
 */
export function writeDensityGreeks(
  lo: number,
  m: number,
  x: BlackScholesInputs,
  b: BlockScratch,
  gamma: Target,
  vega: Target,
  vanna: Target,
  vomma: Target,
): void {
  const { spot, vol, sS, sV } = x;
  const { dqn1: DQN1, invSd: INV_SD, sqrtT: SQRT_T, d1: D1, d2: D2 } = b;
  const G = gamma.values;
  const gOff = gamma.sink ? lo : 0;
  const V = vega.values;
  const vOff = vega.sink ? lo : 0;
  const VA = vanna.values;
  const vaOff = vanna.sink ? lo : 0;
  const VO = vomma.values;
  const voOff = vomma.sink ? lo : 0;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const s = spot[i * sS];
    const dqn1 = DQN1[j];
    const d2 = D2[j];
    const invV = 1 / vol[i * sV];
    const vg = s * dqn1 * SQRT_T[j];
    G[i - gOff] = dqn1 * INV_SD[j] / s;
    V[i - vOff] = vg;
    VA[i - vaOff] = -dqn1 * d2 * invV;
    VO[i - voOff] = vg * D1[j] * d2 * invV;
  }
}

/**
 * The time and rate Greeks: theta, rho, dividendRho and charm (see `BlackScholesColumns`).
 * ∂Δ/∂t = w·q·e^{−qT}·Φ(w·d1) − e^{−qT}·φ(d1)·(2(r−q)T − d2·σ√T)/(2T·σ√T).
 */
export function writeTimeGreeks(
  lo: number,
  m: number,
  x: BlackScholesInputs,
  b: BlockScratch,
  theta: Target,
  rho: Target,
  dividendRho: Target,
  charm: Target,
): void {
  const { cdf, sq: SQ, kr: KR, dq: DQ, dqn1: DQN1, invSd: INV_SD, d2: D2 } = b;
  const { right, spot, tYears, rate, dividendYield, vol, sW, sS, sT, sR, sQ, sV } = x;
  const TH = theta.values;
  const thOff = theta.sink ? lo : 0;
  const RH = rho.values;
  const rhOff = rho.sink ? lo : 0;
  const DR = dividendRho.values;
  const drOff = dividendRho.sink ? lo : 0;
  const CH = charm.values;
  const chOff = charm.sink ? lo : 0;
  for (let j = 0; j < m; j++) {
    const i = lo + j;
    const w = right[i * sW];
    const t = tYears[i * sT];
    const r = rate[i * sR];
    const q = dividendYield[i * sQ];
    const v = vol[i * sV];
    const cdf1 = cdf[j];
    const cdf2 = cdf[m + j];
    const sq = SQ[j];
    const kr = KR[j];
    const dqn1 = DQN1[j];
    const invSd = INV_SD[j];
    TH[i - thOff] = -0.5 * spot[i * sS] * dqn1 * v * v * invSd -
      w * (r * kr * cdf2 - q * sq * cdf1);
    RH[i - rhOff] = w * kr * t * cdf2;
    DR[i - drOff] = -w * sq * t * cdf1;
    CH[i - chOff] = w * q * DQ[j] * cdf1 - dqn1 * ((r - q) * invSd - 0.5 * D2[j] / t);
  }
}
