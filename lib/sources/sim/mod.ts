/**
 * The deterministic market simulator: equities, indices (the VIX moves against SPY), news
 * with sentiment, option chains, all pure functions of `(seed, ticker, date)`; daily bars
 * straight from its daily layer; and the realism check that compares its stylized facts
 * with real bars (docs/simulator.md).
 *
 * @example
 * ```ts
 * import { createSimSource } from "./mod.ts";
 * import { ok } from "node:assert/strict";
 * const vix = await createSimSource().minuteBars("I:VIX", "2025-03-03");
 * ok(vix.every((b) => b.volume === null && b.close > 5));
 * ```
 *
 * @module
 */
export { createSimSource, type SimSourceOptions } from "./sim_source.ts";
export { simChainBars, type SimChainBarsOptions, type SimChainDay } from "./sim_chain_bars.ts";
export type { BarColumns } from "./_options.ts";
export { simVixClose, VIX_ELASTICITY } from "./_index.ts";
export { simSurfaceVol, SURFACE_SHAPE } from "./_surface.ts";
export { type SimDailyBars, simDailyBars, type SimDailyBarsOptions } from "./sim_daily_bars.ts";
export {
  simCheck,
  type SimCheckOptions,
  type SimCheckResult,
  type SimCheckRow,
  simCheckTable,
} from "./sim_check.ts";
