/**
 * The simulator's index bars. `I:VIX` closes each day at the daily layer's level (the market
 * volatility regime times the variance risk premium); it opens against SPY's overnight gap
 * and moves against SPY minute by minute with an elasticity of {@linkcode VIX_ELASTICITY},
 * plus a small bridge of its own that ends on the day's close. `I:SPX` is ten SPY shares;
 * other `I:` indices follow their own equity-like path. Index bars carry no volume, VWAP or
 * trade count.
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import { dailySeries, dayIndex, previousClose } from "./_daily.ts";
import { intradayPath, type PathWindow } from "./_intraday.ts";
import { rngFor } from "../../random/mod.ts";

const cents = (v: number) => Math.round(v * 100) / 100;

/**
 * d ln VIX / d ln SPY within the day: the slope of the daily layer's ΔlnVIX on SPY's
 * return (real VIX: about −5 to −6).
 */
export const VIX_ELASTICITY = -5;

/**
 * The simulated VIX's close on `date` (a weekday 2015–2027): what the option surface's
 * at-the-money level follows. NaN on weekends.
 */
export function simVixClose(seed: number, date: string): number {
  return dailySeries(seed, "SPY").vix[dayIndex(date)];
}

/** Regular-session minute bars of `I:VIX` on `date`. */
export function vixBars(seed: number, date: string, window: PathWindow): MinuteBar[] {
  const spy = intradayPath(seed, "SPY", date, window);
  const i = dayIndex(date);
  const daily = dailySeries(seed, "SPY");
  const rng = rngFor(seed, "I:VIX", date, "bars-v2");
  let j = i - 1;
  while (j > 0 && Number.isNaN(daily.vix[j])) j--;
  const gap = Math.log(spy.open / previousClose(daily, i));
  const lnOpen = Math.log(daily.vix[j]) + VIX_ELASTICITY * gap + 0.01 * rng.normal();
  const n = window.minutes;
  const x = (m: number) => Math.log(spy.close[m] / spy.open);
  // A bridge of the VIX's own moves, from 0 to what SPY's path leaves to reach the close.
  const own = new Float64Array(n);
  let s = 0;
  for (let m = 0; m < n; m++) own[m] = s += 0.0015 * rng.normal();
  const rest = Math.log(daily.vix[i]) - lnOpen - VIX_ELASTICITY * x(n - 1);
  const bars: MinuteBar[] = new Array(n);
  let prev = Math.exp(lnOpen);
  for (let m = 0; m < n; m++) {
    const f = (m + 1) / n;
    const v = Math.exp(lnOpen + VIX_ELASTICITY * x(m) + own[m] + f * (rest - s));
    const open = cents(prev), close = cents(v);
    bars[m] = {
      ts: window.openMs + m * 60_000,
      open,
      high: cents(Math.max(open, close) * Math.exp(0.0012 * Math.abs(rng.normal()))),
      low: cents(Math.min(open, close) * Math.exp(-0.0012 * Math.abs(rng.normal()))),
      close,
      volume: null,
      vwap: null,
      trades: null,
    };
    prev = v;
  }
  return bars;
}

/** Regular-session minute bars of an index other than the VIX (an equity-like path). */
export function indexBars(seed: number, ticker: string, date: string, window: PathWindow) {
  const path = intradayPath(seed, ticker, date, window);
  const bars: MinuteBar[] = new Array(window.minutes);
  let prev = path.open;
  for (let m = 0; m < window.minutes; m++) {
    const open = cents(prev), close = cents(path.close[m]);
    bars[m] = {
      ts: window.openMs + m * 60_000,
      open,
      high: Math.max(open, close),
      low: Math.min(open, close),
      close,
      volume: null,
      vwap: null,
      trades: null,
    };
    prev = path.close[m];
  }
  return bars;
}
