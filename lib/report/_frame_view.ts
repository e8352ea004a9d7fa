import { column, columnNames, isFrame } from "./_columns.ts";
import { localTexts } from "./_time.ts";

/** Time zone of the times a table shows (the exchange's). */
const ZONE = "America/New_York";
/** Epoch milliseconds between 2000-01-01 and 2100-01-01: what a `ts` number column holds. */
const MS_2000 = 946_684_800_000, MS_2100 = 4_102_444_800_000;
import type { Columns } from "./types.ts";

/** What a table display shows: shape, types, and which rows were kept. */
export interface FrameView {
  rows: number;
  names: string[];
  types: string[];
  /** Row indices shown, in order; a gap between `head` and `tail` means rows were cut. */
  head: number[];
  tail: number[];
  /** Formatted cells per shown row (`head` rows then `tail` rows). */
  cells: string[][];
  /** Plain-language note on what was cut, e.g. "showing rows 1–5 and 96–100 of 100". */
  note: string;
}

/** Builds the view of a table: first and last `maxRows / 2` rows when it is longer. */
export function frameView(
  table: Columns,
  maxRows: number,
  precision: number,
  what: string,
): FrameView {
  if (!Number.isInteger(maxRows) || maxRows < 2) {
    throw new RangeError(`Cannot build ${what}: maxRows must be an integer >= 2, got ${maxRows}`);
  }
  const names = columnNames(table);
  const cols = names.map((n) => column(table, n, what));
  const rows = cols.length === 0 ? (isFrame(table) ? table.height : 0) : cols[0].length;
  const types = names.map((n, i) =>
    isFrame(table) ? polarsType(table.getColumn(n).dtype) : inferType(cols[i])
  );
  const cut = rows > maxRows;
  const headN = cut ? Math.ceil(maxRows / 2) : rows;
  const head = range(0, headN);
  const tail = cut ? range(rows - Math.floor(maxRows / 2), rows) : [];
  const shown = [...head, ...tail];
  const texts = cols.map((c, i) => {
    const ms = timeColumn(names[i], c);
    if (ms === null) return shown.map((r) => formatCell(c[r], precision));
    types[i] += " → New York";
    const local = localTexts(shown.map((r) => ms[r]), ZONE, what);
    return local.map((t, j) => t ?? formatCell(c[shown[j]], precision));
  });
  const cells = shown.map((_, j) => texts.map((t) => t[j]));
  const fmt = (n: number) => n.toLocaleString("en-US");
  const note = cut
    ? `showing rows 1–${fmt(headN)} and ${fmt(tail[0] + 1)}–${fmt(rows)} of ${fmt(rows)}`
    : `showing all ${fmt(rows)} rows`;
  return { rows, names, types, head, tail, cells, note };
}

/**
 * Epoch milliseconds of a column shown as New York wall-clock time: a datetime
 * column (Date values), or numbers in a column named `ts`, `*_ts`, `ts_ms` or
 * `tsMs` that all lie in 2000–2100. NaN where a cell is not a time. Null for
 * any other column.
 */
function timeColumn(name: string, values: unknown[]): number[] | null {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  if (present.every((v) => v instanceof Date)) {
    return values.map((v) => (v instanceof Date ? v.getTime() : NaN));
  }
  if (!/^(ts|.*_ts|ts_ms|tsMs)$/.test(name)) return null;
  const isMs = (v: unknown) =>
    (typeof v === "number" || typeof v === "bigint") && Number(v) >= MS_2000 &&
    Number(v) < MS_2100;
  if (!present.every(isMs)) return null;
  return values.map((v) => (isMs(v) ? Number(v) : NaN));
}

/** Deterministic cell text: integers as is, other numbers to `precision` significant digits. */
export function formatCell(v: unknown, precision: number): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number") {
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    return String(Number(v.toPrecision(precision)));
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().replace(".000Z", "Z");
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function polarsType(dtype: unknown): string {
  const s = String(dtype);
  return (/^DataType\((.*)\)$/.exec(s)?.[1] ?? s).replace(/,\)$/, ")");
}

function inferType(values: unknown[]): string {
  const kinds = new Set(
    values.filter((v) => v !== null && v !== undefined).map((v) =>
      v instanceof Date ? "Date" : typeof v
    ),
  );
  if (kinds.size === 0) return "null";
  return kinds.size === 1 ? [...kinds][0] : "mixed";
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}
