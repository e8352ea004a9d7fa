/**
 * Tables of `deno task backtest`: CSV bytes, categorical parameters by name, and the text
 * tables printed in the terminal.
 *
 * @module
 */
import pl from "nodejs-polars";
import { formatParam, type Strategy } from "./mod.ts";

/** A frame as CSV bytes, times as ISO-8601 UTC. */
export function csvBytes(df: pl.DataFrame): Uint8Array {
  const times = df.columns.filter((c) => df.getColumn(c).dtype.variant === "Datetime");
  const out = times.length === 0
    ? df
    : df.withColumns(...times.map((c) => pl.col(c).cast(pl.Datetime("ms", "UTC"))));
  return new TextEncoder().encode(String(out.writeCSV()));
}

/** A table with the strategy's categorical parameters shown by name instead of index. */
export function namedChoices(table: pl.DataFrame, strategy: Strategy): pl.DataFrame {
  const cols = table.columns.filter((c) => strategy.params[c]?.choices !== undefined);
  if (cols.length === 0) return table;
  return table.withColumns(
    ...cols.map((c) =>
      pl.Series(
        c,
        (table.getColumn(c).toArray() as number[]).map((v) => formatParam(strategy, c, v)),
      )
    ),
  );
}

/** Metric columns printed, with how each is shown. */
const SHOWN: [string, string, (v: number) => string][] = [
  ["total_return", "return", pct],
  ["cagr", "CAGR", pct],
  ["sharpe", "Sharpe", (v) => fixed(v, 3)],
  ["sortino", "Sortino", (v) => fixed(v, 3)],
  ["max_drawdown", "max DD", pct],
  ["win_rate", "win rate", pct],
  ["profit_factor", "PF", (v) => fixed(v, 2)],
  ["n_trades", "trades", (v) => fixed(v, 0)],
  ["exposure", "exposure", pct],
  ["total_fees", "fees $", (v) => fixed(v, 2)],
];

function fixed(v: number, digits: number): string {
  if (v === Infinity) return "inf";
  return Number.isFinite(v) ? v.toFixed(digits) : "-";
}

function pct(v: number): string {
  if (!Number.isFinite(v)) return "-";
  return Math.abs(v) < 1e4 ? `${(v * 100).toFixed(2)}%` : `${(v * 100).toExponential(2)}%`;
}

/** Rows of cells as aligned text: the first column left, the others right. */
export function textTable(header: string[], rows: string[][]): string {
  const width = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 0 ? c.padEnd(width[j]) : c.padStart(width[j]))).join("  ").trimEnd();
  return [line(header), line(width.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * The metrics of `table` (rows of a metrics frame, a sweep or stress table) as text: the
 * `keys` columns first (choice parameters by name), then the printed metrics.
 */
export function metricsText(table: pl.DataFrame, keys: string[], strategy?: Strategy): string {
  const shown = SHOWN.filter(([c]) => table.columns.includes(c));
  const rows = (table.toRecords() as Record<string, unknown>[]).map((r) => [
    ...keys.map((k) => {
      const v = r[k];
      return typeof v === "number" && strategy ? formatParam(strategy, k, v) : String(v);
    }),
    ...shown.map(([c, , f]) => f(r[c] as number)),
  ]);
  return textTable([...keys, ...shown.map(([, name]) => name)], rows);
}

/** Rows by `metric`, best first; NaN last; ties keep their order. */
export function bestFirst(table: pl.DataFrame, metric: string): pl.DataFrame {
  return table.sort(pl.col(metric).fillNan(null), true, true, true);
}
