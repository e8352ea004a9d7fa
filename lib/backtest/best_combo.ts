// The best sweep row by a metric, and how its grid neighbourhood performs.
import type pl from "nodejs-polars";

/** Options of {@linkcode bestCombo}. */
export interface BestComboOptions {
  /** Metric column to maximise. */
  metric: string;
  /** Parameter columns spanning the grid. */
  params: string[];
  /** Neighbours differ by at most this many grid steps in every parameter. @default 1 */
  radius?: number;
}

/** The best row and its neighbourhood. */
export interface BestCombo {
  params: Record<string, number>;
  value: number;
  neighbours: number;
  neighbourMean: number;
  neighbourMin: number;
  /** `neighbourMean / value` when `value > 0`, else NaN: 1 is a plateau, near 0 a spike. */
  stability: number;
}

/**
 * Picks the row with the highest `metric` (NaN ignored, ties to the first row) and scores
 * its stability from the other rows within `radius` grid steps in every parameter (steps
 * counted over each parameter's sorted distinct values).
 * @throws {RangeError} For a missing column or no finite metric value.
 */
export function bestCombo(table: pl.DataFrame, options: BestComboOptions): BestCombo {
  const { metric, params, radius = 1 } = options;
  for (const c of [metric, ...params]) {
    if (!table.columns.includes(c)) {
      throw new RangeError(`Cannot pick best combo: no column "${c}"`);
    }
  }
  const z = table.getColumn(metric).toArray() as number[];
  const cols = params.map((p) => table.getColumn(p).toArray() as number[]);
  const steps = cols.map((c) => {
    const u = [...new Set(c)].sort((a, b) => a - b);
    const at = new Map(u.map((v, i) => [v, i]));
    return c.map((v) => at.get(v)!);
  });
  let best = -1;
  z.forEach((v, i) => {
    if (v === v && (best < 0 || v > z[best])) best = i;
  });
  if (best < 0) throw new RangeError(`Cannot pick best combo: no finite value of "${metric}"`);
  let n = 0, sum = 0, min = Infinity;
  for (let r = 0; r < z.length; r++) {
    if (r === best || z[r] !== z[r]) continue;
    if (steps.every((s) => Math.abs(s[r] - s[best]) <= radius)) {
      (n++, (sum += z[r]), (min = Math.min(min, z[r])));
    }
  }
  const mean = n > 0 ? sum / n : NaN, value = z[best];
  return {
    params: Object.fromEntries(params.map((p, j) => [p, cols[j][best]])),
    value,
    neighbours: n,
    neighbourMean: mean,
    neighbourMin: n > 0 ? min : NaN,
    stability: value > 0 ? mean / value : NaN,
  };
}
