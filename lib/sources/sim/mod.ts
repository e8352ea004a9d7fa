/**
 * The deterministic market simulator: equities, indices (the VIX moves against SPY), news
 * with sentiment, all pure functions of `(seed, ticker, date)`.
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
