/**
 * Plain-text summary of a consolidation, as `deno task consolidate` prints it.
 *
 * @module
 */
import type { ConsolidationStats } from "./consolidation_stats.ts";

const int = (n: number) => n.toLocaleString("en-US");

/**
 * Lines describing consolidation statistics: sizes, implied-vol statuses and the null cells
 * of each column group (count, share of the group's cells, and its most-null column).
 *
 * @param stats From {@linkcode consolidationStats}.
 * @returns Lines without trailing newlines.
 * @example
 * ```ts
 * import { formatStats } from "./format_stats.ts";
 * import assert from "node:assert/strict";
 * const lines = formatStats({
 *   dates: 1, minutes: 390, contracts: 2, contractDays: 2, rows: 500, offSession: 0,
 *   ivStatus: { ok: 499, below_intrinsic: 1 },
 *   nulls: { vix: { cells: 2000, nulls: 4, columns: { vix_open: 1, vix_high: 1, vix_low: 1, vix_close: 1 } } },
 * });
 * assert.equal(lines[0], "1 dates, 390 session minutes, 2 contracts (2 contract-days), 500 rows");
 * assert.equal(lines.at(-1), "  vix          4 of 2,000 cells null (0.2%), most in vix_open (1)");
 * ```
 */
export function formatStats(stats: ConsolidationStats): string[] {
  const lines = [
    `${int(stats.dates)} dates, ${int(stats.minutes)} session minutes, ${
      int(stats.contracts)
    } contracts (${int(stats.contractDays)} contract-days), ${int(stats.rows)} rows`,
  ];
  if (stats.offSession !== null) {
    lines.push(`option bars outside the sessions, dropped: ${int(stats.offSession)}`);
  }
  const statuses = Object.entries(stats.ivStatus).map(([k, v]) => `${k} ${int(v)}`);
  lines.push(`implied vol: ${statuses.length > 0 ? statuses.join(", ") : "no rows"}`);
  lines.push("null cells by column group:");
  for (const [group, g] of Object.entries(stats.nulls)) {
    const pct = g.cells === 0 ? 0 : (100 * g.nulls) / g.cells;
    let worst = "";
    for (const [name, n] of Object.entries(g.columns)) {
      if (n > 0 && (worst === "" || n > g.columns[worst])) worst = name;
    }
    lines.push(
      `  ${group.padEnd(12)} ${int(g.nulls)} of ${int(g.cells)} cells null (${pct.toFixed(1)}%)${
        worst ? `, most in ${worst} (${int(g.columns[worst])})` : ""
      }`,
    );
  }
  return lines;
}
