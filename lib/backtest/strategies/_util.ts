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
