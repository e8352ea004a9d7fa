import type { Columns, FrameLike } from "./types.ts";

/** True when `value` looks like a nodejs-polars DataFrame. */
export function isFrame(value: unknown): value is FrameLike {
  return typeof value === "object" && value !== null &&
    typeof (value as FrameLike).getColumn === "function" &&
    Array.isArray((value as FrameLike).columns);
}

/** Column names of a frame or a plain column object. */
export function columnNames(table: Columns): string[] {
  return isFrame(table) ? [...table.columns] : Object.keys(table);
}

/** Raw values of one column, as a plain array. */
export function column(table: Columns, name: string, what: string): unknown[] {
  const names = columnNames(table);
  if (!names.includes(name)) {
    throw new TypeError(
      `Cannot build ${what}: column "${name}" not found; columns are ${names.join(", ") || "none"}`,
    );
  }
  if (isFrame(table)) return table.getColumn(name).toArray();
  return Array.from((table as Record<string, ArrayLike<unknown>>)[name]);
}

/** Converts one value to a number: Date → epoch ms, bigint → number, null → NaN. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (value === null || value === undefined) return NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") return Number(value);
  return NaN;
}

/** Numeric values of one column (NaN for nulls); throws for a non-numeric column. */
export function numbers(table: Columns, name: string, what: string): number[] {
  const values = column(table, name, what);
  const out = values.map(toNumber);
  const bad = values.findIndex((v, i) => Number.isNaN(out[i]) && !isMissing(v));
  if (bad >= 0) {
    throw new TypeError(
      `Cannot build ${what}: column "${name}" must be numeric, got ${
        JSON.stringify(values[bad])
      } at row ${bad}`,
    );
  }
  return out;
}

/** Numeric values from a plain array-like (typed arrays included). */
export function numberArray(values: ArrayLike<unknown>, name: string, what: string): number[] {
  return numbers({ [name]: values }, name, what);
}

/** Checks that all arrays have the length of the first one. */
export function assertSameLength(what: string, arrays: Record<string, ArrayLike<unknown>>): void {
  const entries = Object.entries(arrays);
  const [firstName, first] = entries[0];
  for (const [name, values] of entries.slice(1)) {
    if (values.length !== first.length) {
      throw new RangeError(
        `Cannot build ${what}: "${name}" has ${values.length} values but "${firstName}" has ${first.length}`,
      );
    }
  }
}

/** NaN, ±Infinity → null, so JSON and Plotly see a gap instead of a bogus value. */
export function finiteOrNull(values: number[]): (number | null)[] {
  return values.map((v) => (Number.isFinite(v) ? v : null));
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined ||
    (typeof value === "number" && Number.isNaN(value));
}
