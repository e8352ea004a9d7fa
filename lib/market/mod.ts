/**
 * Market records and option-domain helpers: OCC option tickers, strike selection and
 * expiry conventions, and the expiries and strikes a SPY-like chain lists.
 *
 * @example
 * ```ts
 * import * as market from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const expiry = market.selectExpiry({ date: "2025-03-04", convention: "same_day" });
 * const { calls } = market.selectStrikes({ open: 600.37, increment: 1, nCalls: 1, nPuts: 0 });
 * const ticker = market.formatOptionTicker({
 *   underlying: "SPY", expiry, right: "call", strike: calls[0],
 * });
 * assert.equal(ticker, "O:SPY250304C00601000");
 * assert.equal(market.parseOptionTicker(ticker).strike, 601);
 * ```
 *
 * @module
 */

export {
  barViolation,
  type BarViolationOptions,
  type DailyBar,
  DailyBarSchema,
  type MinuteBar,
  MinuteBarSchema,
  OPTION_LATE_CLOSE_MIN,
} from "./bars.ts";
export { type OptionContract, OptionContractSchema } from "./contracts.ts";
export { type NewsArticle, NewsArticleSchema, sentimentScore } from "./news.ts";

// --- option tickers, strikes and expiries (calendar branch) ---
export type { OptionRight, OptionTickerFields } from "./_occ.ts";
export { formatOptionTicker } from "./format_option_ticker.ts";
export { listedExpiries, type ListedExpiriesOptions } from "./listed_expiries.ts";
export { listedStrikes, type ListedStrikesOptions } from "./listed_strikes.ts";
export { parseOptionTicker } from "./parse_option_ticker.ts";
export {
  type ExpiryCycle,
  INDEX_ROOTS,
  type OptionRoot,
  optionRoot,
  optionRootsOf,
  type Settlement,
} from "./option_roots.ts";
export {
  EXPIRY_CONVENTIONS,
  type ExpiryConvention,
  selectExpiry,
  type SelectExpiryOptions,
} from "./select_expiry.ts";
export {
  type SelectedStrikes,
  selectStrikes,
  type SelectStrikesOptions,
} from "./select_strikes.ts";
// --- end option tickers, strikes and expiries ---
export {
  byChainOrder,
  CHAIN_SELECTIONS,
  type ChainSelection,
  selectChain,
  type SelectChainOptions,
} from "./select_chain.ts";
