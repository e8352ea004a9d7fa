/**
 * The table's one assembly, as encoder columns: the grid's and the option bars' columns leave
 * Polars once per piece, then the rows are assembled in typed arrays (grid columns gathered
 * by each row's minute, bar columns sliced, moneyness, implied vols, Greeks and features from
 * the kernels). The lake runner hands the columns to the Parquet encoder; `consolidate()`
 * wraps them in a frame (`columnsFrame`). A Polars assembly of the same table existed beside
 * this one until issue 13 and gave the same frame, null for null; it was deleted so that the
 * table is built one way.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { TABLE_GREEKS, tableGreeks } from "../greeks/mod.ts";
import { IV_STATUS } from "../greeks/mod.ts";
import { frameColumns, type ParquetColumn, type StringCodes } from "../lake/mod.ts";
import { optionFeatureArrays, optionFeatureNames } from "./_option_features.ts";
import type { PreparedBars } from "./_option_rows.ts";
import type { Resolved } from "./_resolve.ts";
import { addColumnCounts, type TableCounts } from "./_stats.ts";
import { tableColumns } from "./_columns.ts";

/** The grid's and the bars' columns, by name, for every row of each. */
export interface TableSources {
  grid: Map<string, ParquetColumn>;
  bars: Map<string, ParquetColumn>;
}

const byName = (columns: ParquetColumn[] | null, what: string) => {
  if (columns === null) throw new TypeError(`Cannot consolidate: ${what} has an unsupported type`);
  return new Map(columns.map((c) => [c.name, c]));
};

/** Copies the grid frame's and the prepared bars' columns out of Polars, once. */
export function tableSources(prepared: PreparedBars, onGrid: pl.DataFrame): TableSources {
  return {
    grid: byName(frameColumns(onGrid), "the minute grid"),
    bars: byName(frameColumns(prepared.bars), "the option bars"),
  };
}

type Fixed = Exclude<ParquetColumn["values"], StringCodes>;

function gatherValues(values: ParquetColumn["values"], at: Int32Array): ParquetColumn["values"] {
  if ("codes" in values) {
    return { codes: gatherValues(values.codes, at) as Int32Array, dictionary: values.dictionary };
  }
  // deno-lint-ignore no-explicit-any
  const out = new (values.constructor as any)(at.length) as Fixed;
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]];
  return out;
}

/** Rows `at` of `c`. */
function gather(c: ParquetColumn, at: Int32Array): ParquetColumn {
  const valid = c.valid === null ? null : new Uint8Array(at.length);
  if (valid) { for (let i = 0; i < at.length; i++) valid[i] = c.valid![at[i]]; }
  return { name: c.name, kind: c.kind, values: gatherValues(c.values, at), valid };
}

/** Rows [start, end) of `c`, copied (the copies are handed to the partition writer). */
function slice(c: ParquetColumn, start: number, end: number): ParquetColumn {
  const values = "codes" in c.values
    ? { codes: c.values.codes.slice(start, end), dictionary: c.values.dictionary }
    : c.values.slice(start, end);
  return { name: c.name, kind: c.kind, values, valid: c.valid?.slice(start, end) ?? null };
}

/** The values of a Float64 column, NaN where null. */
function floats(c: ParquetColumn): Float64Array {
  const v = c.values as Float64Array;
  if (c.valid === null) return v;
  const out = new Float64Array(v);
  for (let i = 0; i < out.length; i++) if (!c.valid[i]) out[i] = NaN;
  return out;
}

/** A Float64 column of `values`, null where NaN (as `fillNan(null)`). */
function nullWhereNaN(name: string, values: Float64Array): ParquetColumn {
  let valid: Uint8Array | null = null;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== values[i]) {
      valid ??= new Uint8Array(values.length).fill(1);
      valid[i] = 0;
    }
  }
  return { name, kind: "Float64", values, valid };
}

/** 1 for "call", −1 for "put", 0 otherwise, per row. */
function rightCodes(right: ParquetColumn): Int8Array {
  const { codes, dictionary } = right.values as StringCodes;
  const code = dictionary.map((r) => r === "call" ? 1 : r === "put" ? -1 : 0);
  const out = new Int8Array(codes.length);
  for (let i = 0; i < out.length; i++) out[i] = right.valid?.[i] === 0 ? 0 : code[codes[i]];
  return out;
}

/** A piece of the table as columns, with what its statistics need. */
export interface TablePiece {
  /** The table's columns in order, without `underlying` and `date` (the partition path's). */
  columns: ParquetColumn[];
  /** Each row's trading date in days since 1970-01-01. */
  days: Int32Array;
}

/**
 * Rows [start, end) of the prepared bars as the table's columns (see the module doc), and
 * their counts added to `counts`.
 */
export function tablePiece(
  sources: TableSources,
  prepared: PreparedBars,
  start: number,
  end: number,
  o: Resolved,
  counts: TableCounts,
): TablePiece {
  const n = end - start;
  const at = prepared.positions.subarray(start, end);
  const days = prepared.days.slice(start, end);
  const out = new Map<string, ParquetColumn>();
  for (const [name, c] of sources.bars) out.set(name, slice(c, start, end));
  const onGrid = (name: string) => {
    let c = out.get(name);
    if (!c) {
      const g = sources.grid.get(name);
      if (!g) throw new RangeError(`Cannot consolidate: the minute grid has no column ${name}`);
      out.set(name, c = gather(g, at));
    }
    return c;
  };
  const strike = out.get("strike")!, spot = onGrid("spot");
  const moneyness = new Float64Array(n);
  let mValid: Uint8Array | null = null;
  const sv = strike.values as Float64Array, pv = spot.values as Float64Array;
  for (let i = 0; i < n; i++) {
    moneyness[i] = sv[i] / pv[i];
    if (strike.valid?.[i] === 0 || spot.valid?.[i] === 0) {
      mValid ??= new Uint8Array(n).fill(1);
      mValid[i] = 0;
    }
  }
  out.set("moneyness", { name: "moneyness", kind: "Float64", values: moneyness, valid: mValid });
  const close = floats(out.get("close")!);
  const g = tableGreeks(
    rightCodes(out.get("right")!),
    close,
    floats(spot),
    floats(strike),
    floats(out.get("t_years")!),
    Float64Array.of(o.rate),
    Float64Array.of(o.dividendYield),
  );
  out.set("iv", nullWhereNaN("iv", g.iv));
  out.set("iv_status", {
    name: "iv_status",
    kind: "String",
    values: { codes: Int32Array.from(g.status), dictionary: IV_STATUS },
    valid: null,
  });
  for (const name of TABLE_GREEKS) out.set(name, nullWhereNaN(name, g[name]));
  // contract-days: a new one where the ticker (its run in the sorted bars) or the date changes
  const ticker = out.get("ticker")!.values as StringCodes;
  const contractDay = new Int32Array(n);
  for (let i = 0, cd = 0; i < n; i++) {
    if (i === 0 || ticker.codes[i] !== ticker.codes[i - 1] || days[i] !== days[i - 1]) cd++;
    contractDay[i] = cd;
  }
  const minute = onGrid("session_minute").values as Int32Array;
  const features = optionFeatureArrays(contractDay, minute, close, g.iv, o.featureLags);
  optionFeatureNames(o.featureLags).forEach((name, k) =>
    out.set(name, nullWhereNaN(name, features[k]))
  );
  const columns = tableColumns(o).filter((c) => c !== "underlying" && c !== "date")
    .map((name) => out.get(name) ?? onGrid(name));
  addColumnCounts(counts, columns, ticker, contractDay, g.status);
  return { columns, days };
}
