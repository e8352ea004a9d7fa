/**
 * Input columns of the vectorised API: scalars broadcast, arrays checked for length.
 *
 * @module
 */

/** A number broadcast to every row, or one number per row. */
export type NumberColumn = number | ArrayLike<number>;

/** Option right: `"call"`/`"put"` for every row, or per row as codes (1 call, −1 put) or names. */
export type RightColumn = "call" | "put" | ArrayLike<number> | readonly (string | null)[];

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as ArrayLike<unknown>)
        .length === "number";
}

/**
 * The common row count of the array columns (1 when all are scalars).
 * @throws {TypeError} If a column is neither a scalar nor array-like.
 * @throws {RangeError} If two array columns differ in length.
 */
export function rowCount(what: string, columns: Record<string, unknown>): number {
  let n = -1;
  let first = "";
  for (const name in columns) {
    const col = columns[name];
    if (col === undefined || typeof col === "number" || typeof col === "string") continue;
    if (!isArrayLike(col)) {
      throw new TypeError(
        `Cannot compute ${what}: ${name} must be a number or an array, got ${typeof col}`,
      );
    }
    if (n < 0) {
      n = col.length;
      first = name;
    } else if (col.length !== n) {
      throw new RangeError(
        `Cannot compute ${what}: ${name} has ${col.length} rows but ${first} has ${n}`,
      );
    }
  }
  return n < 0 ? 1 : n;
}

/**
 * A Float64Array for the kernels: a scalar becomes a one-element array (which the kernels
 * broadcast), a Float64Array is used as is, other arrays are copied (null and undefined
 * become NaN).
 * @throws {TypeError} If a scalar is not a number.
 */
export function floatColumn(what: string, name: string, col: NumberColumn, n: number) {
  if (typeof col === "number") return Float64Array.of(col);
  if (col instanceof Float64Array) return col;
  if (!isArrayLike(col)) {
    throw new TypeError(
      `Cannot compute ${what}: ${name} must be a number or an array, got ${typeof col}`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i];
    out[i] = typeof v === "number" ? v : v == null ? NaN : Number(v);
  }
  return out;
}

function rightCode(value: unknown): number {
  if (value === 1 || value === "call") return 1;
  if (value === -1 || value === "put") return -1;
  return 0;
}

/**
 * An Int8Array of right codes (1 call, −1 put); a scalar becomes one element (broadcast by
 * the kernels). Per-row values other than 1, −1, "call" and "put" become 0, which the
 * kernels treat as invalid rows.
 * @throws {RangeError} If a scalar right is not "call" or "put".
 */
export function rightColumn(what: string, col: RightColumn, n: number): Int8Array {
  if (typeof col === "string") {
    const code = rightCode(col);
    if (code === 0) {
      throw new RangeError(`Cannot compute ${what}: right must be "call" or "put", got "${col}"`);
    }
    return Int8Array.of(code);
  }
  if (col instanceof Int8Array) return col;
  if (!isArrayLike(col)) {
    throw new TypeError(`Cannot compute ${what}: right must be "call", "put" or an array`);
  }
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) out[i] = rightCode(col[i]);
  return out;
}
