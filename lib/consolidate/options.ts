/**
 * The parameters of the consolidation and of the training targets, with their defaults. The
 * config schema (`lib/config/schema.ts`, sections `consolidate` and `training`) takes its
 * defaults from {@linkcode CONSOLIDATE_DEFAULTS} and {@linkcode TRAINING_DEFAULTS}, so a
 * notebook call and the tasks with no flags compute the same table.
 *
 * @module
 */

/** Indicators on the underlying's minute series (`lib/indicators`). */
export interface IndicatorOptions {
  /**
   * Restart every indicator at each session (warm-up rows null again after the open).
   * `false` runs them across sessions on the gap-free minute grid; the lake runner then reads
   * `warmupDays` earlier sessions of the underlying first.
   * @default {true}
   */
  session?: boolean;
  /** Sessions read before `from` when `session` is false. @default {5} */
  warmupDays?: number;
  /** RSI window (Wilder). @default {14} */
  rsiWindow?: number;
  /** MACD fast EMA. @default {12} */
  macdFast?: number;
  /** MACD slow EMA. @default {26} */
  macdSlow?: number;
  /** MACD signal EMA. @default {9} */
  macdSignal?: number;
  /** Bollinger window. @default {20} */
  bollingerWindow?: number;
  /** Bollinger half-width in standard deviations. @default {2} */
  bollingerStdDevs?: number;
  /** Rate-of-change windows in minutes. @default {[5, 30, 60]} */
  rocWindows?: readonly number[];
}

/** Options for {@linkcode consolidate}. */
export interface ConsolidateOptions {
  /** The underlying's symbol, written to the `underlying` column. @default {"SPY"} */
  underlying?: string;
  /**
   * Risk-free rate for implied vols and Greeks, a decimal (the simulator's `SIM_RATE`;
   * set it for real data).
   * @default {0.045}
   */
  rate?: number;
  /** Dividend yield, a decimal (the simulator's `SIM_DIVIDEND_YIELD`). @default {0.013} */
  dividendYield?: number;
  /**
   * News window in minutes: a row at minute t sees the articles published in
   * [t + 1 min − lookback, t + 1 min), i.e. by the end of its minute.
   * @default {60}
   */
  newsLookbackMin?: number;
  /**
   * Oldest VIX bar, in minutes before the row's minute, that the as-of join may carry
   * forward; `null` carries the last bar forward without limit.
   * @default {null}
   */
  vixToleranceMin?: number | null;
  /** Lags in minutes of the percentage-change features. @default {[1, 5, 15, 30, 60]} */
  featureLags?: readonly number[];
  /** Underlying indicators. */
  indicators?: IndicatorOptions;
}

/** Options for {@linkcode prepareTraining}. */
export interface PrepareTrainingOptions {
  /** Minutes ahead of each row whose option price is the target. @default {120} */
  horizonMin?: number;
  /**
   * Contract-days whose share of rows with a target (among the rows whose horizon lies
   * inside the session) is below this fraction are dropped.
   * @default {0.5}
   */
  minCoverage?: number;
  /**
   * The target is the close of the contract's last trade in [t + horizon − tolerance,
   * t + horizon] (minutes); 0 asks for a trade in exactly that minute. Must be below the
   * horizon.
   * @default {5}
   */
  toleranceMin?: number;
}

/** Every default of {@linkcode IndicatorOptions}. */
export const INDICATOR_DEFAULTS = {
  session: true,
  warmupDays: 5,
  rsiWindow: 14,
  macdFast: 12,
  macdSlow: 26,
  macdSignal: 9,
  bollingerWindow: 20,
  bollingerStdDevs: 2,
  rocWindows: [5, 30, 60] as readonly number[],
} as const satisfies Required<IndicatorOptions>;

/** Every default of {@linkcode ConsolidateOptions}. */
export const CONSOLIDATE_DEFAULTS = {
  underlying: "SPY",
  rate: 0.045,
  dividendYield: 0.013,
  newsLookbackMin: 60,
  vixToleranceMin: null,
  featureLags: [1, 5, 15, 30, 60] as readonly number[],
  indicators: INDICATOR_DEFAULTS,
} as const satisfies Required<ConsolidateOptions>;

/** Every default of {@linkcode PrepareTrainingOptions}. */
export const TRAINING_DEFAULTS = {
  horizonMin: 120,
  minCoverage: 0.5,
  toleranceMin: 5,
} as const satisfies Required<PrepareTrainingOptions>;
