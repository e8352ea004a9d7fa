// Loaders for the reference data used by the greeks tests.
// - ../shared/data/reference/greeks_reference.csv: 2,000 options priced by QuantLib 1.29
//   (conventions in the README beside it).
// - tests/fixtures/greeks/mpmath_reference.json: values from mpmath at 200-bit precision
//   (generator: tests/fixtures/greeks/make_mpmath_fixtures.py).

/** One row of greeks_reference.csv, numbers parsed; `type` is "call" or "put". */
export interface ReferenceRow {
  [column: string]: number | string;
  type: string;
  ql_iv_status: string;
}

const CSV_URL = new URL("../../../shared/data/reference/greeks_reference.csv", import.meta.url);
const MPMATH_URL = new URL("../fixtures/greeks/mpmath_reference.json", import.meta.url);

/** Every row of the QuantLib reference CSV. */
export function readGreeksReference(): ReferenceRow[] {
  const lines = Deno.readTextFileSync(CSV_URL).trim().split("\n");
  const header = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    const row: Record<string, number | string> = {};
    header.forEach((name, j) => {
      const cell = cells[j];
      const value = Number(cell);
      row[name] = cell !== "" && Number.isFinite(value) ? value : cell;
    });
    return row as ReferenceRow;
  });
}

/** The mpmath fixture. */
export interface MpmathReference {
  normalCdf: [number, number][];
  normalisedBlack: [number, number, number][];
  greeks: Record<string, number>[];
}

/** The mpmath fixture, parsed. */
export function readMpmathReference(): MpmathReference {
  return JSON.parse(Deno.readTextFileSync(MPMATH_URL));
}

/** A seeded PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Column of a parsed CSV as a Float64Array. */
export function column(rows: ReferenceRow[], name: string): Float64Array {
  return Float64Array.from(rows, (r) => r[name] as number);
}
