/**
 * Typed columns of the rows kept from a day file: one set of growable arrays for the whole
 * file (a row's ticker is an id), viewed per ticker at the end. Polygon writes a ticker's
 * rows together, so each ticker's rows are usually one contiguous range (a view, no copy);
 * otherwise they are gathered.
 *
 * @module
 */

/** One ticker's rows, in file order. Null volume or trades (indices) are NaN. */
export interface TickerBars {
  ticker: string;
  length: number;
  /** Minute start, UTC epoch ms. */
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  trades: Float64Array;
  /** 1-based line of each row in the CSV (the header is line 1). */
  line: Float64Array;
  /** True when `ts` ascends strictly (as Polygon writes them). */
  ascending: boolean;
}

const FIELDS = ["ts", "open", "high", "low", "close", "volume", "trades", "line"] as const;
type Field = typeof FIELDS[number];

interface Span {
  ticker: string;
  first: number;
  last: number;
  count: number;
  contiguous: boolean;
  ascending: boolean;
}

/** Appends rows of many tickers, doubling the shared arrays as needed. */
export class DayColumns {
  #cols: Record<Field, Float64Array>;
  #id = new Int32Array(1024);
  #n = 0;
  #spans: Span[] = [];

  constructor() {
    this.#cols = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(1024)])) as Record<
      Field,
      Float64Array
    >;
  }

  /** A new ticker's id. */
  addTicker(ticker: string): number {
    this.#spans.push({ ticker, first: -1, last: -1, count: 0, contiguous: true, ascending: true });
    return this.#spans.length - 1;
  }

  tickerOf(id: number): string {
    return this.#spans[id].ticker;
  }

  #grow() {
    const cap = this.#id.length * 2;
    for (const f of FIELDS) {
      const next = new Float64Array(cap);
      next.set(this.#cols[f]);
      this.#cols[f] = next;
    }
    const id = new Int32Array(cap);
    id.set(this.#id);
    this.#id = id;
  }

  push(
    id: number,
    ts: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    trades: number,
    line: number,
  ) {
    if (this.#n === this.#id.length) this.#grow();
    const i = this.#n++;
    const c = this.#cols;
    const span = this.#spans[id];
    if (span.count === 0) span.first = i;
    else {
      if (span.last !== i - 1) span.contiguous = false;
      if (!(ts > c.ts[span.last])) span.ascending = false;
    }
    span.last = i;
    span.count++;
    this.#id[i] = id;
    c.ts[i] = ts;
    c.open[i] = open;
    c.high[i] = high;
    c.low[i] = low;
    c.close[i] = close;
    c.volume[i] = volume;
    c.trades[i] = trades;
    c.line[i] = line;
  }

  /** Rows kept. */
  get length(): number {
    return this.#n;
  }

  /** Each ticker with rows, by ticker. */
  finish(): Map<string, TickerBars> {
    const out = new Map<string, TickerBars>();
    const spans = this.#spans.map((s, id) => ({ s, id })).filter(({ s }) => s.count > 0)
      .sort((a, b) => (a.s.ticker < b.s.ticker ? -1 : 1));
    for (const { s, id } of spans) {
      const view = {} as Record<Field, Float64Array>;
      if (s.contiguous) {
        for (const f of FIELDS) view[f] = this.#cols[f].subarray(s.first, s.last + 1);
      } else {
        for (const f of FIELDS) view[f] = new Float64Array(s.count);
        let j = 0;
        for (let i = s.first; i <= s.last; i++) {
          if (this.#id[i] !== id) continue;
          for (const f of FIELDS) view[f][j] = this.#cols[f][i];
          j++;
        }
      }
      out.set(s.ticker, { ticker: s.ticker, length: s.count, ascending: s.ascending, ...view });
    }
    return out;
  }
}
