// Excess log-returns of the default signal strategies over their market exposure, on
// simulated SPY bars: shared by no_edge_test.ts and tests/bench/sim_bench.ts.
import pl from "nodejs-polars";
import { runBacktest } from "../../../lib/backtest/mod.ts";
import { tradingDays } from "../../../lib/calendar/mod.ts";
import { createSimSource, simDailyBars } from "../../../lib/sources/sim/mod.ts";

export const STRATEGY_NAMES = ["sma_cross", "rsi_reversion", "bollinger_breakout"] as const;

/** Per seed: buy-and-hold log-return and, per strategy, log-return − exposure × it. */
export interface EdgeSample {
  buyHold: number;
  excess: Record<string, number>;
}

function sample(ts: number[], open: number[], close: number[]): EdgeSample {
  const frame = pl.DataFrame({
    ts,
    open,
    high: open.map((o, i) => Math.max(o, close[i])),
    low: open.map((o, i) => Math.min(o, close[i])),
    close,
  });
  const buyHold = Math.log(close.at(-1)! / open[0]);
  const excess: Record<string, number> = {};
  for (const strategy of STRATEGY_NAMES) {
    const r = runBacktest(frame, { strategy }).summary; // default parameters, no costs
    excess[strategy] = Math.log(1 + r.totalReturn) - r.exposure * buyHold;
  }
  return { buyHold, excess };
}

/** One seed's SPY minute bars over `from`..`to`. */
export async function minuteSample(seed: number, from: string, to: string): Promise<EdgeSample> {
  const sim = createSimSource({ seed });
  const ts: number[] = [], open: number[] = [], close: number[] = [];
  for (const d of tradingDays(from, to)) {
    for (const b of await sim.minuteBars("SPY", d)) {
      (ts.push(b.ts), open.push(b.open), close.push(b.close));
    }
  }
  return sample(ts, open, close);
}

/** One seed's SPY daily bars over `from`..`to`. */
export function dailySample(seed: number, from: string, to: string): EdgeSample {
  const d = simDailyBars("SPY", from, to, { seed });
  return sample(d.date.map((x) => Date.parse(x)), Array.from(d.open), Array.from(d.close));
}

/** Mean and standard error of a sample. */
export function meanSe(x: number[]): { mean: number; se: number } {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
  return { mean, se: sd / Math.sqrt(x.length) };
}
