// One group's bar loop: the hot path of the kernel, with accumulators kept in locals.
import { P_CLOSE, P_OPEN_LONG, P_OPEN_SHORT, P_ORDER, R_END, R_FORCED } from "./_enums.ts";
import { closeTrade, type SimCtx } from "./_book.ts";
import { execPending } from "./_sim_exec.ts";
import { checkStops, type StopSpec } from "./_sim_stops.ts";
import { closeAll } from "./_sim_mark.ts";
import * as S from "./_stats.ts";
import type { SimRecords } from "../types.ts";

/**
 * Read-only plan and settings shared by every group of one kernel call.
 *
 * Legend of the short names (vectorbt's signal names): `LE`/`LX` long entries/exits, `SE`/`SX`
 * short entries/exits (1 = signal on that bar), `OR` order sizes (NaN = no order); each is
 * one flat array of all columns' bars, and `oLE`, `oLX`, `oSE`, `oSX`, `oOR` hold each
 * column's offset into it (`LE[oLE[c] + i]` is column c's long entry on bar i). In `runGroup`,
 * `P` is this plan and `S` the statistics accumulators (`./_stats.ts`); pending intents are
 * the `P_*` codes of `./_enums.ts`.
 */
export interface GroupPlan {
  /** Long entries: 1 on a bar where a long position opens, or null for none. */
  LE: Int8Array | null;
  /** Long exits. */
  LX: Int8Array | null;
  /** Short entries. */
  SE: Int8Array | null;
  /** Short exits. */
  SX: Int8Array | null;
  /** Order sizes (size-type units), NaN for no order; null for signal strategies. */
  OR: Float64Array | null;
  /** Offsets of each column in LE (and likewise oLX, oSE, oSX, oOR). */
  oLE: Int32Array;
  oLX: Int32Array;
  oSE: Int32Array;
  oSX: Int32Array;
  oOR: Int32Array;
  /** Per column: what the plan holds (signals or orders). */
  kind: Int8Array;
  /** Per column: the position size of orders. */
  psize: Float64Array;
  entry: { sizeType: number; size: number };
  stops: StopSpec;
  hasStops: boolean;
  atClose: boolean;
  closeAtEnd: boolean;
  forceExitBar: number;
  initCash: number;
  rec: SimRecords | null;
}

/** Runs group `g` (columns `c0..c1`) over all bars and writes its accumulators. */
export function runGroup(ctx: SimCtx, P: GroupPlan, g: number, c0: number, c1: number): void {
  const n = ctx.n, close = ctx.close, high = ctx.high, low = ctx.low, pos = ctx.pos;
  const { LE, LX, SE, SX, OR, kind, psize, atClose, hasStops, rec } = P;
  ctx.group = g;
  ctx.cash = P.initCash;
  S.resetTradeStats(ctx.stats, g);
  let prev = P.initCash, peak = P.initCash, peakBar = -1, maxDD = 0, maxDur = 0;
  let nb = 0, s = 0, s2 = 0, d2 = 0, ex = 0, v = P.initCash, pending = 0;
  for (let i = 0; i < n; i++) {
    if (pending !== 0 && !atClose) {
      execPending(ctx, c0, c1, i, ctx.open, kind, psize, P.entry, i);
      pending = 0;
    }
    if (i === P.forceExitBar) closeAll(ctx, c0, c1, i, ctx.open, R_FORCED);
    if (hasStops) {
      for (let c = c0; c < c1; c++) {
        if (pos[c] !== 0 && i >= ctx.heldFrom[c]) checkStops(ctx, c, i, P.stops);
      }
    }
    if (atClose || i < n - 1) {
      for (let c = c0; c < c1; c++) {
        let k = 0;
        if (OR !== null) {
          const o = OR[P.oOR[c] + i];
          if (o === o) (k = P_ORDER), (psize[c] = o);
        } else {
          let le = LE !== null && LE[P.oLE[c] + i] !== 0,
            lx = LX !== null && LX[P.oLX[c] + i] !== 0;
          let se = SE !== null && SE[P.oSE[c] + i] !== 0,
            sx = SX !== null && SX[P.oSX[c] + i] !== 0;
          if (le || lx || se || sx) {
            if (le && lx) le = lx = false;
            if (se && sx) se = sx = false;
            if (le && se) le = se = false;
            const q = pos[c];
            if (q > 0) k = se ? P_OPEN_SHORT : lx ? P_CLOSE : 0;
            else if (q < 0) k = le ? P_OPEN_LONG : sx ? P_CLOSE : 0;
            else k = le ? P_OPEN_LONG : se ? P_OPEN_SHORT : 0;
          }
        }
        if (k !== 0) (kind[c] = k), pending++;
      }
      if (pending !== 0 && atClose) {
        execPending(ctx, c0, c1, i, close, kind, psize, P.entry, i + 1);
        pending = 0;
      }
    }
    if (P.closeAtEnd && i === n - 1) closeAll(ctx, c0, c1, i, close, R_END);
    // Mark to market at the close (a NaN close keeps the last price).
    v = ctx.cash;
    let gross = 0, exposed = false;
    for (let c = c0; c < c1; c++) {
      const a = ctx.colPx[c] + i;
      const p = close[a];
      if (p === p) ctx.lastPx[c] = p;
      const q = pos[c];
      if (q === 0) continue;
      const x = q * ctx.lastPx[c];
      v += x;
      gross += Math.abs(x);
      exposed = true;
      if (i >= ctx.heldFrom[c]) {
        if (high[a] > ctx.hi[c]) ctx.hi[c] = high[a];
        if (low[a] < ctx.lo[c]) ctx.lo[c] = low[a];
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
    nb++;
    s += r;
    s2 += r * r;
    if (r < 0) d2 += r * r;
    if (exposed) ex++;
    if (rec !== null) {
      const k = g * n + i;
      rec.value[k] = v;
      rec.cash[k] = ctx.cash;
      rec.exposure[k] = v > 0 ? gross / v : NaN;
    }
  }
  for (let c = c0; c < c1; c++) if (ctx.tDir[c] !== 0) closeTrade(ctx, c, n - 1, true);
  const st = ctx.stats, o = g * S.N_STATS;
  st[o + S.S_BARS] = nb;
  st[o + S.S_SUM_R] = s;
  st[o + S.S_SUM_R2] = s2;
  st[o + S.S_SUM_DOWN2] = d2;
  st[o + S.S_INIT] = P.initCash;
  st[o + S.S_FINAL] = v;
  st[o + S.S_MAX_DD] = maxDD;
  st[o + S.S_MAX_DD_BARS] = maxDur;
  st[o + S.S_EXPOSURE_BARS] = ex;
}
