/**
 * One streaming pass over a day's aggregates CSV (already gunzipped): checks the header,
 * keeps the rows of the tickers wanted as typed columns, and notes malformed rows of those
 * tickers with their line. Rows of other tickers are skipped without being parsed.
 *
 * @module
 */
import { DayColumns, type TickerBars } from "./_columns.ts";
import { FlatFileError } from "./errors.ts";

/** A row of a wanted ticker that could not be read. */
export interface MalformedRow {
  ticker: string;
  line: number;
  reason: string;
  text: string;
}

/** What one pass found. */
export interface ParsedDay {
  /** Data rows in the file (all tickers). */
  rows: number;
  /** Rows kept (wanted tickers). */
  keptRows: number;
  tickers: Map<string, TickerBars>;
  malformed: MalformedRow[];
}

/** Options for {@linkcode parseDay}. */
export interface ParseDayOptions {
  /** Named in messages, e.g. `us_stocks_sip/minute_aggs_v1/2025/03/2025-03-03.csv.gz`. */
  objectKey: string;
  /** The header the file must have, e.g. `ticker,volume,open,...`. */
  header: string;
  /** Whether a ticker's rows are kept (asked once per ticker). */
  want: (ticker: string) => boolean;
}

const COMMA = 44, NL = 10, CR = 13, DOT = 46, MINUS = 45, ZERO = 48;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const latin1 = new TextDecoder("latin1");

function slowNumber(b: Uint8Array, s: number, e: number): number {
  const t = latin1.decode(b.subarray(s, e));
  return NUMBER.test(t) ? Number(t) : NaN;
}

/**
 * A decimal number from bytes, exactly as `Number()` reads it: digits with at most one dot
 * give `m / 10^k` with `m < 2^53` and `k <= 22`, which IEEE division rounds correctly;
 * anything else (exponents, long mantissas) goes through `Number()`. NaN when malformed.
 */
export function parseDecimal(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === MINUS;
  if (neg) i++;
  let m = 0, frac = 0, digits = 0, zeros = 0, dot = false;
  for (; i < e; i++) {
    const d = b[i] - ZERO;
    if (d >= 0 && d <= 9) {
      digits++;
      if (!dot) m = m * 10 + d;
      else if (d === 0) zeros++;
      else {
        m = m * POW10[zeros + 1] + d;
        frac += zeros + 1;
        zeros = 0;
      }
      if (m > 9e15) return slowNumber(b, s, e);
    } else if (b[i] === DOT && !dot) dot = true;
    else return slowNumber(b, s, e);
  }
  if (digits === 0) return NaN;
  if (frac > 22) return slowNumber(b, s, e);
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** `window_start` nanoseconds → epoch ms (a fraction when not a whole ms); NaN if malformed. */
export function parseNanosToMs(b: Uint8Array, s: number, e: number): number {
  if (e - s < 7 || e - s > 20) return NaN;
  let ms = 0, rest = 0;
  for (let i = s; i < e; i++) {
    const d = b[i] - ZERO;
    if (d < 0 || d > 9) return NaN;
    if (i < e - 6) ms = ms * 10 + d;
    else rest = rest * 10 + d;
  }
  return rest === 0 ? ms : ms + rest / 1e6;
}

/** Field order of a layout: index of each value in the row, -1 when absent. */
function layoutOf(header: string) {
  const names = header.split(",");
  const at = (n: string) => names.indexOf(n);
  return {
    count: names.length,
    volume: at("volume"),
    open: at("open"),
    close: at("close"),
    high: at("high"),
    low: at("low"),
    ts: at("window_start"),
    trades: at("transactions"),
  };
}

/**
 * Reads a day file in one pass.
 *
 * @throws {FlatFileError} for a header other than `options.header` (naming the object,
 *   both headers and what to do), or when the stream fails (e.g. a truncated gzip).
 */
export async function parseDay(
  stream: ReadableStream<Uint8Array>,
  options: ParseDayOptions,
): Promise<ParsedDay> {
  const { objectKey, header, want } = options;
  const L = layoutOf(header);
  const columns = new DayColumns();
  const decided = new Map<string, number>();
  const malformed: MalformedRow[] = [];
  const starts = new Int32Array(L.count);
  let rows = 0, kept = 0, lineNo = 0, headerSeen = false;
  let prev = new Uint8Array(0);
  let current = -1;

  /** The id of the row's ticker, -1 when unwanted. */
  const builderFor = (b: Uint8Array, s: number, e: number): number => {
    const n = e - s;
    if (n === prev.length) {
      let same = true;
      for (let k = 0; k < n; k++) {
        if (b[s + k] !== prev[k]) {
          same = false;
          break;
        }
      }
      if (same) return current;
    }
    prev = b.slice(s, e);
    const ticker = latin1.decode(prev);
    let id = decided.get(ticker);
    if (id === undefined) {
      id = want(ticker) ? columns.addTicker(ticker) : -1;
      decided.set(ticker, id);
    }
    current = id;
    return id;
  };

  const ends = new Int32Array(L.count);
  const bad = (id: number, b: Uint8Array, s: number, e: number, reason: string) => {
    malformed.push({
      ticker: columns.tickerOf(id),
      line: lineNo,
      reason,
      text: latin1.decode(b.subarray(s, Math.min(e, s + 200))),
    });
  };
  /** Which field of the row just split is not a number (only called for a bad row). */
  const whyBad = (b: Uint8Array): string => {
    const text = (k: number) => latin1.decode(b.subarray(starts[k], ends[k]));
    if (
      parseNanosToMs(b, starts[L.ts], ends[L.ts]) !== parseNanosToMs(b, starts[L.ts], ends[L.ts])
    ) {
      return `window_start "${text(L.ts)}" is not nanoseconds since 1970`;
    }
    const named = [["open", L.open], ["high", L.high], ["low", L.low], ["close", L.close], [
      "volume",
      L.volume,
    ], ["transactions", L.trades]] as const;
    for (const [name, k] of named) {
      if (k >= 0 && Number.isNaN(parseDecimal(b, starts[k], ends[k]))) {
        return `${name} "${text(k)}" is not a number`;
      }
    }
    return "unreadable row";
  };

  const line = (b: Uint8Array, s: number, e: number) => {
    lineNo++;
    if (e > s && b[e - 1] === CR) e--;
    if (!headerSeen) {
      headerSeen = true;
      const got = latin1.decode(b.subarray(s, e)).replace(/^\uFEFF/, "");
      if (got !== header) {
        throw new FlatFileError(
          objectKey,
          `Cannot read ${objectKey}: line 1 is "${got.slice(0, 200)}", expected the header ` +
            `"${header}" (Polygon's layout changed, or this is not an aggregates file); ` +
            "no partition of this day was written",
        );
      }
      return;
    }
    if (e === s) return;
    rows++;
    let comma = s;
    while (comma < e && b[comma] !== COMMA) comma++;
    const builder = builderFor(b, s, comma);
    if (builder < 0) return;
    let n = 0, fs = s;
    for (let i = comma; i <= e; i++) {
      if (i === e || b[i] === COMMA) {
        if (n < L.count) {
          starts[n] = fs;
          ends[n] = i;
        }
        n++;
        fs = i + 1;
      }
    }
    if (n !== L.count) {
      return bad(builder, b, s, e, `expected ${L.count} fields, got ${n}`);
    }
    const ts = parseNanosToMs(b, starts[L.ts], ends[L.ts]);
    const open = parseDecimal(b, starts[L.open], ends[L.open]);
    const high = parseDecimal(b, starts[L.high], ends[L.high]);
    const low = parseDecimal(b, starts[L.low], ends[L.low]);
    const close = parseDecimal(b, starts[L.close], ends[L.close]);
    const volume = L.volume < 0 ? NaN : parseDecimal(b, starts[L.volume], ends[L.volume]);
    const trades = L.trades < 0 ? NaN : parseDecimal(b, starts[L.trades], ends[L.trades]);
    if (
      ts !== ts || open !== open || high !== high || low !== low || close !== close ||
      (L.volume >= 0 && volume !== volume) || (L.trades >= 0 && trades !== trades)
    ) {
      return bad(builder, b, s, e, whyBad(b));
    }
    columns.push(builder, ts, open, high, low, close, volume, trades, lineNo);
    kept++;
  };

  let carry: Uint8Array | null = null;
  try {
    for await (const chunk of stream) {
      let b = chunk;
      if (carry !== null) {
        b = new Uint8Array(carry.length + chunk.length);
        b.set(carry);
        b.set(chunk, carry.length);
        carry = null;
      }
      let s = 0;
      while (true) {
        const nl = b.indexOf(NL, s);
        if (nl < 0) break;
        if (headerSeen && current < 0 && nl > s) {
          // Skip a row of an unwanted ticker fast when it repeats the previous ticker.
          const comma = b.indexOf(COMMA, s);
          if (comma > 0 && comma < nl && comma - s === prev.length) {
            let same = true;
            for (let k = 0; k < prev.length; k++) {
              if (b[s + k] !== prev[k]) {
                same = false;
                break;
              }
            }
            if (same) {
              lineNo++;
              rows++;
              s = nl + 1;
              continue;
            }
          }
        }
        line(b, s, nl);
        s = nl + 1;
      }
      if (s < b.length) carry = b.slice(s);
    }
  } catch (e) {
    if (e instanceof FlatFileError) throw e;
    throw new FlatFileError(
      objectKey,
      `Cannot read ${objectKey}: ${(e as Error).message} after line ${lineNo} ` +
        "(a truncated or corrupt gzip; the cached copy is dropped, run again to download it anew)",
      { cause: e },
    );
  }
  if (carry !== null && carry.length > 0) line(carry, 0, carry.length);
  if (!headerSeen) {
    throw new FlatFileError(objectKey, `Cannot read ${objectKey}: the file is empty (no header)`);
  }
  return { rows, keptRows: kept, tickers: columns.finish(), malformed };
}
