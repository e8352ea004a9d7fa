/**
 * The writing half of Thrift's compact protocol, as much of it as Parquet's metadata needs:
 * structs of bytes, i16/i32/i64, booleans, binary and strings, lists of structs, i32s and strings.
 *
 * A struct is written as `[fieldId, value]` pairs in ascending id order; values are tagged
 * with the helpers below so that the wire type is explicit.
 *
 * @module
 */

/** A growable little-endian byte buffer. */
export class ByteWriter {
  #buf = new Uint8Array(1024);
  #view = new DataView(this.#buf.buffer);
  /** Bytes written so far. */
  length = 0;

  #room(n: number): void {
    if (this.length + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.length));
    this.#buf = next;
    this.#view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.#room(1);
    this.#buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.#room(b.length);
    this.#buf.set(b, this.length);
    this.length += b.length;
  }

  u32le(v: number): void {
    this.#room(4);
    this.#view.setUint32(this.length, v, true);
    this.length += 4;
  }

  /** Unsigned LEB128 of a non-negative safe integer. */
  varint(v: number): void {
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  /** Unsigned LEB128 of a 64-bit value. */
  varbig(v: bigint): void {
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
  }

  /** The bytes written, copied. */
  toBytes(): Uint8Array {
    return this.#buf.slice(0, this.length);
  }
}

/** A Thrift value with its wire type. */
export type TValue =
  | { t: "bool"; v: boolean }
  | { t: "byte"; v: number }
  | { t: "i16"; v: number }
  | { t: "i32"; v: number }
  | { t: "i64"; v: number | bigint }
  | { t: "bin"; v: Uint8Array }
  | { t: "struct"; v: TStruct }
  | { t: "list"; elem: "i32" | "bin" | "struct"; v: TValue[] };

/** A struct: fields by id (ascending), absent fields omitted. */
export type TStruct = [number, TValue][];

const text = new TextEncoder();

export const bool = (v: boolean): TValue => ({ t: "bool", v });
export const byte = (v: number): TValue => ({ t: "byte", v });
export const i16 = (v: number): TValue => ({ t: "i16", v });
export const i32 = (v: number): TValue => ({ t: "i32", v });
export const i64 = (v: number | bigint): TValue => ({ t: "i64", v });
export const bin = (v: Uint8Array): TValue => ({ t: "bin", v });
export const str = (v: string): TValue => ({ t: "bin", v: text.encode(v) });
export const struct = (v: TStruct): TValue => ({ t: "struct", v });
export const list = (elem: "i32" | "bin" | "struct", v: TValue[]): TValue => ({
  t: "list",
  elem,
  v,
});

const TYPE = { byte: 3, i16: 4, i32: 5, i64: 6, bin: 8, list: 9, struct: 12 } as const;

function zigzag(w: ByteWriter, v: number | bigint): void {
  const b = BigInt(v);
  w.varbig(b >= 0n ? b << 1n : ((-b) << 1n) - 1n);
}

function zigzag32(w: ByteWriter, v: number): void {
  if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
    throw new RangeError(`Thrift i32 out of range: ${v}`);
  }
  w.varint(v >= 0 ? v * 2 : -v * 2 - 1);
}

function value(w: ByteWriter, x: TValue): void {
  switch (x.t) {
    case "bool":
      w.byte(x.v ? 1 : 2); // only inside lists; fields carry booleans in their header
      return;
    case "byte":
      return w.byte(x.v & 0xff);
    case "i16":
    case "i32":
      return zigzag32(w, x.v);
    case "i64":
      return zigzag(w, x.v);
    case "bin":
      w.varint(x.v.length);
      return w.bytes(x.v);
    case "struct":
      return writeStruct(w, x.v);
    case "list": {
      const n = x.v.length;
      const elem = TYPE[x.elem];
      if (n < 15) w.byte((n << 4) | elem);
      else {
        w.byte(0xf0 | elem);
        w.varint(n);
      }
      for (const e of x.v) value(w, e);
      return;
    }
  }
}

/** Writes a struct (its fields, then the stop byte). */
export function writeStruct(w: ByteWriter, fields: TStruct): void {
  let last = 0;
  for (const [id, x] of fields) {
    if (id <= last) throw new RangeError(`Thrift fields out of order: ${id} after ${last}`);
    const type = x.t === "bool" ? (x.v ? 1 : 2) : TYPE[x.t];
    const delta = id - last;
    if (delta <= 15) w.byte((delta << 4) | type);
    else {
      w.byte(type);
      zigzag32(w, id);
    }
    if (x.t !== "bool") value(w, x);
    last = id;
  }
  w.byte(0);
}
