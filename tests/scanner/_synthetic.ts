// Synthetic option minutes for scanner tests and benchmarks: seeded random walks on the
// regular-session grid, a SPY-like same-day chain, with minutes dropped at random (thin
// contracts) and a few jumps, in the lake's column layout (scanLake adds underlying, date).
import pl from "nodejs-polars";
import { minuteGrid, tradingDays } from "@lib/calendar/mod.ts";
import { formatOptionTicker } from "@lib/market/mod.ts";

import { mulberry32 } from "@lib/random/mod.ts";
export { mulberry32 };

export interface SyntheticOptions {
  from: string;
  to: string;
  /** Contracts a day: half calls, half puts around 580. */
  contracts: number;
  seed?: number;
  /** Chance that a minute has no trades. */
  missing?: number;
  /** Log-return stdev a minute. */
  vol?: number;
}

/** A frame of option minutes: ticker, ts, open, high, low, close, volume, underlying, date. */
export function syntheticChain(o: SyntheticOptions): pl.DataFrame {
  const { contracts, seed = 7, missing = 0.1, vol = 0.012 } = o;
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const days = tradingDays(o.from, o.to);
  const cap = days.length * contracts * 390;
  const ts = new Float64Array(cap), open = new Float64Array(cap), high = new Float64Array(cap);
  const low = new Float64Array(cap), close = new Float64Array(cap), volume = new Float64Array(cap);
  const tickers: string[] = [], dates: number[] = [];
  let n = 0;
  for (const date of days) {
    const grid = minuteGrid(date);
    const dayNum = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    for (let k = 0; k < contracts; k++) {
      const right = k % 2 === 0 ? "call" : "put";
      const strike = 580 + (right === "call" ? 1 : -1) * Math.floor(k / 2);
      const ticker = formatOptionTicker({ underlying: "SPY", expiry: date, right, strike });
      let p = 0.3 + 3 * rand();
      for (const t of grid) {
        const jump = rand() < 0.004 ? (rand() < 0.5 ? -0.2 : 0.25) : 0;
        const next = Math.max(0.01, p * Math.exp(vol * gauss() + jump));
        if (rand() < missing) {
          p = next;
          continue;
        }
        ts[n] = t;
        open[n] = p;
        close[n] = next;
        high[n] = Math.max(p, next) * (1 + 0.02 * rand());
        low[n] = Math.min(p, next) * (1 - 0.02 * rand());
        volume[n] = 1 + Math.floor(50 * rand());
        tickers.push(ticker);
        dates.push(dayNum);
        p = next;
        n++;
      }
    }
  }
  return pl.DataFrame([
    pl.Series("ticker", tickers, pl.Utf8),
    pl.Series("ts", ts.subarray(0, n), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("open", open.subarray(0, n), pl.Float64),
    pl.Series("high", high.subarray(0, n), pl.Float64),
    pl.Series("low", low.subarray(0, n), pl.Float64),
    pl.Series("close", close.subarray(0, n), pl.Float64),
    pl.Series("volume", volume.subarray(0, n), pl.Float64),
    pl.Series("underlying", tickers.map(() => "SPY"), pl.Utf8),
    pl.Series("date", dates, pl.Int32).cast(pl.Date),
  ]);
}
