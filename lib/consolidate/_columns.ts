/**
 * The columns of the consolidated table, in order, grouped for the null-count statistics.
 *
 * @module
 */
import { CONTRACT_COLUMNS } from "./_contracts.ts";
import { OPTION_BAR_COLUMNS } from "./_option_rows.ts";
import { optionFeatureNames } from "./_option_features.ts";
import type { Resolved } from "./_resolve.ts";
import { indicatorNames, UNDERLYING_BAR_COLUMNS } from "./_underlying.ts";
import { NEWS_COLUMNS } from "./_news.ts";
import { VIX_COLUMNS } from "./_vix.ts";

/** Greek columns written by `withGreeks`. */
export const GREEK_COLUMNS = [
  "iv",
  "iv_status",
  "delta",
  "gamma",
  "theta_day",
  "vega_pct",
  "rho_pct",
  "vanna",
  "charm",
  "vomma",
] as const;

/** Column groups of the table, in table order: group name → column names. */
export function columnGroups(o: Resolved): Record<string, string[]> {
  return {
    key: ["underlying", "date", "ts", "session_minute", "ticker"],
    contract: [...CONTRACT_COLUMNS],
    option: [...OPTION_BAR_COLUMNS],
    underlying: [...UNDERLYING_BAR_COLUMNS.map((c) => `underlying_${c}`), "spot"],
    vix: [...VIX_COLUMNS],
    indicators: indicatorNames(o),
    news: [...NEWS_COLUMNS],
    pricing: ["moneyness", "t_years"],
    greeks: [...GREEK_COLUMNS],
    features: [
      ...o.featureLags.map((l) => `spot_pct_change_${l}`),
      ...optionFeatureNames(o.featureLags),
    ],
  };
}

/** Every column of the table, in order. */
export function tableColumns(o: Resolved): string[] {
  return Object.values(columnGroups(o)).flat();
}
