// Executing pending intents of one group at one price point (an open or a close).
import {
  P_CLOSE,
  P_OPEN_LONG,
  P_OPEN_SHORT,
  P_ORDER,
  R_ORDER,
  R_SIGNAL,
  SZ_PERCENT,
  SZ_SHARES,
  SZ_TARGET_PERCENT,
  SZ_TARGET_SHARES,
  SZ_TARGET_VALUE,
  SZ_VALUE,
} from "./_enums.ts";
import { fill, type SimCtx } from "./_book.ts";

/** Group value with every column marked at `px` (open or close row `i`), last price if NaN. */
export function groupValue(ctx: SimCtx, c0: number, c1: number, px: Float64Array, i: number) {
  let v = ctx.cash;
  for (let c = c0; c < c1; c++) {
    const q = ctx.pos[c];
    if (q === 0) continue;
    const p = px[ctx.colPx[c] + i];
    v += q * (p === p ? p : ctx.lastPx[c]);
  }
  return v;
}

/** Signed share delta of an order of `size` (of `sizeType`) at price `p`. */
export function orderDelta(sizeType: number, size: number, pos: number, p: number, equity: number) {
  switch (sizeType) {
    case SZ_SHARES:
      return size;
    case SZ_VALUE:
      return size / p;
    case SZ_PERCENT:
      return (size * equity) / p;
    case SZ_TARGET_SHARES:
      return size - pos;
    case SZ_TARGET_VALUE:
      return size / p - pos;
    case SZ_TARGET_PERCENT:
      return (size * equity) / p - pos;
  }
  return NaN;
}

/**
 * Executes the pending intents of columns `c0..c1` at row `i` of `px`: sales first, then
 * purchases, so a rebalance frees cash before it spends it. Order sizes (`P_ORDER`) use the
 * group value before any of this step's fills; signal entries use it at their own fill.
 */
export function execPending(
  ctx: SimCtx,
  c0: number,
  c1: number,
  i: number,
  px: Float64Array,
  kind: Int8Array,
  size: Float64Array,
  entry: { sizeType: number; size: number },
  startBar: number,
): void {
  const eq0 = groupValue(ctx, c0, c1, px, i);
  for (let pass = 0; pass < 2; pass++) {
    for (let c = c0; c < c1; c++) {
      const k = kind[c];
      if (k === 0) continue;
      const p = px[ctx.colPx[c] + i];
      const pos = ctx.pos[c];
      let delta: number;
      if (k === P_ORDER) delta = orderDelta(entry.sizeType, size[c], pos, p, eq0);
      else if (k === P_CLOSE) delta = -pos;
      else if (k === P_OPEN_LONG) delta = pos > 0 ? 0 : pos < 0 ? -pos : 1;
      else delta = pos < 0 ? 0 : pos > 0 ? -pos : -1;
      if (delta === 0 || delta !== delta) {
        kind[c] = 0;
        continue;
      }
      if ((pass === 0) !== (delta < 0)) continue;
      kind[c] = 0;
      const reason = k === P_ORDER ? R_ORDER : R_SIGNAL;
      if (k === P_ORDER || k === P_CLOSE || pos !== 0) {
        fill(ctx, c, i, delta, p, reason, startBar);
      }
      if ((k === P_OPEN_LONG || k === P_OPEN_SHORT) && ctx.pos[c] === 0) {
        const sign = k === P_OPEN_LONG ? 1 : -1;
        const eq = groupValue(ctx, c0, c1, px, i);
        const q = entryShares(entry.sizeType, entry.size, p, eq);
        if (q > 0) fill(ctx, c, i, sign * q, p, R_SIGNAL, startBar);
      }
    }
  }
}

/** Unsigned shares of a signal entry at price `p` with group value `equity`. */
function entryShares(sizeType: number, size: number, p: number, equity: number): number {
  if (sizeType === SZ_SHARES) return size;
  if (sizeType === SZ_VALUE) return size / p;
  return (size * equity) / p;
}
