/**
 * A Polars frame's columns as the Parquet encoder takes them: one Polars `select` fills the
 * nulls, derives each nullable column's validity and numbers the runs of each string column,
 * then each column is copied out once (strings once per run).
 *
 * @module
 */
import pl from "nodejs-polars";
import type { ParquetColumn, ParquetKind } from "./_parquet_encode.ts";

/** The encoder's kind for a Polars dtype, or null when the encoder does not write it. */
export function parquetKind(dtype: pl.DataType): ParquetKind | null {
  // deno-lint-ignore no-explicit-any
  const d = dtype as any;
  switch (d.variant) {
    case "Float64":
    case "Float32":
    case "Int8":
    case "Int16":
    case "Int32":
    case "Int64":
    case "UInt8":
    case "UInt16":
    case "UInt32":
    case "Date":
    case "String":
      return d.variant;
    case "Bool":
      return "Boolean";
    case "Datetime":
      if (d.timeZone) return null; // the zone would be lost without Arrow's schema
      return `Datetime(${d.timeUnit})` as ParquetKind;
    default:
      return null;
  }
}

/** The dtype a kind's values leave Polars in (the typed array `toTypedArray` gives). */
function exportDtype(kind: ParquetKind): pl.DataType {
  switch (kind) {
    case "Float64":
      return pl.Float64;
    case "Float32":
      return pl.Float32;
    case "UInt32":
      return pl.UInt32;
    case "Int64":
    case "Datetime(ms)":
    case "Datetime(us)":
    case "Datetime(ns)":
      return pl.Int64;
    case "Boolean":
      return pl.UInt8;
    default:
      return pl.Int32;
  }
}

/** The values of a column of `kind`, nulls as zeros, in the dtype of its typed array. */
function valuesExpr(kind: ParquetKind, col: pl.Expr): pl.Expr {
  if (kind === "String") return col;
  const dtype = exportDtype(kind);
  return col.cast(dtype).fillNull(pl.lit(0).cast(dtype)); // a bare 0 would make it Float64
}

/**
 * The columns of `df` for {@linkcode encodeParquet}, or null when a column's dtype is not
 * one the encoder writes (lists, structs, categoricals, zoned datetimes, ...).
 */
export function frameColumns(df: pl.DataFrame): ParquetColumn[] | null {
  const series = df.getColumns();
  const kinds = series.map((s) => parquetKind(s.dtype));
  if (kinds.some((k) => k === null)) return null;
  const nullable = series.map((s) => s.nullCount() > 0);
  const exprs: pl.Expr[] = [];
  series.forEach((s, i) => {
    const col = pl.col(s.name);
    exprs.push(
      kinds[i] === "String"
        ? runStarts(col).cast(pl.Int32).cumSum().sub(1).alias(`v${i}`) // run numbers
        : valuesExpr(kinds[i]!, col).alias(`v${i}`),
    );
    if (nullable[i]) exprs.push(col.isNotNull().cast(pl.UInt8).alias(`n${i}`));
  });
  const out = series.length === 0 ? df : df.select(...exprs).rechunk();
  return series.map((s, i) => {
    const kind = kinds[i]!;
    const v = out.getColumn(`v${i}`).toTypedArray();
    const values = kind !== "String" ? v : {
      codes: v as Int32Array,
      // the value of each run: strings leave Polars once per run, not once per row
      dictionary: df.select(pl.col(s.name).filter(runStarts(pl.col(s.name))))
        .getColumn(s.name).toArray() as (string | null)[],
    };
    const valid = nullable[i] ? out.getColumn(`n${i}`).toTypedArray() as Uint8Array : null;
    return { name: s.name, kind, values, valid } as ParquetColumn;
  });
}

/** True at the first row of each run of equal values (and at every null). */
const runStarts = (col: pl.Expr) => col.neq(col.shift(1)).fillNull(true);
