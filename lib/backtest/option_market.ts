// The edge between a frame of option minutes and the kernels: contract-days on asset lanes.
import pl from "nodejs-polars";
import { nyDate } from "../calendar/mod.ts";
import { lowerBound } from "./_segments.ts";
import type { Market, Segments } from "./market.ts";

const NEED = ["ticker", "ts", "open", "high", "low", "close"];
/** Per-minute columns kept in `extra` (first present wins): the underlying and VIX. */
const EXTRA = [["spot", "underlying"], ["underlying_close", "underlying"], ["vix_close", "vix"], [
  "vix",
  "vix",
]] as const;
const DAY_MS = 86_400_000;
const fail = (msg: string) => new RangeError(`Cannot read the option frame: ${msg}`);

/**
 * Unwraps a frame of option minute bars (the `option_minute` or `consolidated` dataset:
 * `ticker`, `ts` as Datetime or epoch ms, `open`, `high`, `low`, `close`, optionally
 * `volume` and `date`) into a {@linkcode Market} for option strategies.
 *
 * Only traded minutes are kept: rows with all four prices and, when there is a `volume`
 * column, volume > 0 (the scanner's rule). Each contract-day — a ticker on one trading date
 * (`date`, else the New York date of `ts`) — becomes a segment (see `Segments`), and
 * segments share asset lanes: a contract-day takes the lowest lane free since before its
 * first minute, so there are as many lanes as contract-days trading at once, not one per
 * ticker. `tsMs` is the sorted union of the minutes; a lane is NaN where its contract did
 * not trade. `extra.underlying` (from `spot`, else `underlying_close`) and `extra.vix` (from
 * `vix_close`, else `vix`) are kept per minute, carried forward, when the frame has them:
 * the stress test's regimes read them, never the option prices. Lanes are named `lane_0`, `lane_1`…; the records of a backtest name the
 * contract instead.
 *
 * @throws {RangeError} For a missing column, no traded minute, or two bars of one ticker in
 * one minute.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { toOptionMarket } from "./option_market.ts";
 * import assert from "node:assert/strict";
 * const t0 = Date.UTC(2025, 2, 4, 14, 30); // 09:30 New York
 * const frame = pl.DataFrame({
 *   ticker: ["O:SPY250304C00601000", "O:SPY250304C00601000", "O:SPY250304P00599000"],
 *   ts: pl.Series("ts", [t0, t0 + 60_000, t0 + 60_000]).cast(pl.Datetime("ms")),
 *   open: [1, 1.1, 2], high: [1, 1.1, 2], low: [1, 1.1, 2], close: [1, 1.1, 2],
 * });
 * const m = toOptionMarket(frame);
 * assert.equal(m.nAssets, 2); // the call and the put trade at once: two lanes
 * assert.deepEqual(Array.from(m.close), [1, 1.1, NaN, 2]);
 * ```
 */
export function toOptionMarket(frame: pl.DataFrame): Market {
  const cols = new Set(frame.columns);
  for (const c of NEED) {
    if (!cols.has(c)) throw fail(`missing column "${c}" (it needs ${NEED.join(", ")})`);
  }
  const tsVariant = frame.schema["ts"].variant;
  const ts = tsVariant === "Datetime" ? pl.col("ts").cast(pl.Datetime("ms")) : pl.col("ts");
  const prices = ["open", "high", "low", "close"];
  let traded = pl.lit(true);
  for (const p of prices) traded = traded.and(pl.col(p).isNotNull()).and(pl.col(p).isNotNan());
  if (cols.has("volume")) traded = traded.and(pl.col("volume").gt(0));
  const df = frame.select(
    pl.col("ticker").cast(pl.Utf8),
    ts.cast(pl.Int64).cast(pl.Float64).alias("ts"),
    ...prices.map((p) => pl.col(p).cast(pl.Float64)),
    ...(cols.has("volume") ? [pl.col("volume").cast(pl.Float64)] : []),
    ...(cols.has("date") ? [pl.col("date").cast(pl.Int32)] : []),
    ...EXTRA.filter(([c]) => cols.has(c)).map(([c]) => pl.col(c).cast(pl.Float64)),
  ).filter(traded).sort(["ticker", "ts"]);
  if (df.height === 0) {
    throw fail("no traded minute (rows with open, high, low, close and volume > 0)");
  }
  const tick = df.getColumn("ticker").toArray() as string[];
  const tsAll = df.getColumn("ts").toTypedArray() as Float64Array;
  const day = cols.has("date") ? df.getColumn("date").toTypedArray() as Int32Array : null;
  const dateOf = (r: number) =>
    day === null ? nyDate(tsAll[r]) : new Date(day[r] * DAY_MS).toISOString().slice(0, 10);
  const seg: { symbol: string; date: string; from: number; to: number; r0: number; r1: number }[] =
    [];
  let date = "";
  for (let r = 0; r < df.height; r++) {
    const d = dateOf(r), same = r > 0 && tick[r] === tick[r - 1];
    if (same && tsAll[r] === tsAll[r - 1]) {
      throw fail(`two bars of ${tick[r]} at ${new Date(tsAll[r]).toISOString()}`);
    }
    if (!same || d !== date) {
      seg.push({ symbol: tick[r], date: d, from: tsAll[r], to: tsAll[r], r0: r, r1: r + 1 });
    } else (seg[seg.length - 1].to = tsAll[r]), (seg[seg.length - 1].r1 = r + 1);
    date = d;
  }
  seg.sort((a, b) => a.from - b.from || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const laneEnd: number[] = [], lane = new Int32Array(seg.length);
  seg.forEach((s, k) => {
    let a = laneEnd.findIndex((end) => end < s.from);
    if (a < 0) a = laneEnd.push(s.to) - 1;
    else laneEnd[a] = s.to;
    lane[k] = a;
  });
  const grid = Float64Array.from(new Set(tsAll)).sort();
  const n = grid.length, nAssets = laneEnd.length;
  const src = prices.map((p) => df.getColumn(p).toTypedArray() as Float64Array);
  const out = prices.map(() => new Float64Array(n * nAssets).fill(NaN));
  seg.forEach((s, k) => {
    for (let r = s.r0; r < s.r1; r++) {
      const at = lane[k] * n + lowerBound(grid, tsAll[r]);
      for (let j = 0; j < 4; j++) out[j][at] = src[j][r];
    }
  });
  const extra: Record<string, Float64Array> = {};
  for (const [c, name] of EXTRA) {
    if (!df.columns.includes(c) || extra[name] !== undefined) continue;
    const v = df.select(pl.col(c).fillNull(NaN)).getColumn(c).toTypedArray() as Float64Array;
    const x = (extra[name] = new Float64Array(n).fill(NaN));
    for (let r = 0; r < df.height; r++) if (v[r] === v[r]) x[lowerBound(grid, tsAll[r])] = v[r];
    for (let i = 1; i < n; i++) if (x[i] !== x[i]) x[i] = x[i - 1];
  }
  const segments: Segments = {
    symbol: seg.map((s) => s.symbol),
    date: seg.map((s) => s.date),
    asset: lane,
    fromMs: Float64Array.from(seg, (s) => s.from),
    toMs: Float64Array.from(seg, (s) => s.to),
  };
  return {
    nBars: n,
    nAssets,
    symbols: laneEnd.map((_, a) => `lane_${a}`),
    tsMs: grid,
    open: out[0],
    high: out[1],
    low: out[2],
    close: out[3],
    extra,
    segments,
  };
}
