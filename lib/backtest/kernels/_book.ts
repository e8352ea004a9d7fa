// Kernel state and fill bookkeeping: cash, positions, trades (flat to flat) and records.
import { ST_FILLED } from "./_enums.ts";
import { executeOrder, newOrderResult, type OrderResult } from "./_order.ts";
import type { OrderLog, TradeLog } from "../_records.ts";
import { N_STATS, S_FEES, S_ORDERS } from "./_stats.ts";
import { closeTrade, openTrade } from "../_trades.ts";

export { closeTrade };

/** Mutable state of one kernel call; columns are indexed globally. */
export interface SimCtx {
  n: number;
  colPx: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  feeRate: number;
  fixedFee: number;
  slippage: number;
  allowShort: boolean;
  group: number;
  cash: number;
  pos: Float64Array;
  lastPx: Float64Array;
  heldFrom: Int32Array;
  tDir: Int8Array;
  tEntryBar: Int32Array;
  tEntryShares: Float64Array;
  tEntryValue: Float64Array;
  tExitShares: Float64Array;
  tExitValue: Float64Array;
  tFees: Float64Array;
  hi: Float64Array;
  lo: Float64Array;
  stats: Float64Array;
  orders: OrderLog | null;
  trades: TradeLog | null;
  res: OrderResult;
  tmp: { size: number; entry: number; exit: number; fees: number; pnl: number; ret: number };
}

/** Allocates the kernel state for `nCols` columns. */
export function newCtx(
  nCols: number,
  base: Omit<
    SimCtx,
    | "res"
    | "tmp"
    | "pos"
    | "lastPx"
    | "heldFrom"
    | "tDir"
    | "tEntryBar"
    | "tEntryShares"
    | "tEntryValue"
    | "tExitShares"
    | "tExitValue"
    | "tFees"
    | "hi"
    | "lo"
  >,
): SimCtx {
  const f = () => new Float64Array(nCols);
  return {
    ...base,
    pos: f(),
    lastPx: f().fill(NaN),
    heldFrom: new Int32Array(nCols),
    tDir: new Int8Array(nCols),
    tEntryBar: new Int32Array(nCols),
    tEntryShares: f(),
    tEntryValue: f(),
    tExitShares: f(),
    tExitValue: f(),
    tFees: f(),
    hi: f(),
    lo: f(),
    res: newOrderResult(),
    tmp: { size: 0, entry: 0, exit: 0, fees: 0, pnl: 0, ret: 0 },
  };
}

/**
 * Fills `shares` (signed) of column `c` at `price` on bar `i`; stops and extremes start
 * counting from `startBar`. Returns whether the order was filled.
 */
export function fill(
  ctx: SimCtx,
  c: number,
  i: number,
  shares: number,
  price: number,
  reason: number,
  startBar: number,
): boolean {
  const r = ctx.res;
  const old = ctx.pos[c];
  const st = executeOrder(
    ctx.cash,
    old,
    shares,
    price,
    ctx.feeRate,
    ctx.fixedFee,
    ctx.slippage,
    ctx.allowShort,
    r,
  );
  if (st !== ST_FILLED) return false;
  ctx.cash = r.cash;
  const so = ctx.group * N_STATS;
  ctx.stats[so + S_ORDERS]++;
  ctx.stats[so + S_FEES] += r.fees;
  if (ctx.orders !== null) ctx.orders.push(c, i, r.shares, r.price, r.fees, reason);
  const q = Math.abs(r.shares), dir = r.shares > 0 ? 1 : -1;
  if (old === 0) openTrade(ctx, c, i, dir, q, r.price, r.fees, startBar);
  else if (dir === ctx.tDir[c]) {
    ctx.tEntryShares[c] += q;
    ctx.tEntryValue[c] += q * r.price;
    ctx.tFees[c] += r.fees;
  } else {
    const closeQ = Math.min(q, Math.abs(old)), frac = closeQ / q;
    ctx.tExitShares[c] += closeQ;
    ctx.tExitValue[c] += closeQ * r.price;
    ctx.tFees[c] += r.fees * frac;
    if (r.price > ctx.hi[c]) ctx.hi[c] = r.price;
    if (r.price < ctx.lo[c]) ctx.lo[c] = r.price;
    if (r.position === 0 || (r.position > 0 ? 1 : -1) !== ctx.tDir[c]) {
      closeTrade(ctx, c, i, false);
      if (r.position !== 0) {
        openTrade(ctx, c, i, dir, q - closeQ, r.price, r.fees * (1 - frac), startBar);
      }
    }
  }
  ctx.pos[c] = r.position;
  return true;
}
