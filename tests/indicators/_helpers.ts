/** Shared helpers for the indicator tests: reference data, column comparison, a seeded PRNG. */
import pl from "nodejs-polars";
import assert from "node:assert/strict";

const REFERENCE_DIR = new URL("../../../shared/data/reference/", import.meta.url);

/**
 * The independent reference: `indicators_reference.csv` (10,000 closes with the
 * values of technicalindicators 3.1.0, trading-signals 8.3.0 and pandas 1.5.3
 * formulas; see shared/data/reference/README.md). Every column as Float64,
 * empty cells as null.
 */
export function loadReference(): pl.DataFrame {
  const raw = pl.readCSV(new URL("indicators_reference.csv", REFERENCE_DIR).pathname, {
    inferSchemaLength: 0,
  });
  return raw.select(...raw.columns.map((c) => pl.col(c).cast(pl.Float64)));
}

/** The input file alone (`i`, `close`), as the reference tests are told to use. */
export function loadInput(): pl.DataFrame {
  const raw = pl.readCSV(new URL("indicators_input.csv", REFERENCE_DIR).pathname);
  return raw.select(pl.col("i").cast(pl.Int64), pl.col("close").cast(pl.Float64));
}

/** Column values as a plain array (nulls kept). */
export function values(df: pl.DataFrame, column: string): (number | null)[] {
  return df.getColumn(column).toArray() as (number | null)[];
}

/**
 * Asserts that `actual` has a null exactly where `expected` has one and agrees
 * within `tol` everywhere else; reports the first row that does not.
 */
export function assertClose(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
  tol: number,
  label: string,
): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (e === null || a === null) {
      assert.equal(a, e, `${label}: row ${i} should be ${e === null ? "null" : e}, got ${a}`);
      continue;
    }
    assert.ok(Number.isFinite(a), `${label}: row ${i} is ${a}`);
    assert.ok(Math.abs(a - e) <= tol, `${label}: row ${i}: got ${a}, expected ${e}`);
  }
}

/** Number of leading nulls. */
export function leadingNulls(xs: readonly (number | null)[]): number {
  const i = xs.findIndex((x) => x !== null);
  return i === -1 ? xs.length : i;
}

export { mulberry32 as prng } from "@lib/random/mod.ts";
