/**
 * Typed-array kernels behind the indicators: one pass over a `Float64Array` of
 * prices, results in new `Float64Array`s of the same length.
 *
 * A missing price is NaN on input (a Polars null becomes NaN) and every
 * warm-up or undefined row is NaN on output. Otherwise the conventions and the
 * results are those of the expression builders ({@linkcode rsi},
 * {@linkcode macd}, {@linkcode bollinger}, {@linkcode roc},
 * {@linkcode priceChange}), to about 1e-12: RSI and MACD skip a missing price
 * as if its row were absent, the windowed indicators are NaN while it is in
 * their window. `starts` plays the part of `by`/`session`: the row indices
 * where a new series or session begins (see {@linkcode segmentStarts}); each
 * segment restarts its warm-up.
 *
 * @module
 */
import {
  type BandArrays,
  bollingerSegment,
  changeSegment,
  macdSegment,
  rsiSegment,
} from "./_kernels.ts";
import { checkInteger, checkWindows } from "./_series.ts";
import type { BollingerOptions } from "./bollinger.ts";
import type { MacdOptions } from "./macd.ts";
import type { RsiOptions } from "./rsi.ts";

/** Where independent segments (series, sessions) start. */
export interface KernelOptions {
  /**
   * Ascending row indices where a new segment starts; 0 is implied. Rows must be
   * grouped by segment and in time order within it.
   *
   * @default {[]} (one segment)
   */
  starts?: ArrayLike<number>;
}

/**
 * Row indices where any of the `keys` columns changes from the previous row:
 * the `starts` of {@linkcode KernelOptions} for a table sorted by those keys
 * (the same segments as the builders' `by` and `session` on such a table).
 *
 * @example
 * ```ts
 * import { segmentStarts } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(segmentStarts(["A", "A", "B", "B"], [1, 2, 2, 2]), [1, 2]);
 * ```
 */
export function segmentStarts(...keys: ArrayLike<unknown>[]): number[] {
  const n = keys.length === 0 ? 0 : keys[0].length;
  const starts: number[] = [];
  for (let i = 1; i < n; i++) {
    if (keys.some((k) => k[i] !== k[i - 1])) starts.push(i);
  }
  return starts;
}

function eachSegment(
  len: number,
  what: string,
  options: KernelOptions,
  fn: (start: number, end: number) => void,
): void {
  const starts = options.starts ?? [];
  let from = 0;
  for (let j = 0; j < starts.length; j++) {
    const s = starts[j];
    if (!Number.isInteger(s) || s < from || s > len) {
      throw new RangeError(
        `Cannot compute ${what}: starts must be ascending row indices within 0..${len}, got ${s} after ${from}`,
      );
    }
    if (s > from) fn(from, s);
    from = s;
  }
  if (len > from) fn(from, len);
}

function checkInput(values: Float64Array, what: string): void {
  if (!(values instanceof Float64Array)) {
    throw new TypeError(`Cannot compute ${what}: values must be a Float64Array (NaN for missing)`);
  }
}

/**
 * A length-`n` output filled with NaN: `given` when there is one (checked),
 * else a new array. Reusing outputs saves the page faults of fresh memory,
 * which cost more than the kernels themselves on a busy machine.
 */
function nans(n: number, what: string, given?: Float64Array): Float64Array {
  if (given === undefined) return new Float64Array(n).fill(NaN);
  if (!(given instanceof Float64Array) || given.length !== n) {
    throw new TypeError(
      `Cannot compute ${what}: each out array must be a Float64Array of length ${n}`,
    );
  }
  return given.fill(NaN);
}

/**
 * RSI with Wilder smoothing on a price array (0–100; the first `window` prices
 * of each segment give NaN).
 *
 * @param values Prices, NaN where missing.
 * @param options Window, seed and segment starts, as {@linkcode rsi}.
 * @returns RSI per row.
 * @throws {RangeError} If `window` is not an integer >= 2, `seed` is unknown or `starts` is not ascending.
 * @example
 * ```ts
 * import { rsiKernel } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const out = rsiKernel(Float64Array.of(1, 2, 3, 2, 3, 4), { window: 2 });
 * assert.deepEqual([...out], [NaN, NaN, 100, 50, 75, 87.5]);
 * ```
 */
export function rsiKernel(
  values: Float64Array,
  options: Pick<RsiOptions, "window" | "seed"> & KernelOptions & {
    /** Array to write into (overwritten), instead of a new one. */
    out?: Float64Array;
  } = {},
): Float64Array {
  const { window = 14, seed = "sma" } = options;
  checkInput(values, "RSI");
  checkInteger(window, 2, "RSI", "window");
  if (seed !== "sma" && seed !== "first") {
    throw new RangeError(`Cannot compute RSI: seed must be "sma" or "first", got ${seed}`);
  }
  const out = nans(values.length, "RSI", options.out);
  eachSegment(values.length, "RSI", options, (s, e) => {
    rsiSegment(values, out, s, e, window, seed === "sma");
  });
  return out;
}

/** MACD outputs of {@linkcode macdKernel}, in price units. */
export interface MacdArrays {
  line: Float64Array;
  signal: Float64Array;
  hist: Float64Array;
}

/**
 * MACD line, signal and histogram on a price array, as {@linkcode macd}.
 *
 * @param values Prices, NaN where missing.
 * @param options Periods, seed, warm-up and segment starts.
 * @returns The three outputs, NaN during warm-up.
 * @throws {RangeError} As {@linkcode macd}, or if `starts` is not ascending.
 */
export function macdKernel(
  values: Float64Array,
  options:
    & Pick<MacdOptions, "fast" | "slow" | "signal" | "seed" | "warmUp">
    & KernelOptions
    & {
      /** Arrays to write into (overwritten), instead of new ones. */
      out?: MacdArrays;
    } = {},
): MacdArrays {
  const { fast = 12, slow = 26, signal = 9, seed = "first", warmUp = "null" } = options;
  checkInput(values, "MACD");
  checkInteger(fast, 1, "MACD", "fast");
  checkInteger(slow, 2, "MACD", "slow");
  checkInteger(signal, 1, "MACD", "signal");
  if (fast >= slow) {
    throw new RangeError(`Cannot compute MACD: fast must be < slow, got ${fast} and ${slow}`);
  }
  if (seed !== "sma" && seed !== "first") {
    throw new RangeError(`Cannot compute MACD: seed must be "sma" or "first", got ${seed}`);
  }
  if (warmUp !== "null" && warmUp !== "keep") {
    throw new RangeError(`Cannot compute MACD: warmUp must be "null" or "keep", got ${warmUp}`);
  }
  if (warmUp === "keep" && seed === "sma") {
    throw new RangeError(`Cannot compute MACD: warmUp "keep" needs seed "first", got "sma"`);
  }
  const n = values.length;
  const given = options.out;
  const out = {
    line: nans(n, "MACD", given?.line),
    signal: nans(n, "MACD", given?.signal),
    hist: nans(n, "MACD", given?.hist),
  };
  const p = { fast, slow, signal, sma: seed === "sma", keep: warmUp === "keep" };
  eachSegment(n, "MACD", options, (s, e) => {
    macdSegment(values, out.line, out.signal, out.hist, s, e, p);
  });
  return out;
}

/**
 * Bollinger Bands on a price array, as {@linkcode bollinger}: middle, upper,
 * lower, %B and bandwidth, NaN while the window is not full or holds a NaN.
 *
 * @param values Prices, NaN where missing.
 * @param options Window, width, ddof and segment starts.
 * @returns The five outputs.
 * @throws {RangeError} As {@linkcode bollinger}, or if `starts` is not ascending.
 */
export function bollingerKernel(
  values: Float64Array,
  options: Pick<BollingerOptions, "window" | "stdDevs" | "ddof"> & KernelOptions & {
    /** Arrays to write into (overwritten), instead of new ones. */
    out?: BandArrays;
  } = {},
): BandArrays {
  const { window = 20, stdDevs = 2, ddof = 0 } = options;
  checkInput(values, "Bollinger Bands");
  checkInteger(window, 2, "Bollinger Bands", "window");
  if (typeof stdDevs !== "number" || !Number.isFinite(stdDevs) || stdDevs <= 0) {
    throw new RangeError(
      `Cannot compute Bollinger Bands: stdDevs must be a positive finite number, got ${stdDevs}`,
    );
  }
  if (ddof !== 0 && ddof !== 1) {
    throw new RangeError(`Cannot compute Bollinger Bands: ddof must be 0 or 1, got ${ddof}`);
  }
  const n = values.length;
  const g = options.out;
  const w = "Bollinger Bands";
  const o = {
    middle: nans(n, w, g?.middle),
    upper: nans(n, w, g?.upper),
    lower: nans(n, w, g?.lower),
    pctB: nans(n, w, g?.pctB),
    bandwidth: nans(n, w, g?.bandwidth),
  };
  eachSegment(n, "Bollinger Bands", options, (s, e) => {
    bollingerSegment(values, o, s, e, window, stdDevs, ddof);
  });
  return o;
}

/** Options of {@linkcode rocKernel} and {@linkcode priceChangeKernel}. */
export interface ChangeKernelOptions extends KernelOptions {
  /** Look-back windows in rows. @default {[5, 30, 60]} */
  windows?: readonly number[];
  /** Arrays to write into (overwritten), one per window, instead of new ones. */
  out?: Float64Array[];
}

function changeKernel(
  values: Float64Array,
  options: ChangeKernelOptions,
  pct: boolean,
  what: string,
): Float64Array[] {
  const { windows = [5, 30, 60] } = options;
  checkInput(values, what);
  checkWindows(windows, what, "windows");
  if (options.out !== undefined && options.out.length !== windows.length) {
    throw new TypeError(`Cannot compute ${what}: out must hold one array per window`);
  }
  const n = values.length;
  const outs = windows.map((_, j) => {
    const given = options.out?.[j];
    if (given === undefined) return new Float64Array(n);
    if (!(given instanceof Float64Array) || given.length !== n) {
      throw new TypeError(
        `Cannot compute ${what}: each out array must be a Float64Array of length ${n}`,
      );
    }
    return given;
  });
  eachSegment(n, what, options, (s, e) => changeSegment(values, outs, windows, s, e, pct));
  return outs;
}

/**
 * Rate of change in percent over each window, as {@linkcode roc}; NaN for the
 * first `n` rows of a segment, a missing price or base, or a zero base.
 *
 * @param values Prices, NaN where missing.
 * @param options Windows (default `[5, 30, 60]`) and segment starts.
 * @returns One array per window, in order.
 * @throws {RangeError} If `windows` is empty, holds a non-integer, a value < 1 or a duplicate.
 * @example
 * ```ts
 * import { rocKernel } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const [roc1] = rocKernel(Float64Array.of(100, 110, 99), { windows: [1] });
 * assert.deepEqual([...roc1], [NaN, 10, -10]);
 * ```
 */
export function rocKernel(
  values: Float64Array,
  options: ChangeKernelOptions = {},
): Float64Array[] {
  return changeKernel(values, options, true, "ROC");
}

/** Price change over each window, as {@linkcode priceChange} (NaN where undefined). */
export function priceChangeKernel(
  values: Float64Array,
  options: ChangeKernelOptions = {},
): Float64Array[] {
  return changeKernel(values, options, false, "price change");
}
