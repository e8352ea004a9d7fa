/**
 * Kernel: the reference price of every minute, contract-day by contract-day, on arrays
 * already in scan order.
 *
 * @module
 */
import type { ScanReference } from "./options.ts";

/** Minute prices in scan order (contract-day by contract-day, ts ascending). */
export interface OrderedPrices {
  tsMs: Float64Array;
  open: Float64Array;
  /** The price compared for up moves: high (or close). */
  upPrice: Float64Array;
  /** The price compared for down moves: low (or close). */
  downPrice: Float64Array;
  /** Offsets of the contract-days, length G + 1. */
  start: Int32Array;
}

/**
 * Fills `out[i]` with the reference of minute i: the contract-day's first open for `open`;
 * for `rolling_low` the lowest `downPrice` and for `rolling_high` the highest `upPrice` over
 * the bars with ts in [ts_i − window, ts_i) of the same contract-day (NaN when there is none).
 * A monotonic deque makes it O(n).
 */
export function fillReference(
  p: OrderedPrices,
  reference: ScanReference,
  windowMin: number,
  out: Float64Array,
): Float64Array {
  const { tsMs, start } = p;
  if (reference === "open") {
    for (let g = 0; g + 1 < start.length; g++) {
      const ref = p.open[start[g]];
      out.fill(ref, start[g], start[g + 1]);
    }
    return out;
  }
  const low = reference === "rolling_low";
  const price = low ? p.downPrice : p.upPrice;
  const windowMs = windowMin * 60_000;
  const deque = new Int32Array(tsMs.length);
  for (let g = 0; g + 1 < start.length; g++) {
    let head = 0, tail = 0;
    for (let i = start[g]; i < start[g + 1]; i++) {
      const from = tsMs[i] - windowMs;
      while (head < tail && tsMs[deque[head]] < from) head++;
      out[i] = head < tail ? price[deque[head]] : NaN;
      const x = price[i];
      if (low) { while (head < tail && price[deque[tail - 1]] >= x) tail--; }
      else while (head < tail && price[deque[tail - 1]] <= x) tail--;
      deque[tail++] = i;
    }
  }
  return out;
}
