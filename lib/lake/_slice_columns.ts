/**
 * Row ranges of encoder columns, sharing their memory (kept free of Polars so that the
 * partition worker does not load it).
 *
 * @module
 */
import type { ParquetColumn } from "./_parquet_encode.ts";

/** Rows [start, end) of `columns`. */
export function sliceColumns(
  columns: readonly ParquetColumn[],
  start: number,
  end: number,
): ParquetColumn[] {
  return columns.map((c) => ({
    name: c.name,
    kind: c.kind,
    values: "codes" in c.values
      ? { codes: c.values.codes.subarray(start, end), dictionary: c.values.dictionary }
      : c.values.subarray(start, end),
    valid: c.valid === null ? null : c.valid.subarray(start, end),
  }));
}
