// The edge between Polars frames and the kernels' typed arrays.
import pl from "nodejs-polars";
import type { Strategy } from "./strategies/types.ts";

/**
 * Prices as column-major typed arrays: asset `a`, bar `i` at `a·nBars + i`; NaN where an
 * asset has no bar at a timestamp. `tsMs` is the union of bar starts (UTC epoch ms).
 */
export interface Market {
  nBars: number;
  nAssets: number;
  symbols: string[];
  tsMs: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Extra numeric columns (e.g. `vix`) of a single-asset frame, by name. */
  extra: Record<string, Float64Array>;
  /** Symbols that come and go on shared assets (option contract-days), see `toOptionMarket`. */
  segments?: Segments;
}

/**
 * Symbols that trade for a span of time on an asset "lane" they share with others: segment
 * `k` is `symbol[k]` on trading date `date[k]`, on asset `asset[k]`, from bar start
 * `fromMs[k]` to bar start `toMs[k]` (UTC epoch ms, inclusive). Segments of one asset never
 * overlap; they are ordered by `fromMs`, then symbol. Times, not bar indices, so a sliced
 * market keeps them.
 */
export interface Segments {
  symbol: string[];
  date: string[];
  asset: Int32Array;
  fromMs: Float64Array;
  toMs: Float64Array;
}

/** Options of {@linkcode toMarket}. */
export interface ToMarketOptions {
  /** Numeric columns to keep in `extra` (single-asset frames). @default [] */
  extra?: string[];
}

const fail = (msg: string) => new RangeError(`Cannot read the price frame: ${msg}`);

/**
 * Unwraps a bar frame into a {@linkcode Market}.
 *
 * The frame needs `ts` (Datetime or epoch ms) and `close`; `open`, `high`, `low` default to
 * `close`. With a `symbol` column holding several symbols the frame is long format: it is
 * pivoted on the sorted union of `ts`, symbols sorted. Timestamps must ascend strictly
 * within a symbol.
 *
 * @throws {RangeError} For an empty frame, a missing column, or unsorted/duplicate `ts`.
 */
export function toMarket(frame: pl.DataFrame, options: ToMarketOptions = {}): Market {
  const { extra = [] } = options;
  if (frame.height === 0) throw fail("the frame has no rows");
  const cols = new Set(frame.columns);
  for (const c of ["ts", "close"]) if (!cols.has(c)) throw fail(`missing column "${c}"`);
  const num = (c: string) =>
    frame.getColumn(cols.has(c) ? c : "close").cast(pl.Float64).toTypedArray() as Float64Array;
  const ts = frame.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toTypedArray() as Float64Array;
  const [o, h, l, c] = [num("open"), num("high"), num("low"), num("close")];
  const sym = cols.has("symbol") ? (frame.getColumn("symbol").toArray() as string[]) : null;
  const symbols = sym === null ? [""] : [...new Set(sym)].sort();
  if (symbols.length === 1) {
    for (let i = 1; i < ts.length; i++) {
      if (!(ts[i] > ts[i - 1])) {
        throw fail(`ts must ascend strictly, row ${i} is not after row ${i - 1}`);
      }
    }
    const ex: Record<string, Float64Array> = {};
    for (const name of extra) {
      if (!cols.has(name)) throw fail(`missing column "${name}"`);
      ex[name] = num(name);
    }
    return {
      nBars: ts.length,
      nAssets: 1,
      symbols,
      tsMs: ts,
      open: o,
      high: h,
      low: l,
      close: c,
      extra: ex,
    };
  }
  const grid = Float64Array.from(new Set(ts)).sort();
  const row = new Map<number, number>();
  grid.forEach((t, i) => row.set(t, i));
  const n = grid.length, m = symbols.length, at = new Map(symbols.map((s, k) => [s, k]));
  const out = [o, h, l, c].map(() => new Float64Array(n * m).fill(NaN));
  const lastTs = new Float64Array(m).fill(-Infinity);
  for (let r = 0; r < ts.length; r++) {
    const a = at.get(sym![r])!;
    if (!(ts[r] > lastTs[a])) {
      throw fail(`ts must ascend strictly within symbol ${sym![r]} (row ${r})`);
    }
    lastTs[a] = ts[r];
    const k = a * n + row.get(ts[r])!;
    out[0][k] = o[r];
    out[1][k] = h[r];
    out[2][k] = l[r];
    out[3][k] = c[r];
  }
  return {
    nBars: n,
    nAssets: m,
    symbols,
    tsMs: grid,
    open: out[0],
    high: out[1],
    low: out[2],
    close: out[3],
    extra: {},
  };
}

/** Bars `from..to` (exclusive) of every asset, as a new Market sharing no memory. */
export function sliceMarket(m: Market, from: number, to: number): Market {
  const n = to - from;
  const cut = (a: Float64Array) => {
    const out = new Float64Array(n * m.nAssets);
    for (let k = 0; k < m.nAssets; k++) {
      out.set(a.subarray(k * m.nBars + from, k * m.nBars + to), k * n);
    }
    return out;
  };
  const extra: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(m.extra)) extra[k] = v.slice(from, to);
  return {
    ...m,
    nBars: n,
    tsMs: m.tsMs.slice(from, to),
    open: cut(m.open),
    high: cut(m.high),
    low: cut(m.low),
    close: cut(m.close),
    extra,
  };
}

/**
 * A {@linkcode Market} as is, or a frame unwrapped by the strategy's `market` (option
 * strategies) or else by {@linkcode toMarket}.
 */
export function asMarket(data: pl.DataFrame | Market, strategy?: Strategy): Market {
  const m = data as Partial<Market>;
  if (typeof m.nBars === "number" && m.close instanceof Float64Array) return data as Market;
  const frame = data as pl.DataFrame;
  return strategy?.market ? strategy.market(frame) : toMarket(frame);
}
