/**
 * Sample covariance and correlation of asset returns over a trailing window, on the
 * column-per-asset layout the backtest kernels use (asset a's bar i at a·nBars + i).
 *
 * @module
 */

/**
 * Sample covariance (ddof 1) of the simple returns close[i]/close[i−1] − 1 of the given
 * assets over the `window` returns ending at bar `end` (inclusive).
 *
 * @param close Closes, asset-major: asset a's bar i at a·nBars + i.
 * @param nBars Bars per asset.
 * @param assets Which assets, in output order.
 * @param end Last bar of the window.
 * @param window Returns in the window (>= 2).
 * @returns Row-major k×k covariance (k = assets.length); NaN where a return is missing.
 */
export function trailingCovariance(
  close: Float64Array,
  nBars: number,
  assets: readonly number[],
  end: number,
  window: number,
): Float64Array {
  const k = assets.length;
  if (!(window >= 2) || end - window < 0) {
    throw new RangeError(
      `Cannot compute a covariance: need ${window} returns before bar ${end}, and window >= 2`,
    );
  }
  const r = new Float64Array(k * window);
  for (let a = 0; a < k; a++) {
    const o = assets[a] * nBars;
    for (let t = 0; t < window; t++) {
      const i = end - window + 1 + t;
      r[a * window + t] = close[o + i] / close[o + i - 1] - 1;
    }
  }
  const mean = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let t = 0; t < window; t++) s += r[a * window + t];
    mean[a] = s / window;
  }
  const cov = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let t = 0; t < window; t++) {
        s += (r[a * window + t] - mean[a]) * (r[b * window + t] - mean[b]);
      }
      cov[a * k + b] = cov[b * k + a] = s / (window - 1);
    }
  }
  return cov;
}

/** Correlation matrix from a covariance matrix (1 on the diagonal; NaN for zero variance). */
export function correlationFromCovariance(cov: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      out[a * k + b] = a === b && cov[a * k + a] > 0
        ? 1
        : cov[a * k + b] / Math.sqrt(cov[a * k + a] * cov[b * k + b]);
    }
  }
  return out;
}
