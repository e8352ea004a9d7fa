// Kernel records → Polars DataFrames (the friendly layer).
import pl from "nodejs-polars";
import { REASON_NAMES } from "./kernels/_enums.ts";
import { symbolLookup } from "./_segments.ts";
import type { Market } from "./market.ts";
import { METRIC_COLUMNS, type Metrics } from "./metrics.ts";
import type { SimRecords } from "./types.ts";

const datetime = (name: string, ms: ArrayLike<number | null>) =>
  pl.Series(name, Array.from(ms), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));

/** Orders: one row per fill. */
export function ordersFrame(
  r: SimRecords,
  m: Market,
  names: string[],
  colAsset: (c: number) => number,
) {
  const o = r.orders, k = o.n, idx = Array.from({ length: k }, (_, j) => j);
  const symbolAt = symbolLookup(m);
  return pl.DataFrame([
    pl.Series("order_id", idx, pl.Int64),
    pl.Series("portfolio", idx.map((j) => names[o.col[j]] ?? "")),
    pl.Series("symbol", idx.map((j) => symbolAt(colAsset(o.col[j]), o.bar[j]))),
    datetime("ts", idx.map((j) => m.tsMs[o.bar[j]])),
    pl.Series("bar", o.bar.slice(0, k), pl.Int64),
    pl.Series("side", idx.map((j) => (o.shares[j] > 0 ? "buy" : "sell"))),
    pl.Series("shares", idx.map((j) => Math.abs(o.shares[j])), pl.Float64),
    pl.Series("price", o.price.slice(0, k), pl.Float64),
    pl.Series("fees", o.fees.slice(0, k), pl.Float64),
    pl.Series("reason", idx.map((j) => REASON_NAMES[o.reason[j]])),
  ]);
}

/**
 * Trades: one row per position from flat to flat; a position open at the end is `open`.
 * `exit_reason` is the reason of the order that closed the trade (null while open).
 */
export function tradesFrame(
  r: SimRecords,
  m: Market,
  names: string[],
  colAsset: (c: number) => number,
) {
  const t = r.trades, k = t.n, idx = Array.from({ length: k }, (_, j) => j);
  const f = (a: Float64Array) => pl.Series("", a.slice(0, k), pl.Float64);
  const symbolAt = symbolLookup(m), reasons = exitReasons(r);
  return pl.DataFrame([
    pl.Series("trade_id", idx, pl.Int64),
    pl.Series("portfolio", idx.map((j) => names[t.col[j]] ?? "")),
    pl.Series("symbol", idx.map((j) => symbolAt(colAsset(t.col[j]), t.entryBar[j]))),
    pl.Series("direction", idx.map((j) => (t.direction[j] > 0 ? "long" : "short"))),
    datetime("entry_ts", idx.map((j) => m.tsMs[t.entryBar[j]])),
    datetime("exit_ts", idx.map((j) => (t.open[j] ? null : m.tsMs[t.exitBar[j]]))),
    pl.Series("entry_bar", t.entryBar.slice(0, k), pl.Int64),
    pl.Series("exit_bar", idx.map((j) => (t.open[j] ? null : t.exitBar[j])), pl.Int64),
    f(t.size).rename("size"),
    f(t.entryPrice).rename("entry_price"),
    f(t.exitPrice).rename("exit_price"),
    f(t.fees).rename("fees"),
    f(t.pnl).rename("pnl"),
    f(t.ret).rename("return"),
    pl.Series(
      "duration_bars",
      idx.map((j) => (t.open[j] ? m.nBars - 1 : t.exitBar[j]) - t.entryBar[j]),
      pl.Int64,
    ),
    f(t.mae).rename("mae"),
    f(t.mfe).rename("mfe"),
    pl.Series("status", idx.map((j) => (t.open[j] ? "open" : "closed"))),
    pl.Series("exit_reason", reasons, pl.Utf8),
  ]);
}

/**
 * The reason of each trade's closing order: the first order of the trade's column on its
 * exit bar that trades against the trade's direction (null for an open trade).
 */
function exitReasons(r: SimRecords): (string | null)[] {
  const o = r.orders, t = r.trades, first = new Map<string, number[]>();
  for (let j = 0; j < o.n; j++) {
    const key = `${o.col[j]}:${o.bar[j]}`;
    const list = first.get(key);
    if (list === undefined) first.set(key, [j]);
    else list.push(j);
  }
  return Array.from({ length: t.n }, (_, j) => {
    if (t.open[j]) return null;
    const hit = (first.get(`${t.col[j]}:${t.exitBar[j]}`) ?? []).find((q) =>
      o.shares[q] * t.direction[j] < 0
    );
    return hit === undefined ? null : REASON_NAMES[o.reason[hit]];
  });
}

/**
 * Buy-and-hold return (fraction) per bar of `prices` assets, equal weights from each one's
 * first finite close, carried forward.
 */
function holdReturn(m: Market, assets: Float64Array[]): Float64Array {
  const out = new Float64Array(m.nBars);
  const first = assets.map(() => NaN), last = assets.map(() => NaN);
  for (let i = 0; i < m.nBars; i++) {
    let s = 0, k = 0;
    assets.forEach((a, j) => {
      if (a[i] === a[i]) (last[j] = a[i]), first[j] !== first[j] && (first[j] = a[i]);
      if (first[j] === first[j]) (s += last[j] / first[j] - 1), k++;
    });
    out[i] = k > 0 ? s / k : 0;
  }
  return out;
}

/**
 * Equity: value, cash and gross exposure per portfolio and bar, and `benchmark_return`: the
 * buy-and-hold return of the underlying (the portfolio's asset for per-asset strategies, the
 * equal-weighted basket of the assets otherwise, `spot` for option strategies).
 */
export function equityFrame(r: SimRecords, m: Market, groups: string[]) {
  const n = m.nBars, g = groups.length;
  const ts = new Float64Array(n * g), bench = new Float64Array(n * g);
  const lane = (a: number) => m.close.subarray(a * n, a * n + n);
  const all = m.extra.underlying !== undefined
    ? [m.extra.underlying]
    : m.segments !== undefined
    ? []
    : Array.from({ length: m.nAssets }, (_, a) => lane(a));
  for (let k = 0; k < g; k++) {
    ts.set(m.tsMs, k * n);
    const own = g > 1 && g === m.nAssets && m.extra.underlying === undefined ? [lane(k)] : all;
    bench.set(own.length > 0 ? holdReturn(m, own) : new Float64Array(n).fill(NaN), k * n);
  }
  return pl.DataFrame([
    pl.Series("portfolio", groups.flatMap((name) => Array(n).fill(name))),
    datetime("ts", ts),
    pl.Series("value", r.value, pl.Float64),
    pl.Series("cash", r.cash, pl.Float64),
    pl.Series("exposure", r.exposure, pl.Float64),
    pl.Series("benchmark_return", bench, pl.Float64),
  ]);
}

/** Metrics rows: `key` columns first, then every metric (snake_case). */
export function metricsFrame(keys: Record<string, unknown[]>, rows: Metrics[]) {
  const cols = Object.entries(keys).map(([k, v]) => pl.Series(k, v));
  for (const [key, name] of METRIC_COLUMNS) {
    cols.push(pl.Series(name, Float64Array.from(rows, (r) => r[key]), pl.Float64));
  }
  return pl.DataFrame(cols);
}
