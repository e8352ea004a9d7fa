/**
 * A Parquet encoder for flat tables: every column OPTIONAL, PLAIN values, definition levels
 * in the RLE/bit-packed hybrid, data pages v1 compressed with zstd, min/max and null-count
 * statistics, one row group per 65,536 rows. Readers (Polars, DuckDB, pyarrow) read the
 * logical types back: Float64, Float32, Int8/16/32/64, UInt8/16/32, Date, Datetime(ms/us/ns)
 * without a time zone, String, Boolean.
 *
 * Why not Polars' own writer: its cost is per column chunk (a cardinality estimate and a new
 * zstd context each), which dominates the many small per-date partitions of the lake; this
 * encoder's cost is the compression itself. The output is a pure function of the columns.
 *
 * @module
 */
import zlib from "node:zlib";
import {
  bin,
  bool,
  byte,
  ByteWriter,
  i16,
  i32,
  i64,
  list,
  str,
  struct,
  type TStruct,
  type TValue,
  writeStruct,
} from "./_thrift.ts";

/** The column kinds the encoder writes, by their Polars names. */
export type ParquetKind =
  | "Float64"
  | "Float32"
  | "Int8"
  | "Int16"
  | "Int32"
  | "UInt8"
  | "UInt16"
  | "UInt32"
  | "Int64"
  | "Date"
  | "Datetime(ms)"
  | "Datetime(us)"
  | "Datetime(ns)"
  | "String"
  | "Boolean";

/**
 * Strings as codes into a dictionary: row i holds `dictionary[codes[i]]` (the dictionary may
 * hold a value many times; runs of a sorted column each get an entry).
 */
export interface StringCodes {
  codes: Int32Array;
  dictionary: readonly (string | null)[];
}

/** One column: a value per row (anything where the row is null) and which rows have one. */
export interface ParquetColumn {
  name: string;
  kind: ParquetKind;
  /**
   * Float64Array (Float64), Float32Array, Int32Array (Int8, Int16, Int32, UInt8, UInt16;
   * Date: days since the epoch), Uint32Array, BigInt64Array (Int64, Datetime: units since the epoch), `(string | null)[]`
   * or Uint8Array (Boolean: 0/1).
   */
  values:
    | Float64Array
    | Float32Array
    | Int32Array
    | Uint32Array
    | BigInt64Array
    | Uint8Array
    | StringCodes;
  /** 1 where the row has a value, 0 where it is null; null when every row has one. */
  valid: Uint8Array | null;
}

const PHYSICAL = { BOOLEAN: 0, INT32: 1, INT64: 2, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
const ENCODING_PLAIN = 0, ENCODING_RLE = 3;
const CODEC_ZSTD = 6;
const OPTIONAL = 1;
const PAGE_DATA_V1 = 0;
/**
 * Rows per row group: a quarter of Polars' default, so that a day of a whole chain (150,000
 * to 250,000 rows, sorted by ticker, that is by root, expiry, right and strike) has several
 * groups whose min/max statistics let a reader filtering on expiry or strike skip the rest.
 */
export const ROW_GROUP_ROWS = 65_536;
/** Rows per data page: pages of about 256 KiB of 8-byte values. */
export const PAGE_ROWS = 32_768;
/** zstd level 1: on these columns a tenth faster than 3 for a 1% larger file. */
const ZSTD_OPTIONS = { params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 } };

/** A typed array constructor. */
// deno-lint-ignore no-explicit-any
type ArrayCtor = any;

interface KindInfo {
  physical: number;
  /** Bytes per PLAIN value (0: variable). */
  width: number;
  converted?: number;
  logical?: TStruct;
}

const int = (bits: number, signed: boolean, converted: number): KindInfo => ({
  physical: PHYSICAL.INT32,
  width: 4,
  converted,
  logical: [[10, struct([[1, byte(bits)], [2, bool(signed)]])]],
});

const timestamp = (unit: 1 | 2 | 3): TStruct => [
  [8, struct([[1, bool(false)], [2, struct([[unit, struct([])]])]])],
];

const KINDS: Record<ParquetKind, KindInfo> = {
  Float64: { physical: PHYSICAL.DOUBLE, width: 8 },
  Float32: { physical: PHYSICAL.FLOAT, width: 4 },
  // converted types INT_8, INT_16, UINT_8, UINT_16, UINT_32
  Int8: int(8, true, 15),
  Int16: int(16, true, 16),
  Int32: { physical: PHYSICAL.INT32, width: 4 },
  UInt8: int(8, false, 11),
  UInt16: int(16, false, 12),
  UInt32: int(32, false, 13),
  Int64: { physical: PHYSICAL.INT64, width: 8 },
  Date: { physical: PHYSICAL.INT32, width: 4, converted: 6, logical: [[6, struct([])]] },
  "Datetime(ms)": { physical: PHYSICAL.INT64, width: 8, converted: 9, logical: timestamp(1) },
  "Datetime(us)": { physical: PHYSICAL.INT64, width: 8, converted: 10, logical: timestamp(2) },
  "Datetime(ns)": { physical: PHYSICAL.INT64, width: 8, logical: timestamp(3) },
  String: { physical: PHYSICAL.BYTE_ARRAY, width: 0, converted: 0, logical: [[1, struct([])]] },
  Boolean: { physical: PHYSICAL.BOOLEAN, width: 0 },
};

function logicalValue(kind: ParquetKind): TValue | null {
  const l = KINDS[kind].logical;
  return l ? struct(l) : null;
}

const text = new TextEncoder();

/** Compares UTF-8 byte strings as unsigned bytes (Parquet's order for strings). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The PLAIN values of a page, written into the page buffer, and their statistics. */
interface EncodedValues {
  /** Bytes written. */
  length: number;
  present: number;
  min: Uint8Array | null;
  max: Uint8Array | null;
}

/**
 * The buffer each page body is assembled in (encoding is synchronous, so one serves every
 * call): fresh arrays per page cost more than the copying itself.
 */
let pageBuffer = new ArrayBuffer(1 << 16);

/** The page buffer with room for `size` bytes (what it held is kept when it grows). */
function pageBytes(size: number): ArrayBuffer {
  if (pageBuffer.byteLength < size) {
    const next = new ArrayBuffer(Math.max(size, pageBuffer.byteLength * 2));
    new Uint8Array(next).set(new Uint8Array(pageBuffer));
    pageBuffer = next;
  }
  return pageBuffer;
}

/** The typed array of a fixed-width kind's PLAIN values. */
function arrayFor(kind: ParquetKind): ArrayCtor {
  switch (kind) {
    case "Float64":
      return Float64Array;
    case "Float32":
      return Float32Array;
    case "UInt32":
      return Uint32Array;
    case "Int64":
    case "Datetime(ms)":
    case "Datetime(us)":
    case "Datetime(ns)":
      return BigInt64Array;
    default:
      return Int32Array;
  }
}

/** [min, max] of `a` (NaN skipped), or null when it has no such value. */
function floatRange(a: Float64Array | Float32Array): [number, number] | null {
  let lo = Infinity, hi = -Infinity, seen = false;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== v) continue; // NaN never enters Parquet min/max
    seen = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!seen) return null;
  // the spec's rule for signed zeros: a zero minimum is -0, a zero maximum +0
  return [lo === 0 ? -0 : lo, hi === 0 ? 0 : hi];
}

function intRange(a: Int32Array | Uint32Array): [number, number] | null {
  if (a.length === 0) return null;
  let lo = a[0], hi = a[0];
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  return [lo, hi];
}

function bigRange(a: BigInt64Array): [bigint, bigint] | null {
  if (a.length === 0) return null;
  let lo = a[0], hi = a[0];
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The present values of rows [start, end) packed into `dst`, a run of valid rows at a time. */
function copyPresent(
  src: { subarray(a: number, b: number): ArrayLike<unknown> },
  dst: { set(a: ArrayLike<unknown>, at: number): void },
  valid: Uint8Array | null,
  start: number,
  end: number,
): void {
  if (valid === null) return dst.set(src.subarray(start, end), 0);
  let j = 0;
  for (let i = start; i < end;) {
    while (i < end && valid[i] === 0) i++;
    const run = i;
    while (i < end && valid[i] !== 0) i++;
    if (i > run) {
      dst.set(src.subarray(run, i), j);
      j += i - run;
    }
  }
}

function plainFixed(
  col: ParquetColumn,
  start: number,
  end: number,
  present: number,
  at: number,
): EncodedValues {
  const { width } = KINDS[col.kind];
  const valid = col.valid;
  const Ctor = arrayFor(col.kind);
  const dst = new Ctor(pageBytes(at + present * width), at, present); // `at` is aligned
  // deno-lint-ignore no-explicit-any
  copyPresent(col.values as any, dst, valid, start, end); // converts (Float32 from Float64)
  const range = Ctor === BigInt64Array
    ? bigRange(dst)
    : Ctor === Float64Array || Ctor === Float32Array
    ? floatRange(dst)
    : intRange(dst);
  const one = (v: number | bigint) => {
    const b = new Uint8Array(width);
    new Ctor(b.buffer, 0, 1)[0] = v;
    return b;
  };
  return {
    length: present * width,
    present,
    min: range && one(range[0]),
    max: range && one(range[1]),
  };
}

/** UTF-8 of dictionary entries, kept while the dictionary (shared by a table's slices) lives. */
const utf8Cache = new WeakMap<readonly (string | null)[], (Uint8Array | undefined)[]>();

function plainStrings(
  col: ParquetColumn,
  start: number,
  end: number,
  at: number,
): EncodedValues {
  const { codes, dictionary } = col.values as StringCodes;
  const valid = col.valid;
  let encoded = utf8Cache.get(dictionary);
  if (encoded === undefined) utf8Cache.set(dictionary, encoded = []);
  let min: Uint8Array | null = null, max: Uint8Array | null = null;
  const seen = new Set<number>();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let i = start; i < end; i++) {
    if (valid && !valid[i]) continue;
    const code = codes[i];
    let b = encoded[code];
    if (b === undefined) {
      const s = dictionary[code];
      if (s === null || s === undefined) {
        throw new RangeError(`Cannot write column ${col.name}: row ${i} has no string`);
      }
      b = encoded[code] = text.encode(s);
    }
    if (!seen.has(code)) {
      seen.add(code);
      if (min === null || compareBytes(b, min) < 0) min = b;
      if (max === null || compareBytes(b, max) > 0) max = b;
    }
    parts.push(b);
    size += 4 + b.length;
  }
  const buf = pageBytes(at + size);
  const bytes = new Uint8Array(buf, at, size);
  const view = new DataView(buf, at, size);
  let o = 0;
  for (const b of parts) {
    view.setUint32(o, b.length, true);
    bytes.set(b, o + 4);
    o += 4 + b.length;
  }
  return { length: size, present: parts.length, min, max };
}

function plainBooleans(
  col: ParquetColumn,
  start: number,
  end: number,
  present: number,
  at: number,
): EncodedValues {
  const src = col.values as Uint8Array;
  const valid = col.valid;
  const size = Math.ceil(present / 8);
  const bytes = new Uint8Array(pageBytes(at + size), at, size).fill(0);
  let ones = 0;
  for (let i = start, j = 0; i < end; i++) {
    if (valid && !valid[i]) continue;
    if (src[i]) {
      bytes[j >> 3] |= 1 << (j & 7);
      ones++;
    }
    j++;
  }
  const lo = present === 0 ? null : ones === present ? 1 : 0;
  const hi = present === 0 ? null : ones > 0 ? 1 : 0;
  return {
    length: size,
    present,
    min: lo === null ? null : new Uint8Array([lo]),
    max: hi === null ? null : new Uint8Array([hi]),
  };
}

function plainValues(
  col: ParquetColumn,
  start: number,
  end: number,
  present: number,
  at: number,
): EncodedValues {
  if (col.kind === "String") return plainStrings(col, start, end, at);
  if (col.kind === "Boolean") return plainBooleans(col, start, end, present, at);
  return plainFixed(col, start, end, present, at);
}

/**
 * Writes the definition levels of rows [start, end) (bit width 1) at the start of the page
 * buffer in the hybrid encoding, preceded by their 4-byte length as data pages v1 carry them:
 * one RLE run when no row is null, one bit-packed run otherwise. Returns the bytes written.
 */
function definitionLevels(
  valid: Uint8Array | null,
  start: number,
  end: number,
  present: number,
): number {
  const n = end - start;
  const groups = Math.ceil(n / 8);
  const bytes = new Uint8Array(pageBytes(4 + 10 + groups));
  let at = 4;
  const varint = (v: number) => {
    while (v >= 0x80) {
      bytes[at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    bytes[at++] = v;
  };
  if (present === n) {
    varint(n * 2); // an RLE run of n ones
    bytes[at++] = 1;
  } else {
    varint(groups * 2 + 1); // one bit-packed run, the last group padded
    bytes.fill(0, at, at + groups);
    for (let i = 0; i < n; i++) if (valid![start + i]) bytes[at + (i >> 3)] |= 1 << (i & 7);
    at += groups;
  }
  new DataView(bytes.buffer).setUint32(0, at - 4, true);
  return at;
}

/** Rows of [start, end) that have a value. */
function countPresent(valid: Uint8Array | null, start: number, end: number): number {
  if (valid === null) return end - start;
  let present = 0;
  for (let i = start; i < end; i++) present += valid[i];
  return present;
}

function statistics(nulls: number, min: Uint8Array | null, max: Uint8Array | null): TValue {
  const s: TStruct = [[3, i64(nulls)]];
  if (max) s.push([5, bin(max)]);
  if (min) s.push([6, bin(min)]);
  return struct(s);
}

/** Zstd compression of one page body, a frame of its own. */
export type Compress = (data: Uint8Array) => Uint8Array;

/** `zstdCompressSync` with the encoder's settings: a new compression context per call. */
export const zstdFresh: Compress = (data) => zlib.zstdCompressSync(data, ZSTD_OPTIONS);

/**
 * The low-level handle of a `node:zlib` zstd stream, whose `writeSync` with `ZSTD_e_end`
 * compresses a whole frame and leaves the context ready for the next one.
 */
interface ZstdHandle {
  _handle?: {
    writeSync(
      flush: number,
      input: Uint8Array,
      inOff: number,
      inLen: number,
      out: Uint8Array,
      outOff: number,
      outLen: number,
    ): void;
  };
  _writeState?: Uint32Array;
}

/**
 * Zstd compression reusing one context: creating a context costs more than compressing a
 * 12 KB page (it clears about a megabyte of tables), and a partition has a page per column.
 * The frames are the bytes {@linkcode zstdFresh} gives (tested). Falls back to it where the
 * runtime's `node:zlib` does not expose the handle, or for a page the output buffer misses.
 */
export function reusedZstd(): Compress {
  const stream = zlib.createZstdCompress(ZSTD_OPTIONS) as unknown as ZstdHandle;
  const handle = stream._handle, state = stream._writeState;
  if (typeof handle?.writeSync !== "function" || !(state instanceof Uint32Array)) {
    return zstdFresh;
  }
  let out = new Uint8Array(1 << 16);
  return (data) => {
    const bound = data.length + (data.length >> 7) + 1024;
    if (out.length < bound) out = new Uint8Array(bound);
    handle.writeSync(ZSTD_E_END, data, 0, data.length, out, 0, out.length);
    const [availOut, availIn] = state;
    if (availIn !== 0 || availOut === 0) return zstdFresh(data); // not a whole frame
    return out.slice(0, out.length - availOut);
  };
}

/** `ZSTD_e_end`: finish the frame. */
const ZSTD_E_END = 2;

let shared: Compress | null = null;
/** One reused context for the encoder's calls in this thread (encoding is synchronous). */
function sharedZstd(): Compress {
  return shared ??= reusedZstd();
}

function checkColumns(columns: readonly ParquetColumn[], rows: number): void {
  const names = new Set<string>();
  for (const c of columns) {
    if (!(c.kind in KINDS)) {
      throw new TypeError(`Cannot write column ${c.name} as Parquet: unsupported kind ${c.kind}`);
    }
    if (names.has(c.name)) throw new Error(`Cannot write Parquet: column ${c.name} appears twice`);
    names.add(c.name);
    const n = "codes" in c.values ? c.values.codes.length : c.values.length;
    if (n !== rows || (c.valid !== null && c.valid.length !== rows)) {
      throw new RangeError(
        `Cannot write column ${c.name} as Parquet: ${n} values for ${rows} rows`,
      );
    }
  }
}

/**
 * Encodes `columns` (each with one value per row of `rows`) as a Parquet file.
 *
 * @throws {TypeError} for an unsupported kind; {RangeError} when a column's length is not `rows`.
 */
export function encodeParquet(
  columns: readonly ParquetColumn[],
  rows: number,
  compress: Compress = sharedZstd(),
): Uint8Array {
  checkColumns(columns, rows);
  const chunks: Uint8Array[] = [new Uint8Array([0x50, 0x41, 0x52, 0x31])];
  let offset = 4;
  const rowGroups: TValue[] = [];
  for (let g = 0; g < rows; g += ROW_GROUP_ROWS) {
    const gEnd = Math.min(rows, g + ROW_GROUP_ROWS);
    const chunkMeta: TValue[] = [];
    let groupUncompressed = 0, groupCompressed = 0;
    const groupStart = offset;
    for (const col of columns) {
      const info = KINDS[col.kind];
      const start = offset;
      let uncompressed = 0, nulls = 0;
      let min: Uint8Array | null = null, max: Uint8Array | null = null;
      const isString = col.kind === "String";
      const less = (a: Uint8Array, b: Uint8Array) =>
        isString || col.kind === "Boolean" ? compareBytes(a, b) < 0 : lessFixed(col.kind, a, b);
      for (let p = g; p < gEnd; p += PAGE_ROWS) {
        const pEnd = Math.min(gEnd, p + PAGE_ROWS);
        const present = countPresent(col.valid, p, pEnd);
        const levels = definitionLevels(col.valid, p, pEnd, present);
        const aligned = (levels + 7) & ~7; // typed views need aligned offsets
        const values = plainValues(col, p, pEnd, present, aligned);
        nulls += pEnd - p - present;
        if (values.min && (min === null || less(values.min, min))) min = values.min;
        if (values.max && (max === null || less(max, values.max))) max = values.max;
        new Uint8Array(pageBuffer).copyWithin(levels, aligned, aligned + values.length);
        const body = new Uint8Array(pageBuffer, 0, levels + values.length);
        let packed = compress(body);
        if (packed.buffer === pageBuffer) packed = packed.slice(); // the buffer is reused
        const header = new ByteWriter();
        writeStruct(header, [
          [1, i32(PAGE_DATA_V1)],
          [2, i32(body.length)],
          [3, i32(packed.length)],
          [
            5,
            struct([
              [1, i32(pEnd - p)],
              [2, i32(ENCODING_PLAIN)],
              [3, i32(ENCODING_RLE)],
              [4, i32(ENCODING_RLE)],
            ]),
          ],
        ]);
        const h = header.toBytes();
        chunks.push(h, packed);
        offset += h.length + packed.length;
        uncompressed += h.length + body.length;
      }
      const compressed = offset - start;
      groupUncompressed += uncompressed;
      groupCompressed += compressed;
      const meta: TStruct = [
        [1, i32(info.physical)],
        [2, list("i32", [i32(ENCODING_PLAIN), i32(ENCODING_RLE)])],
        [3, list("bin", [str(col.name)])],
        [4, i32(CODEC_ZSTD)],
        [5, i64(gEnd - g)],
        [6, i64(uncompressed)],
        [7, i64(compressed)],
        [9, i64(start)],
        [12, statistics(nulls, min, max)],
      ];
      chunkMeta.push(struct([[2, i64(start)], [3, struct(meta)]]));
    }
    rowGroups.push(struct([
      [1, list("struct", chunkMeta)],
      [2, i64(groupUncompressed)],
      [3, i64(gEnd - g)],
      [5, i64(groupStart)],
      [6, i64(groupCompressed)],
      [7, i16(rowGroups.length)],
    ]));
  }
  const schema: TValue[] = [
    struct([[4, str("root")], [5, i32(columns.length)]]),
    ...columns.map((col) => {
      const info = KINDS[col.kind];
      const el: TStruct = [[1, i32(info.physical)], [3, i32(OPTIONAL)], [4, str(col.name)]];
      if (info.converted !== undefined) el.push([6, i32(info.converted)]);
      const logical = logicalValue(col.kind);
      if (logical) el.push([10, logical]);
      return struct(el);
    }),
  ];
  const footer = new ByteWriter();
  writeStruct(footer, [
    [1, i32(1)],
    [2, list("struct", schema)],
    [3, i64(rows)],
    [4, list("struct", rowGroups)],
    [6, str("strikelab parquet encoder 1")],
    [7, list("struct", columns.map(() => struct([[1, struct([])]])))], // TypeDefinedOrder
  ]);
  const f = footer.toBytes();
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, f.length, true);
  tail.set([0x50, 0x41, 0x52, 0x31], 4);
  chunks.push(f, tail);
  const out = new Uint8Array(offset + f.length + 8);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Orders two PLAIN-encoded fixed-width values of `kind`. */
function lessFixed(kind: ParquetKind, a: Uint8Array, b: Uint8Array): boolean {
  const va = new DataView(a.buffer, a.byteOffset, a.length);
  const vb = new DataView(b.buffer, b.byteOffset, b.length);
  switch (kind) {
    case "Float64":
      return va.getFloat64(0, true) < vb.getFloat64(0, true);
    case "Float32":
      return va.getFloat32(0, true) < vb.getFloat32(0, true);
    case "UInt32":
      return va.getUint32(0, true) < vb.getUint32(0, true);
    case "Int8":
    case "Int16":
    case "Int32":
    case "UInt8":
    case "UInt16":
    case "Date":
      return va.getInt32(0, true) < vb.getInt32(0, true);
    default:
      return va.getBigInt64(0, true) < vb.getBigInt64(0, true);
  }
}
