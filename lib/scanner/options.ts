/**
 * The scan's parameters, their allowed values and defaults. The config schema
 * (`lib/config/schema.ts`, section `scan`) takes its defaults from {@linkcode SCAN_DEFAULTS},
 * so a notebook call and `deno task scan` with no flags scan the same way.
 *
 * @module
 */

/** How the reference price of each minute is chosen. */
export const SCAN_REFERENCES = ["open", "rolling_low", "rolling_high"] as const;
/** `open`: the contract-day's first traded price; `rolling_*`: extreme of the previous N minutes. */
export type ScanReference = typeof SCAN_REFERENCES[number];

/** Which moves count. */
export const SCAN_DIRECTIONS = ["up", "down", "both"] as const;
/** `up`, `down`, or `both` (up and down events found independently). */
export type ScanDirection = typeof SCAN_DIRECTIONS[number];

/** Which prices of a bar are compared with the reference. */
export const SCAN_PRICES = ["high_low", "close"] as const;
/** `high_low`: high for up moves, low for down moves (a touch counts); `close`: the close. */
export type ScanPrice = typeof SCAN_PRICES[number];

/** Options for {@linkcode scan} and the figures that redraw a scan. */
export interface ScanOptions {
  /**
   * The move that counts, as a fraction of the reference (0.2 = 20%); > 0. A minute is above
   * threshold when its move reaches it to within 1e-9 (so 1.00 → 1.20 is exactly 20%).
   * @default {0.2}
   */
  threshold?: number;
  /** @default {"open"} */
  reference?: ScanReference;
  /**
   * Length of the rolling window in minutes (`rolling_low` / `rolling_high` only): the
   * reference of minute t is the extreme over bars with ts in [t − N min, t), the current
   * minute excluded. Integer 1–390.
   * @default {30}
   */
  windowMin?: number;
  /** @default {"up"} */
  direction?: ScanDirection;
  /**
   * Minutes WITHOUT TRADES (absent bars) allowed between two above-threshold minutes of one
   * event. A traded minute below threshold always ends the event. Integer 0–390.
   * @default {2}
   */
  gapToleranceMin?: number;
  /** @default {"high_low"} */
  price?: ScanPrice;
}

/** Every default of {@linkcode ScanOptions}. */
export const SCAN_DEFAULTS = {
  threshold: 0.2,
  reference: "open",
  windowMin: 30,
  direction: "up",
  gapToleranceMin: 2,
  price: "high_low",
} as const satisfies Required<ScanOptions>;

/** Column names the scanner reads when a frame has them (the `consolidated` dataset). */
export const CONTEXT_COLUMNS = {
  /** Underlying price at the minute (dollars). */
  underlying: "underlying_close",
  /** VIX level at the minute. */
  vix: "vix_close",
  /** Moneyness as the consolidated table defines it, passed through unchanged. */
  moneyness: "moneyness",
} as const;
