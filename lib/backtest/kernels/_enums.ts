/**
 * Numeric codes shared by the kernels and the record wrappers. Each enum is declared once, as
 * its list of names; a code is the name's index in the list, and the `SZ_*`, `ST_*`, `R_*`
 * and `P_*` constants the hot loops use are derived from it, so codes and names cannot drift.
 *
 * @module
 */

/** `{ name: index }` for a list of names. */
function codes<const T extends readonly string[]>(names: T): { readonly [K in T[number]]: number } {
  return Object.freeze(Object.fromEntries(names.map((n, i) => [n, i]))) as never;
}

/** How an order or entry size is expressed, in code order. */
export const SIZE_TYPES = [
  "shares",
  "value",
  "percent",
  "targetShares",
  "targetValue",
  "targetPercent",
] as const;
/** How an order or entry size is expressed. */
export type SizeType = typeof SIZE_TYPES[number];
const SZ = codes(SIZE_TYPES);
export const SZ_SHARES = SZ.shares;
export const SZ_VALUE = SZ.value;
export const SZ_PERCENT = SZ.percent;
export const SZ_TARGET_SHARES = SZ.targetShares;
export const SZ_TARGET_VALUE = SZ.targetValue;
export const SZ_TARGET_PERCENT = SZ.targetPercent;

/** Outcome of one order request, in code order. */
export const STATUS_NAMES = ["filled", "ignored", "rejected"] as const;
const ST = codes(STATUS_NAMES);
export const ST_FILLED = ST.filled;
export const ST_IGNORED = ST.ignored;
export const ST_REJECTED = ST.rejected;

/** Why an order was placed, in code order. */
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
const R = codes(REASON_NAMES);
export const R_SIGNAL = R.signal;
export const R_STOP_LOSS = R.stop_loss;
export const R_TAKE_PROFIT = R.take_profit;
export const R_TRAILING_STOP = R.trailing_stop;
export const R_ORDER = R.order;
export const R_FORCED = R.forced;
export const R_END = R.end;
export const R_TIME_LIMIT = R.time_limit;
export const R_SESSION_CLOSE = R.session_close;

/** Pending signal intents (what to do at the next fill opportunity), in code order. */
export const PENDING_NAMES = ["none", "open_long", "open_short", "close", "order"] as const;
const P = codes(PENDING_NAMES);
export const P_NONE = P.none;
export const P_OPEN_LONG = P.open_long;
export const P_OPEN_SHORT = P.open_short;
export const P_CLOSE = P.close;
export const P_ORDER = P.order;

/** When a decision taken on bar i is filled. */
export type Execution = "nextOpen" | "close";
