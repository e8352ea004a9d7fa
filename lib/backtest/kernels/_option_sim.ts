// The option trade kernel: buy on planned entries, exit at a target, a stop, a time limit or
// the session close, one position per contract at a time, one portfolio sharing cash.
import {
  R_END,
  R_FORCED,
  R_SESSION_CLOSE,
  R_SIGNAL,
  R_STOP_LOSS,
  R_TAKE_PROFIT,
  R_TIME_LIMIT,
} from "./_enums.ts";
import { closeTrade, fill, newCtx, type SimCtx } from "./_book.ts";
import { OrderLog, TradeLog } from "../_records.ts";
import { segmentEnds } from "../_segments.ts";
import { closeAll } from "./_sim_mark.ts";
import { checkSimOptions } from "./_sim_options.ts";
import { accumulateEquity, N_STATS, resetTradeStats } from "./_stats.ts";
import type { Market } from "../market.ts";
import type { SimResult, SimulateOptions } from "../types.ts";

/** Position size, costs and exits of option trades; fractions of the entry fill price. */
export interface OptionTradeRules {
  contracts: number;
  multiplier: number;
  /** Dollars per contract per order, on top of `fees` and `fixedFees`. */
  feePerContract: number;
  /** 0 = off. */
  takeProfit: number;
  /** 0 = off. */
  stopLoss: number;
  /** Minutes after the entry bar's start; 0 = off. */
  holdMin: number;
  /** Entries opening below this price (dollars per share) are skipped. */
  minPrice: number;
}

const fail = (msg: string) => new RangeError(`Cannot simulate option trades: ${msg}`);

/**
 * Simulates option trades on a market from `toOptionMarket`; see `scannerCalls` for the
 * rules. Per bar: pending entries fill at the open of their contract's bar; `forceExitBar`
 * closes everything at its open; open positions are checked for exits (gaps at the open,
 * then the time limit, then the stop and target inside the bar, the stop first, then the
 * session close); this bar's entries are queued; `closeAtEnd` sells at the last close; the
 * portfolio is marked at the close. Fees are `fees·value + fixedFees + feePerContract·
 * contracts` per order; an entry opening below `minPrice` or that the cash does not cover
 * is skipped.
 */
export function simulateOptionTrades(
  m: Market,
  entries: Int8Array,
  rules: OptionTradeRules,
  options: SimulateOptions,
): SimResult {
  checkSimOptions(options);
  const {
    initCash = 100_000,
    fees = 0,
    fixedFees = 0,
    slippageBps = 0,
    execution = "nextOpen",
    closeAtEnd = false,
    forceExitBar = -1,
    records = false,
  } = options;
  if (execution !== "nextOpen") {
    throw fail(`entries fill at the next open, got execution ${execution}`);
  }
  for (const k of ["stopLoss", "takeProfit", "trailingStop"] as const) {
    if ((options[k] ?? 0) !== 0) {
      throw fail(`${k} is not used; set the strategy's take_profit, stop_loss and hold_min`);
    }
  }
  const n = m.nBars, L = m.nAssets, ts = m.tsMs, close = m.close;
  const stats = new Float64Array(N_STATS);
  const rec = records
    ? {
      orders: new OrderLog(),
      trades: new TradeLog(),
      value: new Float64Array(n),
      cash: new Float64Array(n),
      exposure: new Float64Array(n),
    }
    : null;
  const ctx = newCtx(L, {
    n,
    colPx: Int32Array.from({ length: L }, (_, a) => a * n),
    open: m.open,
    high: m.high,
    low: m.low,
    close,
    feeRate: fees,
    fixedFee: fixedFees + rules.feePerContract * rules.contracts,
    slippage: slippageBps / 10_000,
    allowShort: false,
    group: 0,
    cash: initCash,
    stats,
    orders: rec?.orders ?? null,
    trades: rec?.trades ?? null,
  });
  resetTradeStats(stats, 0);
  const ends = segmentEnds(m), shares = rules.contracts * rules.multiplier;
  const holdMs = rules.holdMin * 60_000;
  const pending = new Uint8Array(L), entryBar = new Int32Array(L);
  const value = new Float64Array(n), exposed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let a = 0, k = i; a < L; a++, k += n) {
      if (pending[a] === 0 || close[k] !== close[k]) continue;
      pending[a] = 0;
      const cost = shares * m.open[k] * (1 + ctx.slippage) * (1 + fees) + ctx.fixedFee;
      if (m.open[k] < rules.minPrice || !(cost <= ctx.cash)) continue;
      if (fill(ctx, a, i, shares, m.open[k], R_SIGNAL, i)) entryBar[a] = i;
    }
    if (i === forceExitBar) closeAll(ctx, 0, L, i, m.open, R_FORCED);
    for (let a = 0, k = i; a < L; a++, k += n) {
      if (ctx.pos[a] !== 0 && close[k] === close[k]) {
        const timeUp = holdMs > 0 && ts[i] >= ts[entryBar[a]] + holdMs;
        exit(ctx, a, i, ends[k] !== 0, i > entryBar[a], timeUp, rules);
      }
      if (entries[k] !== 0 && ctx.pos[a] === 0 && ends[k] === 0 && close[k] === close[k]) {
        pending[a] = 1;
      }
    }
    if (closeAtEnd && i === n - 1) closeAll(ctx, 0, L, i, close, R_END);
    let v = ctx.cash, gross = 0;
    for (let a = 0, k = i; a < L; a++, k += n) {
      if (close[k] === close[k]) ctx.lastPx[a] = close[k];
      const q = ctx.pos[a];
      if (q === 0) continue;
      v += q * ctx.lastPx[a];
      gross += Math.abs(q * ctx.lastPx[a]);
      if (i >= ctx.heldFrom[a] && m.high[k] > ctx.hi[a]) ctx.hi[a] = m.high[k];
      if (i >= ctx.heldFrom[a] && m.low[k] < ctx.lo[a]) ctx.lo[a] = m.low[k];
    }
    value[i] = v;
    exposed[i] = gross > 0 ? 1 : 0;
    if (rec !== null) {
      (rec.value[i] = v), (rec.cash[i] = ctx.cash), (rec.exposure[i] = v > 0 ? gross / v : NaN);
    }
  }
  for (let a = 0; a < L; a++) if (ctx.tDir[a] !== 0) closeTrade(ctx, a, n - 1, true);
  accumulateEquity(stats, 0, value, initCash, exposed, null);
  return { nGroups: 1, nCols: L, stats, records: rec };
}

/** Exits lane `a`'s position on bar `i` when a rule says so (see simulateOptionTrades). */
function exit(
  ctx: SimCtx,
  a: number,
  i: number,
  sessionEnd: boolean,
  afterEntryBar: boolean,
  timeUp: boolean,
  r: OptionTradeRules,
): void {
  const k = a * ctx.n + i, o = ctx.open[k];
  const entry = ctx.tEntryValue[a] / ctx.tEntryShares[a];
  const stop = r.stopLoss > 0 ? entry * (1 - r.stopLoss) : NaN;
  const target = r.takeProfit > 0 ? entry * (1 + r.takeProfit) : NaN;
  let px = NaN, reason = R_SIGNAL;
  if (afterEntryBar) {
    if (o <= stop) (px = o), (reason = R_STOP_LOSS);
    else if (o >= target) (px = o), (reason = R_TAKE_PROFIT);
    else if (timeUp) (px = o), (reason = R_TIME_LIMIT);
  }
  if (px !== px) {
    if (ctx.low[k] <= stop) (px = stop), (reason = R_STOP_LOSS);
    else if (ctx.high[k] >= target) (px = target), (reason = R_TAKE_PROFIT);
    else if (sessionEnd) (px = ctx.close[k]), (reason = R_SESSION_CLOSE);
  }
  if (px === px) fill(ctx, a, i, -ctx.pos[a], px, reason, i + 1);
}
