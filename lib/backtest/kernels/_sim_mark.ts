// Forced exits of every open position of a group.
import { fill, type SimCtx } from "./_book.ts";

/** Closes every open position of columns `c0..c1` at row `i` of `px`. */
export function closeAll(
  ctx: SimCtx,
  c0: number,
  c1: number,
  i: number,
  px: Float64Array,
  reason: number,
): void {
  for (let c = c0; c < c1; c++) {
    const q = ctx.pos[c];
    const p = px[ctx.colPx[c] + i];
    if (q !== 0 && p === p) fill(ctx, c, i, -q, p, reason, i + 1);
  }
}
