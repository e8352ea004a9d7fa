// Heatmap data of a sweep: one metric over two parameters.
import type pl from "nodejs-polars";

/** Options of {@linkcode sweepHeatmap}. */
export interface SweepHeatmapOptions {
  x: string;
  y: string;
  metric: string;
  /** How rows sharing an (x, y) cell combine (other parameters varying). @default "max" */
  agg?: "max" | "mean" | "min";
}

/**
 * Pivots a {@linkcode sweep} table into `z[yi][xi]` over the sorted distinct `x` and `y`
 * values (NaN where no row), ready for a Plotly heatmap.
 * @throws {RangeError} For a missing column.
 */
export function sweepHeatmap(table: pl.DataFrame, options: SweepHeatmapOptions) {
  const { x, y, metric, agg = "max" } = options;
  for (const c of [x, y, metric]) {
    if (!table.columns.includes(c)) throw new RangeError(`Cannot build heatmap: no column "${c}"`);
  }
  const col = (c: string) => table.getColumn(c).toArray() as number[];
  const xs = col(x), ys = col(y), zs = col(metric);
  const ux = [...new Set(xs)].sort((a, b) => a - b), uy = [...new Set(ys)].sort((a, b) => a - b);
  const ix = new Map(ux.map((v, i) => [v, i])), iy = new Map(uy.map((v, i) => [v, i]));
  const sum = uy.map(() => ux.map(() => NaN)), cnt = uy.map(() => ux.map(() => 0));
  zs.forEach((z, r) => {
    if (z !== z) return;
    const i = iy.get(ys[r])!, j = ix.get(xs[r])!, cur = sum[i][j];
    cnt[i][j]++;
    if (cur !== cur) sum[i][j] = z;
    else sum[i][j] = agg === "max" ? Math.max(cur, z) : agg === "min" ? Math.min(cur, z) : cur + z;
  });
  const z = agg === "mean" ? sum.map((row, i) => row.map((v, j) => v / cnt[i][j])) : sum;
  return { x: ux, y: uy, z };
}
