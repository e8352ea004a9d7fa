// The one-column fast path of the kernel: same semantics as runGroup, state in locals.
import { P_CLOSE, P_OPEN_LONG, P_OPEN_SHORT, P_ORDER, R_END, R_FORCED } from "./_enums.ts";
import { closeTrade, type SimCtx } from "./_book.ts";
import { execPending } from "./_sim_exec.ts";
import type { GroupPlan } from "./_sim_group.ts";
import { checkStops } from "./_sim_stops.ts";
import { closeAll } from "./_sim_mark.ts";
import * as S from "./_stats.ts";

/** Runs group `g` made of the single column `c` (see runGroup for the bar steps). */
export function runSingle(ctx: SimCtx, P: GroupPlan, g: number, c: number): void {
  const n = ctx.n, close = ctx.close, high = ctx.high, low = ctx.low, pos = ctx.pos;
  const { LE, LX, SE, SX, OR, kind, psize, atClose, hasStops, rec, forceExitBar } = P;
  const base = ctx.colPx[c], oLE = P.oLE[c], oLX = P.oLX[c], oSE = P.oSE[c], oSX = P.oSX[c];
  const oOR = P.oOR[c], last = atClose ? n : n - 1, closeAtEnd = P.closeAtEnd;
  // Trade extremes feed only trailing stops and the MAE/MFE of trade records.
  const extremes = hasStops || rec !== null;
  ctx.group = g;
  ctx.cash = P.initCash;
  S.resetTradeStats(ctx.stats, g);
  let cash = P.initCash, q = 0, lastPx = NaN, pending = false;
  let prev = cash, peak = cash, peakBar = -1, maxDD = 0, maxDur = 0;
  let s = 0, s2 = 0, d2 = 0, ex = 0, v = cash;
  for (let i = 0; i < n; i++) {
    if (pending && !atClose) {
      ctx.lastPx[c] = lastPx;
      execPending(ctx, c, c + 1, i, ctx.open, kind, psize, P.entry, i);
      pending = false;
      (q = pos[c]), (cash = ctx.cash);
    }
    if (i === forceExitBar) {
      (ctx.lastPx[c] = lastPx),
        closeAll(ctx, c, c + 1, i, ctx.open, R_FORCED),
        (q = pos[c]),
        (cash = ctx.cash);
    }
    if (hasStops && q !== 0 && i >= ctx.heldFrom[c]) {
      checkStops(ctx, c, i, P.stops);
      (q = pos[c]), (cash = ctx.cash);
    }
    if (i < last) {
      let k = 0;
      if (OR !== null) {
        const o = OR[oOR + i];
        if (o === o) (k = P_ORDER), (psize[c] = o);
      } else {
        let le = LE !== null && LE[oLE + i] !== 0, lx = LX !== null && LX[oLX + i] !== 0;
        let se = SE !== null && SE[oSE + i] !== 0, sx = SX !== null && SX[oSX + i] !== 0;
        if (le || lx || se || sx) {
          if (le && lx) le = lx = false;
          if (se && sx) se = sx = false;
          if (le && se) le = se = false;
          if (q > 0) k = se ? P_OPEN_SHORT : lx ? P_CLOSE : 0;
          else if (q < 0) k = le ? P_OPEN_LONG : sx ? P_CLOSE : 0;
          else k = le ? P_OPEN_LONG : se ? P_OPEN_SHORT : 0;
        }
      }
      if (k !== 0) {
        kind[c] = k;
        pending = true;
        if (atClose) {
          ctx.lastPx[c] = lastPx;
          execPending(ctx, c, c + 1, i, close, kind, psize, P.entry, i + 1);
          pending = false;
          (q = pos[c]), (cash = ctx.cash);
        }
      }
    }
    if (closeAtEnd && i === n - 1) {
      closeAll(ctx, c, c + 1, i, close, R_END), (q = pos[c]), (cash = ctx.cash);
    }
    const p = close[base + i];
    if (p === p) lastPx = p;
    v = cash;
    if (q !== 0) {
      v += q * lastPx;
      ex++;
      if (extremes && i >= ctx.heldFrom[c]) {
        if (high[base + i] > ctx.hi[c]) ctx.hi[c] = high[base + i];
        if (low[base + i] < ctx.lo[c]) ctx.lo[c] = low[base + i];
      }
    }
    // Same arithmetic as accumulateEquity.
    const r = prev > 0 ? v / prev - 1 : 0;
    prev = v;
    if (v >= peak) {
      if (peakBar < i - 1 && i - peakBar > maxDur) maxDur = i - peakBar;
      peak = v;
      peakBar = i;
    } else {
      const dd = v / peak - 1;
      if (dd < maxDD) maxDD = dd;
      if (i - peakBar > maxDur) maxDur = i - peakBar;
    }
    s += r;
    s2 += r * r;
    if (r < 0) d2 += r * r;
    if (rec !== null) {
      const k = g * n + i;
      rec.value[k] = v;
      rec.cash[k] = cash;
      rec.exposure[k] = v > 0 ? Math.abs(q * lastPx) / v : NaN;
    }
  }
  ctx.lastPx[c] = lastPx;
  if (ctx.tDir[c] !== 0) closeTrade(ctx, c, n - 1, true);
  const st = ctx.stats, o = g * S.N_STATS;
  st[o + S.S_BARS] = n;
  st[o + S.S_SUM_R] = s;
  st[o + S.S_SUM_R2] = s2;
  st[o + S.S_SUM_DOWN2] = d2;
  st[o + S.S_INIT] = P.initCash;
  st[o + S.S_FINAL] = v;
  st[o + S.S_MAX_DD] = maxDD;
  st[o + S.S_MAX_DD_BARS] = maxDur;
  st[o + S.S_EXPOSURE_BARS] = ex;
}
