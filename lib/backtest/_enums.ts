// Internal numeric codes shared by the kernels and the record wrappers.

/** How an order or entry size is expressed. */
export type SizeType =
  | "shares"
  | "value"
  | "percent"
  | "targetShares"
  | "targetValue"
  | "targetPercent";

export const SIZE_TYPES: readonly SizeType[] = [
  "shares",
  "value",
  "percent",
  "targetShares",
  "targetValue",
  "targetPercent",
];

export const SZ_SHARES = 0;
export const SZ_VALUE = 1;
export const SZ_PERCENT = 2;
export const SZ_TARGET_SHARES = 3;
export const SZ_TARGET_VALUE = 4;
export const SZ_TARGET_PERCENT = 5;

/** Outcome of one order request. */
export const ST_FILLED = 0;
export const ST_IGNORED = 1;
export const ST_REJECTED = 2;
export const STATUS_NAMES = ["filled", "ignored", "rejected"] as const;

/** Why an order was placed. */
export const R_SIGNAL = 0;
export const R_STOP_LOSS = 1;
export const R_TAKE_PROFIT = 2;
export const R_TRAILING_STOP = 3;
export const R_ORDER = 4;
export const R_FORCED = 5;
export const R_END = 6;
export const R_TIME_LIMIT = 7;
export const R_SESSION_CLOSE = 8;
export const REASON_NAMES = [
  "signal",
  "stop_loss",
  "take_profit",
  "trailing_stop",
  "order",
  "forced",
  "end",
  "time_limit",
  "session_close",
] as const;

/** Pending signal intents (what to do at the next fill opportunity). */
export const P_NONE = 0;
export const P_OPEN_LONG = 1;
export const P_OPEN_SHORT = 2;
export const P_CLOSE = 3;
export const P_ORDER = 4;

/** When a decision taken on bar i is filled. */
export type Execution = "nextOpen" | "close";
