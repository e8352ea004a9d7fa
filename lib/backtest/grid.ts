// Parameter grids: parsing `from:to:step`, cartesian products and seeded random subsets.
import { mulberry32 } from "../random/mod.ts";

/** A grid: values per parameter, as numbers or a spec string (`5:50:5` or `1,2,3`). */
export type GridSpec = Record<string, readonly number[] | string | number>;

/** Parameter combinations, row-major: combo `k`, parameter `j` at `k·names.length + j`. */
export interface Combos {
  names: string[];
  values: Float64Array;
  count: number;
}

/**
 * Parses one grid axis: `"5:50:5"` (from, to inclusive, step), `"1,2,3"`, or a number.
 * @throws {RangeError} `Cannot parse grid "fast": ...` for malformed or empty ranges.
 */
export function parseAxis(name: string, spec: readonly number[] | string | number): number[] {
  const fail = (why: string) =>
    new RangeError(`Cannot parse grid "${name}": ${why}, got "${spec}"`);
  if (typeof spec === "number") spec = [spec];
  if (typeof spec !== "string") {
    if (spec.length === 0 || spec.some((v) => !Number.isFinite(v))) {
      throw fail("need finite values");
    }
    return [...spec];
  }
  if (spec.includes(":")) {
    const parts = spec.split(":").map(Number);
    if (parts.length !== 3 || parts.some((v) => !Number.isFinite(v))) {
      throw fail("expected from:to:step");
    }
    const [from, to, step] = parts;
    if (!(step > 0) || to < from) throw fail("need step > 0 and to >= from");
    const n = Math.floor((to - from) / step + 1e-9) + 1;
    if (n > 1_000_000) throw fail("more than 1,000,000 values");
    return Array.from({ length: n }, (_, k) => Number((from + k * step).toPrecision(12)));
  }
  const vals = spec.split(",").map((s) => Number(s.trim()));
  if (vals.some((v) => !Number.isFinite(v)) || vals.length === 0) throw fail("expected numbers");
  return vals;
}

/** Every combination of the axes (the last parameter varies fastest). */
export function cartesian(grid: GridSpec): Combos {
  const names = Object.keys(grid);
  const axes = names.map((k) => parseAxis(k, grid[k]));
  const count = axes.reduce((a, ax) => a * ax.length, 1);
  if (count > 10_000_000) {
    throw new RangeError(`Cannot build grid: ${count} combinations exceed 10,000,000`);
  }
  const values = new Float64Array(count * names.length);
  for (let k = 0; k < count; k++) {
    let rest = k;
    for (let j = names.length - 1; j >= 0; j--) {
      const ax = axes[j];
      values[k * names.length + j] = ax[rest % ax.length];
      rest = Math.floor(rest / ax.length);
    }
  }
  return { names, values, count };
}

/**
 * `n` distinct combinations drawn uniformly without replacement from the cartesian grid,
 * with a seeded PRNG, in grid order. All of them when `n` is at least the grid size.
 */
export function randomCombos(grid: GridSpec, options: { n: number; seed: number }): Combos {
  const { n, seed } = options;
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`Cannot sample grid: n must be an integer >= 1, got ${n}`);
  }
  const all = cartesian(grid);
  if (n >= all.count) return all;
  const rand = mulberry32(seed), idx = Int32Array.from({ length: all.count }, (_, k) => k);
  for (let k = 0; k < n; k++) {
    const j = k + Math.floor(rand() * (all.count - k));
    const t = idx[k];
    idx[k] = idx[j];
    idx[j] = t;
  }
  const pick = idx.subarray(0, n).sort(), p = all.names.length;
  const values = new Float64Array(n * p);
  pick.forEach((k, r) => values.set(all.values.subarray(k * p, k * p + p), r * p));
  return { names: all.names, values, count: n };
}
