/** A dense grid built from long-format (x, y, z) rows. */
export interface Grid {
  x: (string | number)[];
  y: (string | number)[];
  /** `z[i][j]` is the value at `y[i]`, `x[j]`; null where no row exists. */
  z: (number | null)[][];
}

/**
 * Pivots long rows to a grid with x and y sorted ascending (numbers numerically, other
 * values as text). Non-finite z becomes null.
 *
 * @throws {RangeError} When two rows share the same (x, y).
 */
export function pivot(xs: unknown[], ys: unknown[], zs: number[], what: string): Grid {
  const x = uniqueSorted(xs), y = uniqueSorted(ys);
  const xi = new Map(x.map((v, i) => [v, i])), yi = new Map(y.map((v, i) => [v, i]));
  const z = y.map(() => new Array<number | null>(x.length).fill(null));
  const seen = new Set<number>();
  for (let k = 0; k < zs.length; k++) {
    const i = yi.get(key(ys[k]))!, j = xi.get(key(xs[k]))!;
    const cell = i * x.length + j;
    if (seen.has(cell)) {
      throw new RangeError(
        `Cannot build ${what}: two rows have x = ${String(xs[k])} and y = ${String(ys[k])}`,
      );
    }
    seen.add(cell);
    z[i][j] = Number.isFinite(zs[k]) ? zs[k] : null;
  }
  return { x, y, z };
}

function key(v: unknown): string | number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function uniqueSorted(values: unknown[]): (string | number)[] {
  const set = [...new Set(values.map(key))];
  const allNumbers = set.every((v) => typeof v === "number");
  return allNumbers
    ? (set as number[]).sort((a, b) => a - b)
    : set.map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
