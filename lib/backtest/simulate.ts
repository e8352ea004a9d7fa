// The simulation kernel: signals or orders in, per-group accumulators (and records) out.
import { SIZE_TYPES } from "./kernels/_enums.ts";
import { newCtx } from "./kernels/_book.ts";
import { planOffsets, resolveLayout } from "./_layout.ts";
import { OrderLog, TradeLog } from "./_records.ts";
import { type GroupPlan, runGroup } from "./kernels/_sim_group.ts";
import { runSingle } from "./kernels/_sim_single.ts";
import * as S from "./kernels/_stats.ts";
import { checkSimOptions } from "./kernels/_sim_options.ts";
import type { SimInput, SimResult, SimulateOptions } from "./types.ts";

export type { SimInput, SimResult, SimulateOptions };

/**
 * Simulates every column of `input` bar by bar and streams each group's metrics.
 *
 * Per bar, in order: (1) with `nextOpen` execution, pending decisions of the previous bar
 * fill at this open (sales before purchases); (2) `forceExitBar` closes everything at the
 * open; (3) stops are checked on this bar's range (see `checkStops`), from the bar a
 * position is first exposed to; (4) signals or orders of this bar are read: with `close`
 * execution they fill at this close, otherwise they wait for the next open (a decision on
 * the last bar is dropped); (5) `closeAtEnd` sells at the last close; (6) the group is
 * marked to market at the close. A decision on bar i therefore never uses a price after
 * bar i's close, and fills no earlier than that close.
 *
 * Signals: an entry while flat opens (sized by `sizeType`/`size`), an entry against the
 * position reverses it, an exit closes its side, a repeated entry is ignored, and an entry
 * with an exit of the same side on one bar (or two opposite entries) is ignored.
 *
 * @param input Prices and the plan, see {@linkcode SimInput}.
 * @param options Costs, sizing, stops and execution, see {@linkcode SimulateOptions}.
 * @returns Accumulators per group (`stats`, `N_STATS` each) and, if asked, records.
 * @throws {RangeError} On inconsistent shapes or out-of-range options.
 */
export function simulate(input: SimInput, options: SimulateOptions = {}): SimResult {
  const {
    initCash = 100_000,
    fees = 0,
    fixedFees = 0,
    slippageBps = 0,
    sizeType = "percent",
    size = 1,
    stopLoss = 0,
    takeProfit = 0,
    trailingStop = 0,
    execution = "nextOpen",
    closeAtEnd = false,
    forceExitBar = -1,
    records = false,
  } = options;
  checkSimOptions(options);
  const L = resolveLayout(input);
  const n = input.nBars, nCols = L.nCols, close = input.close;
  const LE = input.longEntries ?? null, LX = input.longExits ?? null;
  const SE = input.shortEntries ?? null, SX = input.shortExits ?? null;
  const OR = input.orders ?? null;
  const stats = new Float64Array(L.nGroups * S.N_STATS);
  const rec = records
    ? {
      orders: new OrderLog(),
      trades: new TradeLog(),
      value: new Float64Array(L.nGroups * n),
      cash: new Float64Array(L.nGroups * n),
      exposure: new Float64Array(L.nGroups * n),
    }
    : null;
  const ctx = newCtx(nCols, {
    n,
    colPx: L.colPx,
    open: input.open ?? close,
    high: input.high ?? close,
    low: input.low ?? close,
    close,
    feeRate: fees,
    fixedFee: fixedFees,
    slippage: slippageBps / 10_000,
    allowShort: SE !== null || OR !== null,
    group: 0,
    cash: 0,
    stats,
    orders: rec?.orders ?? null,
    trades: rec?.trades ?? null,
  });
  const P: GroupPlan = {
    LE,
    LX,
    SE,
    SX,
    OR,
    oLE: planOffsets(LE ?? undefined, n, nCols),
    oLX: planOffsets(LX ?? undefined, n, nCols),
    oSE: planOffsets(SE ?? undefined, n, nCols),
    oSX: planOffsets(SX ?? undefined, n, nCols),
    oOR: planOffsets(OR ?? undefined, n, nCols),
    kind: new Int8Array(nCols),
    psize: new Float64Array(nCols),
    entry: { sizeType: SIZE_TYPES.indexOf(sizeType), size },
    stops: { stopLoss, takeProfit, trailingStop },
    hasStops: stopLoss > 0 || takeProfit > 0 || trailingStop > 0,
    atClose: execution === "close",
    closeAtEnd,
    forceExitBar,
    initCash: initCash * 1.0,
    rec,
  };
  for (let g = 0; g < L.nGroups; g++) {
    const c0 = L.groupStart[g], c1 = L.groupStart[g + 1];
    if (c1 - c0 === 1) runSingle(ctx, P, g, c0);
    else runGroup(ctx, P, g, c0, c1);
  }
  return { nGroups: L.nGroups, nCols, stats, records: rec };
}
