// Scanner events of an option market as entry triggers on its asset lanes.
import pl from "nodejs-polars";
import { scan, type ScanOptions } from "../scanner/mod.ts";
import { lowerBound } from "./_segments.ts";
import type { Market } from "./market.ts";

/** Which contracts' events trigger: calls, puts or both. */
export type TriggerRight = "call" | "put" | "both";

const DAY_MS = 86_400_000;

/** The traded minutes of `m`'s segments as a frame for `scan` (ticker, date, ts, prices). */
function minutesFrame(m: Market): pl.DataFrame {
  const s = m.segments!, n = m.nBars;
  const ticker: string[] = [], day: number[] = [], ts: number[] = [];
  const px = [[], [], [], []] as number[][], src = [m.open, m.high, m.low, m.close];
  for (let k = 0; k < s.asset.length; k++) {
    const base = s.asset[k] * n, d = Date.parse(`${s.date[k]}T00:00:00Z`) / DAY_MS;
    for (let i = lowerBound(m.tsMs, s.fromMs[k]); i < n && m.tsMs[i] <= s.toMs[k]; i++) {
      if (m.close[base + i] !== m.close[base + i]) continue;
      ticker.push(s.symbol[k]), day.push(d), ts.push(m.tsMs[i]);
      for (let j = 0; j < 4; j++) px[j].push(src[j][base + i]);
    }
  }
  return pl.DataFrame([
    pl.Series("ticker", ticker, pl.Utf8),
    pl.Series("date", day, pl.Int32).cast(pl.Date),
    pl.Series("ts", ts, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    ...["open", "high", "low", "close"].map((c, j) => pl.Series(c, px[j], pl.Float64)),
  ]);
}

/**
 * Runs the scanner (`scan` of `lib/scanner`, with `options`) over the traded minutes of an
 * option market and marks each event's trigger minute on its contract's lane: `1` at
 * `nBars × nAssets` (column-major) positions, `0` elsewhere. Events of contracts of the
 * other right are left out unless `right` is `both`.
 *
 * @throws {RangeError} For a market without segments (not built by `toOptionMarket`).
 */
export function scanTriggers(m: Market, options: ScanOptions, right: TriggerRight): Float64Array {
  const s = m.segments;
  if (s === undefined) {
    throw new RangeError(
      "Cannot scan for option entries: the market has no option contracts; build it from option minutes (ticker, ts, open, high, low, close) with toOptionMarket",
    );
  }
  const out = new Float64Array(m.nBars * m.nAssets);
  const frame = minutesFrame(m);
  if (frame.height === 0) return out;
  let events = scan(frame, options);
  if (right !== "both") events = events.filter(pl.col("right").eq(pl.lit(right)));
  if (events.height === 0) return out;
  const seg = new Map(s.symbol.map((sym, k) => [`${sym}|${s.date[k]}`, k]));
  const e = events.select(
    pl.col("ticker"),
    pl.col("date").cast(pl.Int32).alias("day"),
    pl.col("trigger_ts").cast(pl.Int64).cast(pl.Float64).alias("t"),
  );
  const tick = e.getColumn("ticker").toArray() as string[];
  const day = e.getColumn("day").toTypedArray() as Int32Array;
  const t = e.getColumn("t").toTypedArray() as Float64Array;
  for (let j = 0; j < e.height; j++) {
    const date = new Date(day[j] * DAY_MS).toISOString().slice(0, 10);
    const k = seg.get(`${tick[j]}|${date}`)!;
    out[s.asset[k] * m.nBars + lowerBound(m.tsMs, t[j])] = 1;
  }
  return out;
}
