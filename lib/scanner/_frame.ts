/**
 * Building typed frames from JS columns (nulls allowed in every type).
 *
 * @module
 */
import pl from "nodejs-polars";

/** A column of values (null = missing) for {@linkcode typedFrame}. */
export type Column = readonly (number | string | boolean | null)[];

/**
 * A frame with exactly `schema`'s columns and dtypes. Dates are given as days since
 * 1970-01-01 and datetimes as epoch ms. Integers go through Float64 so nulls survive
 * (nodejs-polars turns a null into 0 in an Int32 series built directly).
 */
export function typedFrame(
  schema: Record<string, pl.DataType>,
  columns: Record<string, Column>,
): pl.DataFrame {
  return pl.DataFrame(
    Object.entries(schema).map(([name, dtype]) => {
      const values = columns[name] as unknown[];
      if (values === undefined) throw new TypeError(`Cannot build frame: no column "${name}"`);
      switch (dtype.variant) {
        case "Utf8":
        case "String":
          return pl.Series(name, values, pl.Utf8);
        case "Bool":
          return pl.Series(name, values, pl.Bool);
        case "Float64":
          return pl.Series(name, values, pl.Float64);
        case "Date":
          return pl.Series(name, values, pl.Float64).cast(pl.Int32).cast(pl.Date);
        case "Datetime":
          return pl.Series(name, values, pl.Float64).cast(pl.Int64).cast(dtype);
        default:
          return pl.Series(name, values, pl.Float64).cast(dtype);
      }
    }),
  );
}
