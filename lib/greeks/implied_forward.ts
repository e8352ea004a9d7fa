/**
 * Forward and discount factor implied by put–call parity across the strikes of one expiry.
 *
 * @module
 */

/** Inputs of {@link impliedForward}: one expiry's call/put pairs at the same strikes. */
export interface ImpliedForwardPairs {
  /** Strikes K, one per pair. */
  strike: ArrayLike<number>;
  /** Call prices per share at each strike. */
  call: ArrayLike<number>;
  /** Put prices per share at each strike. */
  put: ArrayLike<number>;
  /** Weight of each pair (e.g. the smaller of the two volumes); all 1 when omitted. */
  weight?: ArrayLike<number>;
}

/** Options of {@link impliedForward}. */
export interface ImpliedForwardOptions {
  /** Fewest pairs a fit may use; fewer gives status `too_few_pairs`. @default 3 */
  minPairs?: number;
  /** Pairs nearest the money (smallest |C − P|) the fit starts from. @default 12 */
  maxPairs?: number;
  /** Residuals beyond this many robust standard deviations are rejected. @default 4 */
  rejectSigmas?: number;
  /** Residuals below this (dollars) are never rejected (price tick noise). @default 0.005 */
  tolerance?: number;
  /** Accepted discount factors (rates from about −5% to +100% a year). @default [0.5, 1.05] */
  discountRange?: readonly [number, number];
}

/** Why a fit gave no forward: `ok`, or the reason it fell back. */
export type ImpliedForwardStatus = "ok" | "too_few_pairs" | "degenerate" | "out_of_range";

/** Result of {@link impliedForward}. */
export interface ImpliedForwardResult {
  /** The forward F (NaN unless status is ok). */
  forward: number;
  /** The discount factor D = e^{−rT} (NaN unless status is ok). */
  discount: number;
  /** Pairs the final fit used. */
  pairs: number;
  /** Weighted root-mean-square residual of C − P − D(F − K) over the pairs used, dollars. */
  rmse: number;
  status: ImpliedForwardStatus;
}

interface Fit {
  a: number;
  b: number;
  ok: boolean;
}

/** Weighted least squares of y = a + b·x over the rows with keep[i] = 1. */
function fitLine(x: Float64Array, y: Float64Array, w: Float64Array, keep: Uint8Array): Fit {
  let sw = 0, sx = 0, sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (keep[i]) sw += w[i], sx += w[i] * x[i], sy += w[i] * y[i];
  }
  if (!(sw > 0)) return { a: NaN, b: NaN, ok: false };
  const mx = sx / sw, my = sy / sw;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!keep[i]) continue;
    const dx = x[i] - mx;
    sxx += w[i] * dx * dx, sxy += w[i] * dx * (y[i] - my);
  }
  if (!(sxx > 0)) return { a: NaN, b: NaN, ok: false };
  const b = sxy / sxx;
  return { a: my - b * mx, b, ok: true };
}

function median(values: number[]): number {
  const s = values.slice().sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/**
 * Forward F and discount factor D implied by put–call parity, C − P = D·(F − K), from the
 * pairs of one expiry: a weighted least-squares line of C − P on K (slope −D, intercept
 * D·F) over the `maxPairs` pairs nearest the money, refitted after rejecting pairs whose
 * residual exceeds `rejectSigmas` robust standard deviations (1.4826 × the median absolute
 * residual, never below `tolerance`), until none is rejected or `minPairs` remain. Pairs
 * with a non-finite price, strike or weight ≤ 0 are skipped. Parity is exact for European
 * options (SPX, SPXW); for American ones (SPY) it holds only approximately.
 *
 * @param pairs The calls and puts at the same strikes.
 * @param options Fit settings.
 * @returns forward, discount, pairs used, residual and status; NaN forward and discount
 * unless status is `ok` (the caller then falls back to configured rates and dividends).
 * @throws {RangeError} If the columns differ in length or minPairs < 2.
 *
 * @example
 * ```ts
 * import { impliedForward } from "./implied_forward.ts";
 * import assert from "node:assert/strict";
 * // D = 0.99, F = 101: C − P = 0.99·(101 − K) at K = 95..105, one bad print at 100.
 * const strike = [95, 97, 99, 100, 101, 103, 105];
 * const put = strike.map(() => 2);
 * const call = strike.map((k, i) => 2 + 0.99 * (101 - k) + (k === 100 ? 0.5 : 0));
 * const f = impliedForward({ strike, call, put });
 * assert.equal(f.status, "ok");
 * assert.equal(f.pairs, 6);
 * assert.ok(Math.abs(f.forward - 101) < 1e-9 && Math.abs(f.discount - 0.99) < 1e-12);
 * ```
 */
export function impliedForward(
  pairs: ImpliedForwardPairs,
  options: ImpliedForwardOptions = {},
): ImpliedForwardResult {
  const {
    minPairs = 3,
    maxPairs = 12,
    rejectSigmas = 4,
    tolerance = 0.005,
    discountRange = [0.5, 1.05],
  } = options;
  const n = pairs.strike.length;
  if (pairs.call.length !== n || pairs.put.length !== n || (pairs.weight?.length ?? n) !== n) {
    throw new RangeError(
      `Cannot imply a forward: strike, call, put and weight must have the same length, got ${n}, ${pairs.call.length}, ${pairs.put.length} and ${
        pairs.weight?.length ?? n
      }`,
    );
  }
  if (!(minPairs >= 2)) {
    throw new RangeError(`Cannot imply a forward: minPairs must be >= 2, got ${minPairs}`);
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = pairs.strike[i], c = pairs.call[i], p = pairs.put[i];
    const w = pairs.weight ? pairs.weight[i] : 1;
    if (Number.isFinite(k) && Number.isFinite(c) && Number.isFinite(p) && w > 0 && w < Infinity) {
      idx.push(i);
    }
  }
  const fail = (status: ImpliedForwardStatus, used = idx.length): ImpliedForwardResult => ({
    forward: NaN,
    discount: NaN,
    pairs: used,
    rmse: NaN,
    status,
  });
  if (idx.length < minPairs) return fail("too_few_pairs");
  idx.sort((i, j) =>
    Math.abs(pairs.call[i] - pairs.put[i]) - Math.abs(pairs.call[j] - pairs.put[j]) || i - j
  );
  const m = Math.min(idx.length, Math.max(maxPairs, minPairs));
  const x = new Float64Array(m), y = new Float64Array(m), w = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = idx[j];
    x[j] = pairs.strike[i], y[j] = pairs.call[i] - pairs.put[i];
    w[j] = pairs.weight ? pairs.weight[i] : 1;
  }
  const keep = new Uint8Array(m).fill(1);
  let used = m;
  let fit = fitLine(x, y, w, keep);
  for (let round = 0; round < m && fit.ok; round++) {
    const res: number[] = [];
    for (let j = 0; j < m; j++) if (keep[j]) res.push(Math.abs(y[j] - fit.a - fit.b * x[j]));
    const limit = Math.max(rejectSigmas * 1.4826 * median(res), tolerance);
    let worst = -1, worstRes = limit;
    for (let j = 0; j < m; j++) {
      const r = Math.abs(y[j] - fit.a - fit.b * x[j]);
      if (keep[j] && r > worstRes) worst = j, worstRes = r;
    }
    if (worst < 0 || used <= minPairs) break;
    keep[worst] = 0, used--;
    fit = fitLine(x, y, w, keep);
  }
  if (!fit.ok) return fail("degenerate", used);
  const discount = -fit.b, forward = fit.a / discount;
  if (!(discount >= discountRange[0] && discount <= discountRange[1] && forward > 0)) {
    return fail("out_of_range", used);
  }
  let sw = 0, ss = 0;
  for (let j = 0; j < m; j++) {
    if (!keep[j]) continue;
    const r = y[j] - fit.a - fit.b * x[j];
    sw += w[j], ss += w[j] * r * r;
  }
  return { forward, discount, pairs: used, rmse: Math.sqrt(ss / sw), status: "ok" };
}
