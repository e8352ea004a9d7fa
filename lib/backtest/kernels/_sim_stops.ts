// Stop-loss, take-profit and trailing-stop checks on one bar's open/high/low.
import { R_STOP_LOSS, R_TAKE_PROFIT, R_TRAILING_STOP } from "./_enums.ts";
import { fill, type SimCtx } from "./_book.ts";

/** Stop distances as fractions of the entry price (or of the trailing extreme); 0 = off. */
export interface StopSpec {
  stopLoss: number;
  takeProfit: number;
  trailingStop: number;
}

/**
 * Checks column `c`'s stops on bar `i` and exits the whole position when one triggers.
 *
 * Fill rules (long; short mirrored): the adverse level is the higher of the stop-loss
 * `entry·(1−sl)` and the trailing stop `peak·(1−ts)`, where `entry` is the average fill
 * price and `peak` the highest price seen since entry up to the previous bar (the entry
 * fill counts); the favourable level is `entry·(1+tp)`. If the bar opens through a level
 * (a gap), the exit fills at the open. Otherwise the adverse level fills at the level when
 * `low` reaches it, else take-profit fills at its level when `high` reaches it; when both
 * are inside one bar the adverse stop is assumed first. Slippage and fees then apply as for
 * any order. Returns whether an exit happened.
 */
export function checkStops(ctx: SimCtx, c: number, i: number, s: StopSpec): boolean {
  const a = ctx.colPx[c] + i;
  const o = ctx.open[a], h = ctx.high[a], l = ctx.low[a];
  if (o !== o) return false;
  const dir = ctx.tDir[c];
  const entry = ctx.tEntryValue[c] / ctx.tEntryShares[c];
  let adverse = NaN, advReason = R_STOP_LOSS, fav = NaN, px = NaN, reason = 0;
  if (dir > 0) {
    if (s.stopLoss > 0) adverse = entry * (1 - s.stopLoss);
    if (s.trailingStop > 0) {
      const t = ctx.hi[c] * (1 - s.trailingStop);
      if (!(t <= adverse)) (adverse = t), (advReason = R_TRAILING_STOP);
    }
    if (s.takeProfit > 0) fav = entry * (1 + s.takeProfit);
    if (o <= adverse) (px = o), (reason = advReason);
    else if (o >= fav) (px = o), (reason = R_TAKE_PROFIT);
    else if (l <= adverse) (px = adverse), (reason = advReason);
    else if (h >= fav) (px = fav), (reason = R_TAKE_PROFIT);
  } else {
    if (s.stopLoss > 0) adverse = entry * (1 + s.stopLoss);
    if (s.trailingStop > 0) {
      const t = ctx.lo[c] * (1 + s.trailingStop);
      if (!(t >= adverse)) (adverse = t), (advReason = R_TRAILING_STOP);
    }
    if (s.takeProfit > 0) fav = entry * (1 - s.takeProfit);
    if (o >= adverse) (px = o), (reason = advReason);
    else if (o <= fav) (px = o), (reason = R_TAKE_PROFIT);
    else if (h >= adverse) (px = adverse), (reason = advReason);
    else if (l <= fav) (px = fav), (reason = R_TAKE_PROFIT);
  }
  if (px !== px) return false;
  return fill(ctx, c, i, -ctx.pos[c], px, reason, i + 1);
}
