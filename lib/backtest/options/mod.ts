/**
 * Option strategies on the consolidated chain: structures (single legs, verticals,
 * straddles, strangles, iron condors and butterflies, butterflies, calendars, diagonals,
 * covered calls, protective puts) chosen each day by rules, filled with slippage, sized,
 * margined, settled by root, with Greeks P&L attribution. Rules: docs/strategies.md.
 *
 * @example
 * ```ts ignore
 * import { runOptionStrategy } from "./mod.ts";
 * const r = runOptionStrategy(table, {
 *   structure: "iron_condor", dte: 0, entry: { time: "10:00" }, shortDelta: 0.1, wingWidth: 5,
 * });
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
export { optionStressTest, type OptionStressTestOptions } from "./option_stress_test.ts";
