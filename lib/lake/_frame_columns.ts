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

/** The Polars dtype a column of `kind` is read back as. */
function polarsDtype(kind: ParquetKind): pl.DataType {
  switch (kind) {
    case "Datetime(ms)":
      return pl.Datetime("ms");
    case "Datetime(us)":
      return pl.Datetime("us");
    case "Datetime(ns)":
      return pl.Datetime("ns");
    case "Boolean":
      return pl.Bool;
    case "String":
      return pl.Utf8;
    default:
      // deno-lint-ignore no-explicit-any
      return (pl as any)[kind] as pl.DataType;
  }
}

/**
 * The inverse of {@linkcode frameColumns}: a frame of the columns, each of its kind's dtype,
 * null where `valid` is 0. Strings are gathered from their dictionary by code.
 */
export function columnsFrame(columns: readonly ParquetColumn[], rows: number): pl.DataFrame {
  if (columns.length === 0) return pl.DataFrame({});
  const series: pl.Series[] = [];
  const exprs: pl.Expr[] = [];
  for (const c of columns) {
    let s: pl.Series;
    if (c.kind === "String") {
      const { codes, dictionary } = c.values as {
        codes: Int32Array;
        dictionary: (string | null)[];
      };
      s = pl.Series(c.name, dictionary as string[], pl.Utf8).gather(Array.from(codes));
    } else if (c.values instanceof BigInt64Array) {
      s = pl.Series(c.name, Float64Array.from(c.values, Number), pl.Float64).cast(pl.Int64);
    } else {
      s = pl.Series(c.name, c.values as Float64Array);
    }
    if (s.length !== rows) {
      throw new RangeError(
        `Cannot build a frame: column ${c.name} has ${s.length} rows, not ${rows}`,
      );
    }
    series.push(s);
    const dtype = polarsDtype(c.kind);
    let e = pl.col(c.name);
    if (c.kind !== "String") {
      e = e.cast(c.kind.startsWith("Datetime") ? pl.Int64 : dtype).cast(dtype);
    }
    if (c.valid !== null) {
      series.push(pl.Series(`_valid_${c.name}`, Int32Array.from(c.valid), pl.Int32));
      e = pl.when(pl.col(`_valid_${c.name}`).eq(1)).then(e).otherwise(pl.lit(null).cast(dtype));
    }
    exprs.push(e.alias(c.name));
  }
  return pl.DataFrame(series).select(...exprs);
}
