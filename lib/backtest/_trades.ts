// Opening and closing trade records (one trade per position, flat to flat).
import type { SimCtx } from "./kernels/_book.ts";
import { addClosedTrade, N_STATS, S_OPEN } from "./kernels/_stats.ts";

/** Starts column `c`'s trade on bar `i`; stops and extremes count from `startBar`. */
export function openTrade(
  ctx: SimCtx,
  c: number,
  i: number,
  dir: number,
  q: number,
  price: number,
  fees: number,
  startBar: number,
): void {
  ctx.tDir[c] = dir;
  ctx.tEntryBar[c] = i;
  ctx.tEntryShares[c] = q;
  ctx.tEntryValue[c] = q * price;
  ctx.tExitShares[c] = 0;
  ctx.tExitValue[c] = 0;
  ctx.tFees[c] = fees;
  ctx.hi[c] = price;
  ctx.lo[c] = price;
  ctx.heldFrom[c] = startBar;
}

/**
 * Closes column `c`'s trade on bar `i`. An `open` trade (still held at the end) is valued
 * at the last close without exit fees and counted in `S_OPEN`, not in the trade stats.
 */
export function closeTrade(ctx: SimCtx, c: number, i: number, open: boolean): void {
  const t = ctx.tmp, dir = ctx.tDir[c];
  const size = ctx.tEntryShares[c];
  t.size = size;
  t.entry = ctx.tEntryValue[c] / size;
  if (open) {
    const rest = size - ctx.tExitShares[c];
    t.exit = (ctx.tExitValue[c] + rest * ctx.lastPx[c]) / size;
  } else t.exit = ctx.tExitValue[c] / ctx.tExitShares[c];
  t.fees = ctx.tFees[c];
  t.pnl = dir * (t.exit - t.entry) * size - t.fees;
  t.ret = t.pnl / (t.entry * size);
  const hiR = ctx.hi[c] / t.entry - 1, loR = ctx.lo[c] / t.entry - 1;
  const mae = dir > 0 ? Math.min(loR, 0) : Math.min(-hiR, 0);
  const mfe = dir > 0 ? Math.max(hiR, 0) : Math.max(-loR, 0);
  if (open) ctx.stats[ctx.group * N_STATS + S_OPEN]++;
  else addClosedTrade(ctx.stats, ctx.group, t.pnl, t.ret);
  if (ctx.trades !== null) {
    ctx.trades.push(c, dir, ctx.tEntryBar[c], open ? -1 : i, t, mae, mfe, open);
  }
  ctx.tDir[c] = 0;
}
