// Helpers shared by the strategy modules.
import type { Market } from "../market.ts";

/** Parses an indicator key `name:window` and returns the window. */
export function keyWindow(key: string, name: string): number {
  const [k, w] = key.split(":");
  const win = Number(w);
  if (k !== name || !Number.isInteger(win) || win < 1) {
    throw new RangeError(`Cannot compute indicator: unknown key "${key}"`);
  }
  return win;
}

/** Applies `f(series offset)` to the close of every asset into a new array. */
export function perAsset(
  m: Market,
  f: (close: Float64Array, o: number, n: number, out: Float64Array) => void,
): Float64Array {
  const out = new Float64Array(m.nBars * m.nAssets);
  for (let a = 0; a < m.nAssets; a++) f(m.close, a * m.nBars, m.nBars, out);
  return out;
}

/** Trailing return `close[i]/close[i−L] − 1` of every asset (NaN until L bars exist). */
export function trailingReturn(m: Market, lookback: number): Float64Array {
  const n = m.nBars, out = new Float64Array(n * m.nAssets).fill(NaN);
  for (let a = 0; a < m.nAssets; a++) {
    const o = a * n;
    for (let i = lookback; i < n; i++) out[o + i] = m.close[o + i] / m.close[o + i - lookback] - 1;
  }
  return out;
}

/** A categorical parameter: its choices by name, the default one, a doc line. */
export const choice = (choices: readonly string[], def: string, doc: string) => ({
  min: 0,
  max: choices.length - 1,
  integer: true,
  default: choices.indexOf(def),
  doc,
  choices,
});
