/**
 * The deterministic market simulator as a {@linkcode Source}. Every partition is a pure
 * function of `(seed, ticker, date)`, so parallel, resumed and repeated runs are
 * bit-identical.
 *
 * @module
 */
import { session } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import { parseOptionTicker } from "../../market/mod.ts";
import type { MinuteBarsOptions, Source } from "../source.ts";
import { equityBars } from "./_intraday.ts";
import { indexBars, vixBars } from "./_index.ts";
import { simNews } from "./_news.ts";
import { simOptionContracts } from "./_chain.ts";
import { simOptionBars } from "./_options.ts";
import { simChainBars } from "./sim_chain_bars.ts";

/** Options for {@linkcode createSimSource}. */
export interface SimSourceOptions {
  /** The seed every series derives from. @default 42 */
  seed?: number;
}

function sessionOf(ticker: string, date: string) {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot simulate ${ticker} on ${date}: the exchange is closed`);
  return { openMs: s.openMs, minutes: s.minutes };
}

/**
 * Creates the simulator source.
 *
 * @example
 * ```ts
 * import { createSimSource } from "./sim_source.ts";
 * import { equal } from "node:assert/strict";
 * const sim = createSimSource({ seed: 7 });
 * const bars = await sim.minuteBars("SPY", "2025-03-03");
 * equal(bars.length, 390);
 * equal(bars[0].ts, Date.UTC(2025, 2, 3, 14, 30));
 * ```
 */
export function createSimSource(options: SimSourceOptions = {}): Source {
  const { seed = 42 } = options;
  return {
    name: "sim",
    // deno-lint-ignore require-await -- async so that a bad date rejects, never throws
    async minuteBars(ticker: string, date: string, opts: MinuteBarsOptions = {}) {
      if (opts.extendedHours) {
        throw new RangeError(
          "The simulator has regular-session minutes only: set backfill.extendedHours to false",
        );
      }
      const window = sessionOf(ticker, date);
      let bars: MinuteBar[];
      if (ticker === "I:VIX") bars = vixBars(seed, date, window);
      else if (ticker.startsWith("I:")) bars = indexBars(seed, ticker, date, window);
      else if (ticker.startsWith("O:")) bars = simOptionBars(seed, ticker, date, window);
      else bars = equityBars(seed, ticker, date, window);
      return bars;
    },
    // deno-lint-ignore require-await -- async so that a bad date rejects, never throws
    async optionChainBars(underlying, date, tickers) {
      sessionOf(underlying, date);
      const contracts = tickers.map((ticker) => ({
        ...parseOptionTicker(ticker),
        ticker,
        multiplier: 100,
        style: "american" as const,
      }));
      const { bars } = simChainBars(underlying, date, { seed, contracts });
      const out = new Map<string, MinuteBar[]>(tickers.map((t) => [t, []]));
      for (let i = 0; i < bars.ts.length; i++) {
        out.get(tickers[bars.contract[i]])!.push({
          ts: bars.ts[i],
          open: bars.open[i],
          high: bars.high[i],
          low: bars.low[i],
          close: bars.close[i],
          volume: bars.volume[i],
          vwap: bars.vwap[i],
          trades: bars.trades[i],
        });
      }
      return out;
    },
    // deno-lint-ignore require-await -- async so that a bad date rejects, never throws
    async optionContracts(underlying, date, opts = {}) {
      sessionOf(underlying, date);
      return simOptionContracts(seed, underlying, date, opts);
    },
    // deno-lint-ignore require-await -- async so that a bad date rejects, never throws
    async news(ticker, date) {
      sessionOf(ticker, date);
      return simNews(seed, ticker, date);
    },
  };
}
