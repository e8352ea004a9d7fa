/**
 * Sizes from a Parquet file's footer without reading its data: row count, and the compressed
 * and uncompressed bytes of its column chunks (for compression ratios). A minimal reader of
 * Thrift's compact protocol that decodes any struct into field-id maps and picks the few
 * fields it needs from `FileMetaData` → `RowGroup` → `ColumnChunk` → `ColumnMetaData`.
 *
 * @module
 */

/** What {@linkcode parquetSizes} reads from a footer. */
export interface ParquetSizes {
  rows: number;
  rowGroups: number;
  /** Sum of the column chunks' `total_compressed_size` (bytes as stored, pages included). */
  compressedBytes: number;
  /** Sum of the column chunks' `total_uncompressed_size` (bytes before compression). */
  uncompressedBytes: number;
}

type TValue = number | boolean | Uint8Array | TValue[] | TStruct;
type TStruct = Map<number, TValue>;

class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.b.length) {
      throw new RangeError("Cannot read Parquet footer: it ends early");
    }
    return this.b[this.pos++];
  }
  varint(): bigint {
    let out = 0n, shift = 0n;
    for (;;) {
      const x = this.byte();
      out |= BigInt(x & 0x7f) << shift;
      if ((x & 0x80) === 0) return out;
      shift += 7n;
    }
  }
  zigzag(): number {
    const v = this.varint();
    return Number((v >> 1n) ^ -(v & 1n));
  }
  value(type: number): TValue {
    switch (type) {
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return (this.byte() << 24) >> 24;
      case 4:
      case 5:
      case 6:
        return this.zigzag();
      case 7:
        this.pos += 8;
        return new DataView(this.b.buffer, this.b.byteOffset + this.pos - 8, 8).getFloat64(0, true);
      case 8: {
        const n = Number(this.varint());
        this.pos += n;
        return this.b.subarray(this.pos - n, this.pos);
      }
      case 9:
      case 10: {
        const h = this.byte();
        const n = (h >> 4) === 15 ? Number(this.varint()) : h >> 4;
        const t = h & 15;
        const out: TValue[] = [];
        for (let i = 0; i < n; i++) {
          out.push(t === 1 || t === 2 ? this.byte() === 1 : this.value(t));
        }
        return out;
      }
      case 11: {
        const n = Number(this.varint());
        if (n === 0) return [];
        const kv = this.byte();
        const out: TValue[] = [];
        for (let i = 0; i < n; i++) out.push([this.value(kv >> 4), this.value(kv & 15)]);
        return out;
      }
      case 12:
        return this.struct();
      default:
        throw new RangeError(`Cannot read Parquet footer: unknown Thrift type ${type}`);
    }
  }
  struct(): TStruct {
    const out: TStruct = new Map();
    let last = 0;
    for (;;) {
      const h = this.byte();
      if (h === 0) return out;
      const delta = h >> 4;
      const id = delta === 0 ? this.zigzag() : last + delta;
      out.set(id, this.value(h & 15));
      last = id;
    }
  }
}

const num = (s: TStruct, id: number) => (typeof s.get(id) === "number" ? s.get(id) as number : 0);

/**
 * Reads the footer of the Parquet file at `path` (two reads at its end).
 *
 * @throws {Error} naming the file when it is not Parquet or its footer does not decode.
 */
export async function parquetSizes(path: string): Promise<ParquetSizes> {
  const f = await Deno.open(path, { read: true });
  try {
    const size = (await f.stat()).size;
    const tail = new Uint8Array(8);
    await f.seek(size - 8, Deno.SeekMode.Start);
    await readFull(f, tail);
    const len = new DataView(tail.buffer).getUint32(0, true);
    if (size < 12 || new TextDecoder().decode(tail.subarray(4)) !== "PAR1" || len > size - 12) {
      throw new Error(`Cannot read the Parquet footer of ${path}: not a complete Parquet file`);
    }
    const footer = new Uint8Array(len);
    await f.seek(size - 8 - len, Deno.SeekMode.Start);
    await readFull(f, footer);
    let meta: TStruct;
    try {
      meta = new Reader(footer).struct();
    } catch (cause) {
      throw new Error(`Cannot read the Parquet footer of ${path}: ${(cause as Error).message}`, {
        cause,
      });
    }
    const groups = (meta.get(4) as TStruct[] | undefined) ?? [];
    let compressedBytes = 0, uncompressedBytes = 0;
    for (const g of groups) {
      for (const chunk of (g.get(1) as TStruct[] | undefined) ?? []) {
        const cm = chunk.get(3) as TStruct | undefined;
        if (!cm) continue;
        uncompressedBytes += num(cm, 6);
        compressedBytes += num(cm, 7);
      }
    }
    return { rows: num(meta, 3), rowGroups: groups.length, compressedBytes, uncompressedBytes };
  } finally {
    f.close();
  }
}

async function readFull(f: Deno.FsFile, buf: Uint8Array): Promise<void> {
  for (let off = 0; off < buf.length;) {
    const n = await f.read(buf.subarray(off));
    if (n === null) throw new Error("Cannot read Parquet footer: the file ends early");
    off += n;
  }
}
