// Public array-level types of the backtest kernels.
import type { Execution, SizeType } from "./kernels/_enums.ts";
import type { OrderLog, TradeLog } from "./_records.ts";

export type { Execution, SizeType };

/**
 * Prices and plan for {@linkcode simulate}. Price arrays are column-major
 * `nBars × nAssets` (asset `a`, bar `i` at `a·nBars + i`); `open`, `high` and `low` default
 * to `close`. Signal arrays are `Int8Array` (non-zero = true) and order arrays
 * `Float64Array` (NaN = no order), each either `nBars` long (shared by all columns) or
 * `nBars × nCols`. A column trades asset `colAsset[c]` (default: `c` when there are as many
 * assets as columns, else 0) and belongs to group `groupOf[c]`; columns of a group share
 * cash and form one portfolio (group ids ascending from 0, contiguous).
 */
export interface SimInput {
  nBars: number;
  close: Float64Array;
  open?: Float64Array;
  high?: Float64Array;
  low?: Float64Array;
  longEntries?: Int8Array;
  longExits?: Int8Array;
  shortEntries?: Int8Array;
  shortExits?: Int8Array;
  orders?: Float64Array;
  nCols?: number;
  colAsset?: Int32Array;
  groupOf?: Int32Array;
}

/** Options of {@linkcode simulate}; fractions, not percents. */
export interface SimulateOptions {
  /** Starting cash per group, dollars. @default 100_000 */
  initCash?: number;
  /** Fee as a fraction of traded value. @default 0 */
  fees?: number;
  /** Fixed fee per order, dollars. @default 0 */
  fixedFees?: number;
  /** Slippage in basis points, against the trader on every fill. @default 0 */
  slippageBps?: number;
  /**
   * Size of a signal entry (`shares`, `value` in dollars, `percent` of group value; an
   * all-in buy is `percent` 1 or `shares` Infinity), or how `orders` are read (any type).
   * @default "percent"
   */
  sizeType?: SizeType;
  /** @default 1 */
  size?: number;
  /** Stop distances as fractions, 0 = off. @default 0 */
  stopLoss?: number;
  takeProfit?: number;
  trailingStop?: number;
  /** `nextOpen`: a decision on bar i fills at bar i+1's open; `close`: at bar i's close. @default "nextOpen" */
  execution?: Execution;
  /** Sell everything at the last bar's close (fees apply). @default false */
  closeAtEnd?: boolean;
  /** Close every position at this bar's open, before anything else (stress scenarios). @default -1 */
  forceExitBar?: number;
  /** Keep orders, trades and equity series. @default false */
  records?: boolean;
}

/** Orders, trades and per-group series of one {@linkcode simulate} call. */
export interface SimRecords {
  orders: OrderLog;
  trades: TradeLog;
  /** Per group, `nGroups × nBars`: value (cash + positions at close), cash, gross exposure. */
  value: Float64Array;
  cash: Float64Array;
  exposure: Float64Array;
}

/** Output of {@linkcode simulate}: raw per-group accumulators (see `metricsFromStats`). */
export interface SimResult {
  nGroups: number;
  nCols: number;
  stats: Float64Array;
  records: SimRecords | null;
}
