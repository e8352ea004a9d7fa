/**
 * The simulator's intraday layer for equities: a minute path from the day's open to the
 * daily layer's close, with a U-shaped and clustered volatility profile, and U-shaped volume.
 *
 * The path is a Brownian bridge whose variance budget is exactly the daily layer's
 * open-to-close variance (`ocVar`), with the bridge correction spread in proportion to each
 * minute's variance. Because the close it ends on is itself Gaussian with that variance
 * (given the day's volatility), the minute log-returns are, jointly, independent Gaussians:
 * no autocorrelation at any horizon, no drift other than the symbol's, nothing a strategy can
 * predict. (The path before issue 19 spread the correction evenly over minutes and gave the
 * bridge less variance than the close's: every minute carried a share of the same hidden
 * drift, a lag-1 autocorrelation of +0.03 at five minutes.)
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import { dailySeries, dayIndex, SIM_ALIASES, symbolProfile } from "./_daily.ts";
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

/**
 * Relative intraday volatility of minute `m` of `n`: high at the open and at the close
 * (first minutes ≈ 2.6×, last ≈ 1.7× midday; Andersen & Bollerslev 1997).
 */
export function uShape(m: number, n: number): number {
  return 1 + 1.6 * Math.exp(-m / 18) + 0.7 * Math.exp(-(n - 1 - m) / 22);
}

const pathCache = new Map<string, IntradayPath>();

/** The minute-close path of `symbol` on `date` (cached: VIX and options reuse SPY's). */
export function intradayPath(
  seed: number,
  symbol: string,
  date: string,
  window: PathWindow,
): IntradayPath {
  const alias = SIM_ALIASES[symbol];
  if (alias) {
    const p = intradayPath(seed, alias.of, date, window);
    return {
      open: p.open * alias.scale,
      close: p.close.map((c) => c * alias.scale),
      sigma: p.sigma,
    };
  }
  const key = `${seed}\u0000${symbol}\u0000${date}`;
  const hit = pathCache.get(key);
  if (hit) return hit;
  const i = dayIndex(date);
  const daily = dailySeries(seed, symbol);
  const rng = rngFor(seed, symbol, date, "intraday-v2");
  const n = window.minutes;
  const open = daily.open[i];
  const target = Math.log(daily.close[i] / open);
  const sigma = new Float64Array(n);
  let g = 0, budget = 0;
  for (let m = 0; m < n; m++) {
    g = 0.92 * g + 0.25 * rng.normal(); // clustered volatility within the day
    sigma[m] = uShape(m, n) * Math.exp(g);
    budget += sigma[m] * sigma[m];
  }
  const scale = Math.sqrt(daily.ocVar[i] / budget);
  const cum = new Float64Array(n), w = new Float64Array(n);
  let s = 0, v = 0;
  for (let m = 0; m < n; m++) {
    sigma[m] *= scale;
    s += sigma[m] * rng.normal();
    v += sigma[m] * sigma[m];
    cum[m] = s;
    w[m] = v / daily.ocVar[i];
  }
  const close = new Float64Array(n);
  for (let m = 0; m < n; m++) close[m] = open * Math.exp(cum[m] - w[m] * (s - target));
  const path = { open, close, sigma };
  if (pathCache.size > 2048) pathCache.clear();
  pathCache.set(key, path);
  return path;
}

/** Transient price noise: persistence per minute and size relative to the minute's volatility. */
export const MICRO_NOISE = { phi: 0.6, size: 0.2 } as const;

/**
 * Minute closes as printed: the efficient path times a transient, mean-reverting noise
 * (order-flow pressure and bid–ask bounce; AR(1) with {@linkcode MICRO_NOISE}), which gives
 * 1- and 5-minute returns the slightly negative lag-1 autocorrelation of real SPY minutes
 * (≈ −0.01). The session's last close is the efficient close (the closing auction), so the
 * daily bars are the daily layer's.
 */
export function printedCloses(
  seed: number,
  symbol: string,
  date: string,
  path: IntradayPath,
): Float64Array {
  const rng = rngFor(seed, symbol, date, "micro");
  const n = path.close.length, { phi, size } = MICRO_NOISE;
  const out = new Float64Array(n);
  let u = 0;
  for (let m = 0; m < n; m++) {
    u = phi * u + Math.sqrt(1 - phi * phi) * rng.normal();
    out[m] = m === n - 1 ? path.close[m] : path.close[m] * Math.exp(size * path.sigma[m] * u);
  }
  return out;
}

const round = (v: number, step: number) => Math.round(v / step) * step;
const cents = (v: number) => Math.round(v * 100) / 100;

/** Regular-session minute bars of an equity on `date`. */
export function equityBars(seed: number, symbol: string, date: string, window: PathWindow) {
  const path = intradayPath(seed, symbol, date, window);
  const rng = rngFor(seed, symbol, date, "bars");
  const n = window.minutes;
  const daily = dailySeries(seed, symbol), i = dayIndex(date);
  // Busier on volatile days (volume follows volatility), quieter on 13:00 sessions.
  const activity = (daily.vol[i] / 0.14) ** 0.8 * (n < 390 ? 0.8 : 1);
  const perMinute = symbolProfile(symbol).dailyVolume / 390 * activity;
  const bars: MinuteBar[] = new Array(n);
  const printed = printedCloses(seed, symbol, date, path);
  let prev = path.open;
  for (let m = 0; m < n; m++) {
    // Opens are the efficient price (the mid) at the minute's start; closes are last-trade
    // prints with the transient noise. A strategy filled at the next open (the backtest's
    // default) therefore cannot harvest the closes' bounce, which is what real traders pay
    // away in the spread; one filled at the printed close can (see docs/simulator.md).
    const mid = m === 0 ? path.open : path.close[m - 1];
    const open = cents(m === 0 ? mid : mid * Math.exp(0.05 * path.sigma[m] * rng.normal()));
    const close = cents(printed[m]);
    const wick = path.sigma[m] * Math.abs(rng.normal()) * 0.6;
    const high = cents(Math.max(open, close) * Math.exp(wick));
    const low = cents(
      Math.min(open, close) * Math.exp(-path.sigma[m] * Math.abs(rng.normal()) * 0.6),
    );
    const move = Math.abs(Math.log(printed[m] / prev)) / path.sigma[m];
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
    prev = printed[m];
  }
  return bars;
}
