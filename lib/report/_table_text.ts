import { frameView } from "./_frame_view.ts";
import type { Columns } from "./types.ts";

/** Plain-text table with the same shape line, types and cut marker as `tableHtml`. */
export function tableText(table: Columns, maxRows: number, precision: number): string {
  const v = frameView(table, maxRows, precision, "table");
  const lines = [v.names, v.types, ...v.cells.slice(0, v.head.length)];
  const tailLines = v.cells.slice(v.head.length);
  const all = [...lines, ...tailLines];
  const widths = v.names.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const fmt = (r: string[]) => r.map((c, j) => c.padStart(widths[j])).join("  ");
  const out = [
    `${v.rows.toLocaleString("en-US")} rows × ${v.names.length} columns · ${v.note}`,
    ...lines.map(fmt),
  ];
  if (tailLines.length > 0) out.push("…", ...tailLines.map(fmt));
  return out.join("\n");
}
