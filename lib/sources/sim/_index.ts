/**
 * The simulator's index bars. `I:VIX` is built from SPY's simulated session: its level
 * follows the market volatility regime and it moves against SPY minute by minute (an
 * elasticity of about −5.5, as the real VIX shows). Other `I:` indices follow their own
 * equity-like path. Index bars carry no volume, VWAP or trade count.
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import { dailySeries, dayIndex } from "./_daily.ts";
import { intradayPath, type PathWindow } from "./_intraday.ts";
import { rngFor } from "../../random/mod.ts";

const cents = (v: number) => Math.round(v * 100) / 100;

/** Regular-session minute bars of `I:VIX` on `date`. */
export function vixBars(seed: number, date: string, window: PathWindow): MinuteBar[] {
  const spy = intradayPath(seed, "SPY", date, window);
  const i = dayIndex(date);
  const regime = dailySeries(seed, "SPY").marketVol[i];
  const rng = rngFor(seed, "I:VIX", date, "bars");
  // The VIX trades above realised volatility: the variance risk premium.
  const level = 100 * regime * 1.3 * Math.exp(0.04 * rng.normal());
  const n = window.minutes;
  const bars: MinuteBar[] = new Array(n);
  let noise = 0, prev = level;
  for (let m = 0; m < n; m++) {
    noise += 0.0018 * rng.normal();
    const v = level * Math.exp(-5.5 * Math.log(spy.close[m] / spy.open) + noise);
    const open = cents(prev), close = cents(v);
    const wick = 0.0012 * Math.abs(rng.normal());
    bars[m] = {
      ts: window.openMs + m * 60_000,
      open,
      high: cents(Math.max(open, close) * Math.exp(wick)),
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
