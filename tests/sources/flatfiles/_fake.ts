/**
 * Test helpers: a fake flat-file server over a small simulated chain (the simulator's
 * contracts nearest the money only, so that a day is written in well under a second).
 */
import {
  type FakeFlatFiles,
  type FakeFlatFilesOptions,
  startFakeFlatFiles,
} from "../../../lib/sources/flatfiles/mod.ts";
import { createSimSource, type Source } from "../../../lib/sources/mod.ts";

/**
 * The simulator with each day's option chain cut to the nearest expiry's `contracts`
 * strikes nearest the day's open (calls and puts).
 */
export function smallSim(contracts = 12, seed = 42): Source {
  const sim = createSimSource({ seed });
  return {
    ...sim,
    async optionContracts(u, date, opts) {
      const all = await sim.optionContracts(u, date, opts);
      const open = (await sim.minuteBars(u, date))[0].open;
      const expiry = all[0].expiry;
      return all.filter((c) => c.expiry === expiry)
        .sort((a, b) =>
          Math.abs(a.strike - open) - Math.abs(b.strike - open) || (a.ticker < b.ticker ? -1 : 1)
        )
        .slice(0, contracts);
    },
  };
}

/** A fake server on port 0 over {@linkcode smallSim}. */
export function startSmallFake(
  options: FakeFlatFilesOptions & { contracts?: number } = {},
): Promise<FakeFlatFiles> {
  return startFakeFlatFiles({
    source: smallSim(options.contracts),
    tickers: { symbols: ["QQQ", "SPY"], indices: ["I:VIX"], underlyings: ["SPY"] },
    ...options,
  });
}
