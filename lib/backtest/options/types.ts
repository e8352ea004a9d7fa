// Options of the option-strategy engine, with their defaults stated once here.
import type { StructureName } from "./structures.ts";

/** Slippage against the trader on every fill; the three add up. */
export interface SlippageModel {
  /** Basis points of the fill price. @default 0 */
  bps?: number;
  /** Fraction of the minute's high − low range. @default 0 */
  rangeFraction?: number;
  /** At most this fraction of each leg's minute volume is filled (sizes are cut). @default Infinity */
  volumeFraction?: number;
}

/** How many structures an entry trades. */
export type Sizing =
  | { contracts: number }
  | { equityFraction: number }
  | { maxRisk: number }
  | { riskFraction: number };

/** When to enter. `time` and `events` are alternatives; the conditions filter both. */
export interface EntryRules {
  /** New York time of day `HH:MM`: the first minute at or after it each trading day. */
  time?: string;
  /** Instants (UTC ms) of scanner events: the first minute at or after each. */
  events?: ArrayLike<number>;
  /** Minutes after the entry minute to look for a chain with every leg trading. @default 5 */
  windowMin?: number;
  /** IV rank of the near expiry's ATM IV over the previous `ivLookbackDays`, in [0, 1]. */
  ivRankMin?: number;
  ivRankMax?: number;
  /** IV percentile (fraction of previous days with a lower ATM IV), in [0, 1]. */
  ivPercentileMin?: number;
  ivPercentileMax?: number;
  /** @default 20 */
  ivLookbackDays?: number;
  /** VIX close as-of the entry minute. */
  vixMin?: number;
  vixMax?: number;
}

/** When to exit before expiry; settlement at expiry always applies. */
export interface ExitRules {
  /** Close when P&L ≥ this fraction of the credit (or debit). @default 0 (off) */
  profitTarget?: number;
  /** Close when the loss ≥ this fraction of the credit (or debit). @default 0 (off) */
  stopLoss?: number;
  /** New York time `HH:MM`: close at the first minute at or after it, every day. */
  time?: string;
  /** Close on the first minute of a later day when the near expiry is ≤ this many days away. */
  dte?: number;
  /** Minutes after the entry. @default 0 (off) */
  holdMin?: number;
}

/** Options of `runOptionStrategy` (see docs/strategies.md for every rule). */
export interface OptionStrategyOptions {
  structure: StructureName;
  /** Calendar days to the near expiry. @default 0 */
  dte?: number;
  /** Largest accepted |DTE − dte|; else the day is skipped. @default 0 */
  dteTolerance?: number;
  /** Calendar days to the far expiry of calendars and diagonals. @default 30 */
  farDte?: number;
  /** Target |delta| of the anchor legs (a short leg for credit structures). */
  delta?: number;
  /** Alias of `delta`. */
  shortDelta?: number;
  /** Anchor strikes by distance out of the money as a fraction of spot (0.02 = 2 % OTM). */
  moneyness?: number;
  /** Anchor strikes by listed strikes out of the money from the ATM strike (0 = ATM). */
  strikes?: number;
  /** Dollars between a wing and its anchor. @default 5 */
  wingWidth?: number;
  entry: EntryRules;
  exit?: ExitRules;
  /** @default { contracts: 1 } */
  size?: Sizing;
  /** Structures open at once. @default 1 */
  maxOpen?: number;
  /** `refuse` naked short legs, or `margin` them by the Reg-T formula. @default "refuse" */
  naked?: "refuse" | "margin";
  slippage?: SlippageModel;
  /** Dollars per option contract per order. @default 0.65 */
  feePerContract?: number;
  /** Dollars per order (a whole structure is one order). @default 0 */
  feePerOrder?: number;
  /** Dollars per share of the underlying leg. @default 0 */
  feePerShare?: number;
  /** @default 100_000 */
  initCash?: number;
  /**
   * Attribute P&L to the Greeks as legs are marked. `runOptionStrategy` always does; the
   * sweeps turn it off (their metrics do not need it). @default true
   */
  records?: boolean;
}

/** Every option resolved to a value. */
export type ResolvedOptions =
  & Required<
    Omit<
      OptionStrategyOptions,
      "delta" | "shortDelta" | "moneyness" | "strikes" | "entry" | "exit" | "slippage"
    >
  >
  & {
    strikeRule: { delta: number } | { moneyness: number } | { strikes: number };
    entry: Required<Omit<EntryRules, "time" | "events">> & {
      time: number;
      events: Float64Array | null;
    };
    exit: Required<Omit<ExitRules, "time">> & { time: number };
    slippage: Required<SlippageModel>;
  };
