/**
 * The statistics of a consolidated table as counts that add up over pieces of it, so that a
 * table consolidated a few dates at a time gets the same statistics as one built at once.
 *
 * @module
 */
import pl from "nodejs-polars";
import { IV_STATUS } from "../greeks/mod.ts";
import type { ParquetColumn, StringCodes } from "../lake/mod.ts";
import { minuteGrid } from "../calendar/mod.ts";
import { columnGroups } from "./_columns.ts";
import { resolveConsolidate } from "./_resolve.ts";
import type {
  ConsolidationStats,
  ConsolidationStatsOptions,
  GroupNulls,
} from "./consolidation_stats.ts";

/** Counts over the rows seen so far (pieces must not share a date). */
export interface TableCounts {
  rows: number;
  tickers: Set<string>;
  contractDays: number;
  nulls: Map<string, number>;
  ivStatus: Map<string, number>;
}

/** No rows yet. */
export function emptyCounts(): TableCounts {
  return { rows: 0, tickers: new Set(), contractDays: 0, nulls: new Map(), ivStatus: new Map() };
}

const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/** Adds a piece of the table (its `ticker`, `date`, `iv_status` and null counts) to `counts`. */
export function addCounts(counts: TableCounts, table: pl.DataFrame): TableCounts {
  counts.rows += table.height;
  for (const t of table.getColumn("ticker").unique().toArray() as string[]) counts.tickers.add(t);
  counts.contractDays += table.select(pl.col("ticker"), pl.col("date")).unique().height;
  const nulls = table.nullCount().toRecords()[0] as Record<string, number>;
  for (const [column, n] of Object.entries(nulls)) add(counts.nulls, column, Number(n));
  if (table.height > 0) {
    for (const r of table.groupBy("iv_status").len().toRecords()) {
      add(counts.ivStatus, String(r.iv_status), Number(r.len));
    }
  }
  return counts;
}

/**
 * As {@linkcode addCounts}, for a piece given as its table columns (without `underlying` and
 * `date`, which have no nulls), its tickers, contract-day numbers (1, 2, ... per piece) and
 * iv status codes.
 */
export function addColumnCounts(
  counts: TableCounts,
  columns: ParquetColumn[],
  ticker: StringCodes,
  contractDay: Int32Array,
  status: Uint8Array,
): void {
  const n = contractDay.length;
  counts.rows += n;
  counts.contractDays += n === 0 ? 0 : contractDay[n - 1];
  for (let i = 0; i < n; i++) {
    if (i === 0 || ticker.codes[i] !== ticker.codes[i - 1]) {
      counts.tickers.add(ticker.dictionary[ticker.codes[i]]!);
    }
  }
  add(counts.nulls, "underlying", 0);
  add(counts.nulls, "date", 0);
  for (const c of columns) {
    let nulls = 0;
    if (c.valid) { for (let i = 0; i < n; i++) nulls += 1 - c.valid[i]; }
    add(counts.nulls, c.name, nulls);
  }
  const byStatus = new Array(IV_STATUS.length).fill(0);
  for (let i = 0; i < n; i++) byStatus[status[i]]++;
  byStatus.forEach((k, code) => k > 0 && add(counts.ivStatus, IV_STATUS[code], k));
}

/** The statistics of the rows counted, over `dates`. */
export function statsFromCounts(
  counts: TableCounts,
  dates: readonly string[],
  options: ConsolidationStatsOptions = {},
): ConsolidationStats {
  const nulls: Record<string, GroupNulls> = {};
  for (
    const [group, names] of Object.entries(columnGroups(resolveConsolidate(options.options ?? {})))
  ) {
    const present = names.filter((n) => counts.nulls.has(n));
    const columns = Object.fromEntries(present.map((n) => [n, counts.nulls.get(n)!]));
    nulls[group] = {
      cells: present.length * counts.rows,
      nulls: Object.values(columns).reduce((a, b) => a + b, 0),
      columns,
    };
  }
  const status = [...counts.ivStatus].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return {
    dates: dates.length,
    minutes: dates.reduce((s, d) => s + minuteGrid(d).length, 0),
    contracts: counts.tickers.size,
    contractDays: counts.contractDays,
    rows: counts.rows,
    offSession: options.optionBars === undefined ? null : options.optionBars - counts.rows,
    nulls,
    ivStatus: Object.fromEntries(status),
  };
}
