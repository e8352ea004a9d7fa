/**
 * The write-ahead log of a stream session: every batch received is appended to an Apache
 * Arrow IPC stream file and fsynced. Each flush appends one complete IPC stream (schema,
 * one record batch, end-of-stream marker), so a file is a sequence of streams any Arrow
 * reader opens one after the other (`RecordBatchReader.readAll`); a flush cut short by a
 * kill leaves a torn last stream, which {@linkcode readWal} ignores. Each process writes its
 * own segment (`seg-000001.arrows`, ...), so a torn tail is never appended to.
 *
 * @module
 */
import {
  makeData,
  makeVector,
  RecordBatchReader,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
} from "apache-arrow";

/** One log row: a bar received (`bar`) or a connection marker. */
export interface WalRow {
  /**
   * `bar` a bar (WebSocket or REST fill); `up` a cluster subscribed at `ts`; `down` it lost
   * its connection at `ts`; `beat` it was connected up to `ts`; `filled` REST filled the
   * cluster's minutes from `ts` to `toMs`.
   */
  kind: "bar" | "up" | "down" | "beat" | "filled";
  cluster: string;
  /** `AM`, `A` or `` for markers. */
  ev: string;
  ticker: string;
  /** Bar: start of its window; markers: market time, UTC ms. */
  ts: number;
  /** `filled`: end of the filled range; NaN otherwise. */
  toMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  vwap: number | null;
  trades: number | null;
  /** `ws` or `rest`. */
  origin: string;
}

const STRINGS = ["kind", "cluster", "ev", "ticker", "origin"] as const;
const NUMBERS = ["ts", "toMs", "open", "high", "low", "close", "volume", "vwap", "trades"] as const;
/** Nullable bar fields: stored as NaN (a value JSON cannot carry, so the mapping is exact). */
const NULLABLE = new Set(["volume", "vwap", "trades"]);
const encoder = new TextEncoder();

function utf8Column(values: readonly string[]) {
  const offsets = new Int32Array(values.length + 1);
  let buf = new Uint8Array(Math.max(64, values.length * 24));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (buf.length - at < v.length * 3) {
      const grown = new Uint8Array(Math.max(buf.length * 2, at + v.length * 3));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    let ascii = true;
    for (let j = 0; j < v.length; j++) {
      const c = v.charCodeAt(j);
      if (c > 127) {
        ascii = false;
        break;
      }
      buf[at + j] = c;
    }
    at += ascii ? v.length : encoder.encodeInto(v, buf.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      valueOffsets: offsets,
      data: buf.subarray(0, at),
    }),
  );
}

/** Encodes rows as one Arrow IPC stream (schema, one batch, end marker). */
export function encodeWalRows(rows: readonly WalRow[]): Uint8Array {
  // deno-lint-ignore no-explicit-any
  const cols: Record<string, Vector<any>> = {};
  for (const k of STRINGS) cols[k] = utf8Column(rows.map((r) => r[k]));
  for (const k of NUMBERS) {
    const a = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) a[i] = rows[i][k] ?? NaN;
    cols[k] = makeVector(a);
  }
  return tableToIPC(new Table(cols), "stream");
}

/** Decodes the complete streams of a segment's bytes; a torn tail is counted, not thrown. */
export function decodeWalBytes(bytes: Uint8Array): { rows: WalRow[]; torn: boolean } {
  const rows: WalRow[] = [];
  try {
    for (const reader of RecordBatchReader.readAll(bytes)) {
      for (const batch of reader) {
        const s = STRINGS.map((k) => batch.getChild(k)!.toArray() as unknown as string[]);
        const n = NUMBERS.map((k) => batch.getChild(k)!.toArray() as Float64Array);
        for (let i = 0; i < batch.numRows; i++) {
          const row: Record<string, unknown> = {};
          STRINGS.forEach((k, j) => (row[k] = s[j][i] ?? batch.getChild(k)!.get(i)));
          NUMBERS.forEach((k, j) => {
            const v = n[j][i];
            row[k] = NULLABLE.has(k) && Number.isNaN(v) ? null : v;
          });
          rows.push(row as unknown as WalRow);
        }
      }
    }
    return { rows, torn: false };
  } catch {
    return { rows, torn: true };
  }
}

/** What {@linkcode readWal} found. */
export interface WalContents {
  rows: WalRow[];
  segments: number;
  /** Segments whose last flush was cut short (by a kill). */
  torn: number;
  bytes: number;
}

/** Reads every segment of a log folder in order (nothing when the folder is missing). */
export async function readWal(dir: string): Promise<WalContents> {
  const out: WalContents = { rows: [], segments: 0, torn: 0, bytes: 0 };
  for (const name of await segmentNames(dir)) {
    const bytes = await Deno.readFile(`${dir}/${name}`);
    const { rows, torn } = decodeWalBytes(bytes);
    for (const r of rows) out.rows.push(r);
    out.segments++;
    out.bytes += bytes.length;
    if (torn) out.torn++;
  }
  return out;
}

async function segmentNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && /^seg-\d{6}\.arrows$/.test(e.name)) names.push(e.name);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return names.sort();
}

/** An open log segment: rows are buffered by {@linkcode WalWriter.append} until a flush. */
export class WalWriter {
  #pending: WalRow[] = [];
  #file: Deno.FsFile;
  #flushing: Promise<void> = Promise.resolve();
  /** Rows and bytes made durable (written and fsynced). */
  readonly durable = { rows: 0, bytes: 0, flushes: 0 };
  /** performance.now() of the oldest row not yet durable, null when none is pending. */
  oldestPendingAt: number | null = null;

  private constructor(file: Deno.FsFile, readonly path: string) {
    this.#file = file;
  }

  /** Opens the next segment of `dir` (creating the folder). */
  static async open(dir: string): Promise<WalWriter> {
    await Deno.mkdir(dir, { recursive: true });
    const names = await segmentNames(dir);
    const last = names.length ? Number(names[names.length - 1].slice(4, 10)) : 0;
    const path = `${dir}/seg-${String(last + 1).padStart(6, "0")}.arrows`;
    const file = await Deno.open(path, { createNew: true, write: true, append: true });
    return new WalWriter(file, path);
  }

  /** Rows waiting for the next flush. */
  get pending(): number {
    return this.#pending.length;
  }

  append(rows: readonly WalRow[]): void {
    if (rows.length === 0) return;
    if (this.oldestPendingAt === null) this.oldestPendingAt = performance.now();
    for (const r of rows) this.#pending.push(r);
  }

  /**
   * Writes the pending rows as one IPC stream and fsyncs; resolves once they are durable.
   * Flushes run one at a time, in order. Returns the rows made durable by this call.
   */
  flush(): Promise<WalRow[]> {
    const rows = this.#pending;
    this.#pending = [];
    const since = this.oldestPendingAt;
    this.oldestPendingAt = null;
    const done = this.#flushing.then(async () => {
      if (rows.length === 0) return rows;
      const bytes = encodeWalRows(rows);
      let off = 0;
      while (off < bytes.length) off += await this.#file.write(bytes.subarray(off));
      await this.#file.syncData();
      this.durable.rows += rows.length;
      this.durable.bytes += bytes.length;
      this.durable.flushes++;
      this.lastFlushLatencyMs = since === null ? 0 : performance.now() - since;
      return rows;
    });
    this.#flushing = done.then(() => {}, () => {});
    return done;
  }

  /** Wall ms from the oldest row of the last flush being appended to it being durable. */
  lastFlushLatencyMs = 0;

  /** Flushes what is pending and closes the segment. */
  async close(): Promise<void> {
    await this.flush();
    this.#file.close();
  }
}
