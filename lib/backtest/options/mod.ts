/**
 * Option strategies on the consolidated chain: structures (single legs, verticals,
 * straddles, strangles, iron condors and butterflies, butterflies, calendars, diagonals,
 * covered calls, protective puts) chosen each day by rules, filled with slippage, sized,
 * margined, settled by root, with Greeks P&L attribution. Rules: docs/strategies.md.
 *
 * @example A bull call spread on a two-contract chain, settled at 606
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { runOptionStrategy } from "./mod.ts";
 * const at = (m: number) => new Date(Date.UTC(2025, 2, 4, 14, 30 + m)); // 09:30 New York + m
 * const table = pl.DataFrame({
 *   ticker: ["O:SPY250304C00600000", "O:SPY250304C00605000", "O:SPY250304C00600000"],
 *   ts: [at(30), at(30), at(389)], right: ["call", "call", "call"], strike: [600, 605, 600],
 *   expiry: ["2025-03-04", "2025-03-04", "2025-03-04"], close: [2.1, 0.6, 6],
 *   delta: [0.51, 0.12, 1], spot: [600, 600, 606],
 * });
 * const r = runOptionStrategy(table, {
 *   structure: "bull_call_spread", delta: 0.5, wingWidth: 5, entry: { time: "10:00" },
 * });
 * // debit 1.50, worth 5 at 606: +350 less 2 contracts × 0.65
 * assert.equal(r.trades.getColumn("pnl").get(0), 348.7);
 * ```
 *
 * @module
 */
export { type OptionChain, toOptionChain } from "./_chain.ts";
export { type OptionMetrics } from "./_metrics.ts";
export { ATTRIBUTION } from "./_position.ts";
export { payoffAt, type RiskProfile, riskProfile } from "./_risk.ts";
export type { Leg } from "./_select.ts";
export { fillPrice, type SettlementStyle, settlementStyle } from "./_settle.ts";
export {
  optionStrategyMetrics,
  type OptionStrategyResult,
  runOptionStrategy,
} from "./run_option_strategy.ts";
export {
  STRUCTURE_NAMES,
  type StructureName,
  STRUCTURES,
  type StructureSpec,
} from "./structures.ts";
export type {
  EntryRules,
  ExitRules,
  OptionStrategyOptions,
  Sizing,
  SlippageModel,
} from "./types.ts";
export {
  optionCombos,
  optionWalkForward,
  type OptionWalkForwardOptions,
  sweepOptionStrategy,
  type SweepOptionStrategyOptions,
} from "./sweep_option_strategy.ts";
export { attributionFigure, type AttributionFigureOptions } from "./attribution_figure.ts";
export { OPTION_PARAMS, optionStrategyFromParams } from "./from_params.ts";
export { optionStressTest, type OptionStressTestOptions } from "./option_stress.ts";
