// Rolling-window kernels on Float64Array, one series at a time (offset `o`, length `n`).

/**
 * Simple moving average of `a[o..o+n)` into `out[o..)`: NaN for the first `w − 1` bars and
 * while the window holds a NaN. A running sum (add the new value, drop the old), the same
 * arithmetic as vectorbt's `rolling_mean`.
 */
export function sma(a: Float64Array, o: number, n: number, w: number, out: Float64Array): void {
  let sum = 0, nans = 0;
  for (let i = 0; i < n; i++) {
    const x = a[o + i];
    if (x === x) sum += x;
    else nans++;
    if (i >= w) {
      const y = a[o + i - w];
      if (y === y) sum -= y;
      else nans--;
    }
    out[o + i] = i < w - 1 || nans > 0 ? NaN : sum / w;
  }
}

/**
 * Rolling population standard deviation (÷w, as Bollinger bands in TA libraries) of
 * `a[o..o+n)`, NaN during warm-up or with a NaN in the window. Each window is summed afresh
 * around its first value (O(n·w)), so rounding never drifts along the series.
 */
export function rollingStd(
  a: Float64Array,
  o: number,
  n: number,
  w: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    if (i < w - 1) {
      out[o + i] = NaN;
      continue;
    }
    const k = a[o + i - w + 1];
    let s = 0, s2 = 0;
    for (let j = i - w + 1; j <= i; j++) {
      const d = a[o + j] - k;
      s += d;
      s2 += d * d;
    }
    const m = s / w;
    out[o + i] = Math.sqrt(Math.max(s2 / w - m * m, 0));
  }
}

/**
 * Wilder's RSI of `a[o..o+n)`: average gain and loss seeded with the simple mean of the
 * first `w` changes, then `avg = ((w−1)·avg + x)/w`; 100 when there is no loss. NaN for the
 * first `w` bars; a NaN price restarts the warm-up.
 */
export function rsi(a: Float64Array, o: number, n: number, w: number, out: Float64Array): void {
  let gain = 0, loss = 0, count = 0;
  for (let i = 0; i < n; i++) {
    out[o + i] = NaN;
    if (i === 0) continue;
    const d = a[o + i] - a[o + i - 1];
    if (d !== d) {
      gain = loss = count = 0;
      continue;
    }
    const g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
    if (count < w) {
      gain += g;
      loss += l;
      count++;
      if (count < w) continue;
      gain /= w;
      loss /= w;
    } else {
      gain = ((w - 1) * gain + g) / w;
      loss = ((w - 1) * loss + l) / w;
    }
    out[o + i] = loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }
}
