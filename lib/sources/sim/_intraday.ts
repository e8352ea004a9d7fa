/**
 * The simulator's intraday layer for equities: a minute path from the day's open to the
 * daily close level (a Brownian bridge), with a U-shaped volatility profile, clustered
 * volatility within the day, and U-shaped volume.
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import { dailySeries, dayIndex, previousClose, symbolProfile } from "./_daily.ts";
import { rngFor } from "../../random/mod.ts";

/** Where a path runs: the session's first minute and its length. */
export interface PathWindow {
  openMs: number;
  minutes: number;
}

/** Log-price path of the underlying in a session, minute closes; also used by VIX and options. */
export interface IntradayPath {
  /** Open of the session's first minute. */
  open: number;
  /** Close of each minute. */
  close: Float64Array;
  /** Per-minute volatility used (standard deviation of the log change). */
  sigma: Float64Array;
}

/** Relative intraday volatility of minute `m` of `n`: high at the open and at the close. */
export function uShape(m: number, n: number): number {
  return 1 + 1.6 * Math.exp(-m / 18) + 0.7 * Math.exp(-(n - 1 - m) / 22);
}

const pathCache = new Map<string, IntradayPath>();

/** The minute-close path of `symbol` on `date` (cached: VIX and options reuse SPY's). */
export function intradayPath(seed: number, symbol: string, date: string, window: PathWindow) {
  const key = `${seed}\u0000${symbol}\u0000${date}`;
  const hit = pathCache.get(key);
  if (hit) return hit;
  const i = dayIndex(date);
  const daily = dailySeries(seed, symbol);
  const rng = rngFor(seed, symbol, date, "intraday");
  const n = window.minutes;
  const dayVol = daily.vol[i] / Math.sqrt(252);
  const open = previousClose(daily, i) * Math.exp(0.25 * dayVol * rng.normal());
  const target = Math.log(daily.close[i] / open);
  let norm = 0;
  for (let m = 0; m < n; m++) norm += uShape(m, n) ** 2;
  const base = (0.85 * dayVol) / Math.sqrt(norm);
  const sigma = new Float64Array(n);
  const cum = new Float64Array(n);
  let g = 0, s = 0;
  for (let m = 0; m < n; m++) {
    g = 0.92 * g + 0.25 * rng.normal(); // clustered volatility within the day
    sigma[m] = base * uShape(m, n) * Math.exp(g - 0.4);
    s += sigma[m] * rng.normal();
    cum[m] = s;
  }
  const close = new Float64Array(n);
  for (let m = 0; m < n; m++) close[m] = open * Math.exp(cum[m] - ((m + 1) / n) * (s - target));
  const path = { open, close, sigma };
  if (pathCache.size > 2048) pathCache.clear();
  pathCache.set(key, path);
  return path;
}

const round = (v: number, step: number) => Math.round(v / step) * step;
const cents = (v: number) => Math.round(v * 100) / 100;

/** Regular-session minute bars of an equity on `date`. */
export function equityBars(seed: number, symbol: string, date: string, window: PathWindow) {
  const path = intradayPath(seed, symbol, date, window);
  const rng = rngFor(seed, symbol, date, "bars");
  const n = window.minutes;
  const perMinute = symbolProfile(symbol).dailyVolume / 390;
  const bars: MinuteBar[] = new Array(n);
  let prev = path.open;
  for (let m = 0; m < n; m++) {
    const open = cents(m === 0 ? prev : prev * Math.exp(0.05 * path.sigma[m] * rng.normal()));
    const close = cents(path.close[m]);
    const wick = path.sigma[m] * Math.abs(rng.normal()) * 0.6;
    const high = cents(Math.max(open, close) * Math.exp(wick));
    const low = cents(
      Math.min(open, close) * Math.exp(-path.sigma[m] * Math.abs(rng.normal()) * 0.6),
    );
    const move = Math.abs(Math.log(path.close[m] / prev)) / path.sigma[m];
    const volume = Math.round(
      perMinute * (uShape(m, n) ** 1.5 / 1.6) * Math.exp(0.35 * rng.normal()) * (0.7 + 0.3 * move),
    );
    const vwap = round((open + high + low + 2 * close) / 5, 0.0001);
    bars[m] = {
      ts: window.openMs + m * 60_000,
      open,
      high,
      low,
      close,
      volume,
      vwap,
      trades: Math.max(1, Math.round(volume / (90 + 60 * rng.uniform()))),
    };
    prev = path.close[m];
  }
  return bars;
}
