/**
 * Private single-pass kernels on one segment `[start, end)` of a Float64Array.
 * NaN is a missing price; outputs are pre-filled with NaN (warm-up) by the caller.
 *
 * Exponential averages follow Polars' `ewmMean(adjust=false, ignoreNulls=true)`
 * step by step, `s = (k·s + a·x) / (k + a)` with `k = 1 − a`, so the kernels
 * agree with the expression builders to the last bits; the division is skipped
 * when `k + a` is exactly 1 (it is for the usual periods), as it changes
 * nothing then and costs most of the loop. State names: `c` counts
 * non-missing prices seen in the segment, `ef`/`es` the fast and slow averages.
 *
 * @module
 */

/** RSI of one segment; `sma` selects Wilder's SMA seed, otherwise the first change. */
export function rsiSegment(
  v: Float64Array,
  out: Float64Array,
  start: number,
  end: number,
  n: number,
  sma: boolean,
): void {
  const a = 1 / n, k = 1 - a, w = k + a, exact = w === 1;
  let c = 0, first = 0, prev = 0, sumAbs = 0, net = 0, gross = 0;
  for (let i = start; i < end; i++) {
    const x = v[i];
    if (x !== x) continue;
    if (c++ === 0) {
      first = prev = x;
      continue;
    }
    const ch = x - prev;
    const ab = Math.abs(ch);
    prev = x;
    const m = c - 1; // changes seen, this one included
    if (sma) {
      if (m < n) {
        sumAbs += ab;
        continue;
      }
      if (m === n) {
        sumAbs += ab;
        net = (x - first) / n;
        gross = sumAbs / n;
      } else {
        net = exact ? k * net + a * ch : (k * net + a * ch) / w;
        gross = exact ? k * gross + a * ab : (k * gross + a * ab) / w;
      }
    } else {
      if (m === 1) {
        net = ch;
        gross = ab;
      } else {
        net = exact ? k * net + a * ch : (k * net + a * ch) / w;
        gross = exact ? k * gross + a * ab : (k * gross + a * ab) / w;
      }
      if (m < n) continue;
    }
    out[i] = (net / (gross + (gross === 0 ? 1 : 0))) * 50 + 50;
  }
}

/** MACD of one segment: line, signal, histogram; `keep` computes from the first row. */
export function macdSegment(
  v: Float64Array,
  line: Float64Array,
  sig: Float64Array,
  hist: Float64Array,
  start: number,
  end: number,
  p: { fast: number; slow: number; signal: number; sma: boolean; keep: boolean },
): void {
  const { fast, slow, signal, sma, keep } = p;
  const af = 2 / (fast + 1), kf = 1 - af, wf = kf + af;
  const as = 2 / (slow + 1), ks = 1 - as, ws = ks + as;
  const ag = 2 / (signal + 1), kg = 1 - ag, wg = kg + ag;
  const exact = wf === 1 && ws === 1 && wg === 1;
  let c = 0, ef = 0, es = 0, sumP = 0, lc = 0, sumL = 0, g = 0;
  for (let i = start; i < end; i++) {
    const x = v[i];
    if (x !== x) continue;
    c++;
    if (sma) {
      sumP += x;
      if (c === fast) ef = sumP / fast;
      else if (c > fast) ef = exact ? kf * ef + af * x : (kf * ef + af * x) / wf;
      if (c < slow) continue;
      if (c === slow) es = sumP / slow;
      else es = exact ? ks * es + as * x : (ks * es + as * x) / ws;
    } else {
      if (c === 1) ef = es = x;
      else if (exact) {
        ef = kf * ef + af * x;
        es = ks * es + as * x;
      } else {
        ef = (kf * ef + af * x) / wf;
        es = (ks * es + as * x) / ws;
      }
      if (!keep && c < slow) continue;
    }
    const l = ef - es;
    line[i] = l;
    lc++;
    if (sma) {
      sumL += l;
      if (lc < signal) continue;
      if (lc === signal) g = sumL / signal;
      else g = exact ? kg * g + ag * l : (kg * g + ag * l) / wg;
    } else {
      if (lc === 1) g = l;
      else g = exact ? kg * g + ag * l : (kg * g + ag * l) / wg;
      if (!keep && lc < signal) continue;
    }
    sig[i] = g;
    hist[i] = l - g;
  }
}

/** Rows between re-centring a sliding window's sums (bounds drift and cancellation). */
const RESYNC = 64;

/** Output arrays of {@linkcode bollingerSegment}. */
export interface BandArrays {
  middle: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
  pctB: Float64Array;
  bandwidth: Float64Array;
}

/**
 * Bollinger Bands of one segment: each stretch of non-missing prices at least
 * `n` long goes to {@linkcode bandsStretch}; rows whose window holds a NaN
 * keep their NaN.
 */
export function bollingerSegment(
  v: Float64Array,
  o: BandArrays,
  start: number,
  end: number,
  n: number,
  stdDevs: number,
  ddof: number,
): void {
  let i = start;
  while (i < end) {
    if (v[i] !== v[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && v[j] === v[j]) j++;
    if (j - i >= n) bandsStretch(v, o, i, j, n, stdDevs, 1 / (n - ddof));
    i = j;
  }
}

/**
 * Bands over `[i, j)`, which holds no NaN. The window slides two sums, `s1`
 * of `x − a` and `s2` of `(x − a)²`, centred on a recent price `a`, moved to
 * the current price (the sums recomputed exactly) every {@linkcode RESYNC}
 * rows, so that `s2 − s1²/n` cancels little. A window whose `m2` is within
 * rounding of 0 is scanned: if all its prices are equal it is flat, σ exactly
 * 0 and %B 0.5. One division per row (`q`) serves %B and bandwidth.
 */
function bandsStretch(
  v: Float64Array,
  o: BandArrays,
  i: number,
  j: number,
  n: number,
  stdDevs: number,
  invDivisor: number,
): void {
  const { middle, upper, lower, pctB, bandwidth } = o;
  const invN = 1 / n;
  for (let b0 = i + n - 1; b0 < j; b0 += RESYNC) {
    const a = v[b0];
    let s1 = 0, s2 = 0;
    for (let k = b0 - n + 1; k <= b0; k++) {
      const c = v[k] - a;
      s1 += c;
      s2 += c * c;
    }
    const b1 = Math.min(j, b0 + RESYNC);
    for (let r = b0; r < b1; r++) {
      const x = v[r];
      if (r > b0) {
        const c = x - a, co = v[r - n] - a;
        s1 += c - co;
        s2 += c * c - co * co;
      }
      const mean = a + s1 * invN;
      const m2 = s2 - s1 * s1 * invN;
      if (m2 <= s2 * 1e-9 && isFlat(v, r - n + 1, r)) {
        middle[r] = upper[r] = lower[r] = mean;
        pctB[r] = 0.5;
        bandwidth[r] = 0 / mean;
        continue;
      }
      const hw = stdDevs * Math.sqrt(m2 > 0 ? m2 * invDivisor : 0);
      const width = hw * 2;
      middle[r] = mean;
      upper[r] = mean + hw;
      lower[r] = mean - hw;
      if (mean !== 0) {
        const q = 1 / (width * mean);
        pctB[r] = (x - mean) * mean * q + 0.5;
        bandwidth[r] = width * width * q;
      } else {
        pctB[r] = (x - mean) / width + 0.5;
        bandwidth[r] = width / mean;
      }
    }
  }
}

/** Whether `v[from..to]` (inclusive) all equal `v[to]`. */
function isFlat(v: Float64Array, from: number, to: number): boolean {
  const x = v[to];
  for (let k = from; k < to; k++) if (v[k] !== x) return false;
  return true;
}

/** Rows per block of {@linkcode changeSegment} (its scratch stays in cache). */
const BLOCK = 4096;

/**
 * Changes over several windows of one segment, writing every row of every
 * output (NaN for each window's first rows): in percent of the base when
 * `pct`, else in price units. For percentages, each block of rows first
 * stores `100 / base` (NaN for a zero base) of its rows and of the `max(windows)`
 * rows before it in a small scratch array, so that each row costs one division
 * whatever the number of windows.
 */
export function changeSegment(
  v: Float64Array,
  outs: readonly Float64Array[],
  windows: readonly number[],
  start: number,
  end: number,
  pct: boolean,
): void {
  for (let j = 0; j < windows.length; j++) {
    outs[j].fill(NaN, start, Math.min(end, start + windows[j]));
  }
  if (!pct) {
    for (let j = 0; j < windows.length; j++) {
      const out = outs[j], n = windows[j];
      for (let i = start + n; i < end; i++) out[i] = v[i] - v[i - n];
    }
    return;
  }
  const back = Math.max(...windows);
  const inv = new Float64Array(BLOCK + back);
  for (let b0 = start; b0 < end; b0 += BLOCK) {
    const b1 = Math.min(end, b0 + BLOCK);
    const from = Math.max(start, b0 - back); // inv[k - from] holds row k
    for (let k = from; k < b1; k++) {
      const x = v[k];
      inv[k - from] = x === 0 ? NaN : 100 / x;
    }
    for (let j = 0; j < windows.length; j++) {
      const out = outs[j], n = windows[j];
      for (let i = Math.max(b0, start + n); i < b1; i++) {
        out[i] = (v[i] - v[i - n]) * inv[i - n - from];
      }
    }
  }
}
