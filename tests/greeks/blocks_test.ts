// The block (array) versions of the special functions, of the normalised Black function
// and of the solver must give exactly the scalar versions' results, which the mpmath tests
// check for accuracy.
import assert from "node:assert/strict";
import {
  BLACK_OUT,
  BLACK_S,
  BLACK_VEGA,
  BLACK_X,
  normalisedBlackBlock,
  normalisedBlackComplementBlock,
} from "../../lib/greeks/_black_block.ts";
import { erfcx } from "../../lib/greeks/_erf.ts";
import {
  SOLVE_BETA,
  SOLVE_BMAX,
  SOLVE_S,
  SOLVE_X,
  solveBlock,
} from "../../lib/greeks/_iv_block.ts";
import { millsLower, normCdf } from "../../lib/greeks/_normal.ts";
import {
  normalisedBlackComplement,
  normalisedBlackWithVega,
  normalisedVega,
} from "../../lib/greeks/_normalised_black.ts";
import {
  CDF_ARG,
  CDF_OUT,
  ERFCX_ARG,
  ERFCX_OUT,
  erfcxBlock,
  MILLS_ARG,
  MILLS_OUT,
  millsLowerBlock,
  normCdfBlock,
} from "../../lib/greeks/_special_block.ts";
import { totalVolatility } from "../../lib/greeks/_total_vol.ts";
import { seededRandom } from "./_reference.ts";

function sameBits(a: number, b: number, what: string) {
  assert.ok(Object.is(a, b), `${what}: ${a} vs ${b}`);
}

Deno.test("normCdfBlock(), erfcxBlock() and millsLowerBlock() give the scalar results exactly", () => {
  const rand = seededRandom(31);
  const special = [0, -0, NaN, Infinity, -Infinity, 0.46875, -0.46875, 4, -4, 26.7, -26.7, 40, -40];
  for (let round = 0; round < 20; round++) {
    const n = 1024;
    for (let j = 0; j < n; j++) {
      const z = j < special.length ? special[j] : (rand() - 0.6) * 2 * 10 ** (2 * rand() - 0.5);
      CDF_ARG[j] = z;
      ERFCX_ARG[j] = z;
      MILLS_ARG[j] = -Math.abs(z);
    }
    normCdfBlock(n);
    erfcxBlock(n);
    millsLowerBlock(n);
    for (let j = 0; j < n; j++) {
      sameBits(CDF_OUT[j], normCdf(CDF_ARG[j]), `normCdf(${CDF_ARG[j]})`);
      sameBits(ERFCX_OUT[j], erfcx(ERFCX_ARG[j]), `erfcx(${ERFCX_ARG[j]})`);
      sameBits(MILLS_OUT[j], millsLower(MILLS_ARG[j]), `millsLower(${MILLS_ARG[j]})`);
    }
  }
});

Deno.test("normalisedBlackBlock() gives normalisedBlackWithVega() exactly, in every regime", () => {
  const rand = seededRandom(32);
  const regimes = [0, 0, 0]; // series in s/2, Φ form, erfcx form
  for (let round = 0; round < 40; round++) {
    const n = 512;
    for (let j = 0; j < n; j++) {
      const x = j === 0 ? 0 : -(10 ** (5 * rand() - 4)) * (rand() < 0.1 ? 100 : 1);
      const s = 10 ** (4 * rand() - 3);
      BLACK_X[j] = x;
      BLACK_S[j] = s;
      BLACK_VEGA[j] = normalisedVega(x, s);
      const h = x / s, t = s / 2;
      regimes[t < 0.21 && x > -1.5 ? 0 : h + t > 0.85 ? 1 : 2]++;
    }
    normalisedBlackBlock(n);
    for (let j = 0; j < n; j++) {
      const [x, s, vega] = [BLACK_X[j], BLACK_S[j], BLACK_VEGA[j]];
      sameBits(BLACK_OUT[j], normalisedBlackWithVega(x, s, vega), `b(${x}, ${s})`);
    }
    normalisedBlackComplementBlock(n);
    for (let j = 0; j < n; j++) {
      const [x, s] = [BLACK_X[j], BLACK_S[j]];
      sameBits(BLACK_OUT[j], normalisedBlackComplement(x, s), `b_max − b(${x}, ${s})`);
    }
  }
  for (const count of regimes) assert.ok(count > 1000, `regime counts ${regimes}`);
});

Deno.test("solveBlock() gives each problem the result it gets alone", () => {
  const rand = seededRandom(33);
  const n = 512;
  const problems: [number, number, number][] = [];
  for (let j = 0; j < n; j++) {
    const x = j === 0 ? 0 : -(10 ** (4 * rand() - 3));
    const s = 10 ** (3 * rand() - 2);
    const bMax = Math.exp(0.5 * x);
    const vega = normalisedVega(x, s);
    const beta = normalisedBlackWithVega(x, s, vega);
    if (!(beta > 0 && beta < bMax)) continue;
    problems.push([x, beta, bMax]);
  }
  problems.forEach(([x, beta, bMax], j) => {
    SOLVE_X[j] = x;
    SOLVE_BETA[j] = beta;
    SOLVE_BMAX[j] = bMax;
  });
  solveBlock(problems.length);
  const together = Float64Array.from(SOLVE_S.subarray(0, problems.length));
  problems.forEach(([x, beta, bMax], j) => {
    sameBits(together[j], totalVolatility(x, beta, bMax), `s(${x}, ${beta})`);
  });
  assert.ok(problems.length > 400);
});
