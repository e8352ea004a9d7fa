/**
 * Kernel: events as flat records, from prices and references in scan order.
 *
 * @module
 */
import type { OrderedPrices } from "./_reference.ts";

/** Moves within this of the threshold count as reaching it (float noise: 1.2 / 1 - 1). */
export const THRESHOLD_EPS = 1e-9;

/** Events as parallel arrays; indices point into the ordered (scan-order) arrays. */
export interface EventRecords {
  /** Contract-day of each event. */
  group: number[];
  /** +1 for an up event, -1 for a down event. */
  sign: number[];
  /** First above-threshold minute (the trigger). */
  first: number[];
  /** Last above-threshold minute. */
  last: number[];
  /** Minute of the peak move (the first one on ties). */
  peak: number[];
  /** Peak move as a signed fraction of the reference (negative for down events). */
  peakMove: number[];
  /** Above-threshold minutes in the event. */
  minutesAbove: number[];
  /** True when no traded minute below threshold came after the event that day. */
  toClose: boolean[];
}

/** Thresholds of a kernel run. */
export interface EventRules {
  threshold: number;
  up: boolean;
  down: boolean;
  gapToleranceMin: number;
}

/**
 * Finds the events of every contract-day: maximal runs of above-threshold minutes in one
 * direction, where two consecutive above minutes belong to one run when no traded minute
 * lies between them and at most `gapToleranceMin` minutes are missing between them.
 */
export function findEvents(p: OrderedPrices, ref: Float64Array, rules: EventRules): EventRecords {
  const rec: EventRecords = {
    group: [],
    sign: [],
    first: [],
    last: [],
    peak: [],
    peakMove: [],
    minutesAbove: [],
    toClose: [],
  };
  const { tsMs, upPrice, downPrice, start } = p;
  const bar = rules.threshold - THRESHOLD_EPS;
  const gapMs = (rules.gapToleranceMin + 1) * 60_000;
  const signs = [...(rules.up ? [1] : []), ...(rules.down ? [-1] : [])];
  for (let g = 0; g + 1 < start.length; g++) {
    for (const sign of signs) {
      const price = sign > 0 ? upPrice : downPrice;
      let open = false, first = 0, last = 0, peak = 0, peakMove = 0, count = 0;
      const close = (toClose: boolean) => {
        rec.group.push(g);
        rec.sign.push(sign);
        rec.first.push(first);
        rec.last.push(last);
        rec.peak.push(peak);
        rec.peakMove.push(peakMove);
        rec.minutesAbove.push(count);
        rec.toClose.push(toClose);
      };
      for (let i = start[g]; i < start[g + 1]; i++) {
        const r = ref[i];
        const move = r > 0 ? price[i] / r - 1 : NaN;
        if (sign * move >= bar) {
          if (open && tsMs[i] - tsMs[last] <= gapMs) {
            count++;
            last = i;
            if (sign * move > sign * peakMove) {
              peak = i;
              peakMove = move;
            }
          } else {
            if (open) close(false);
            open = true;
            first = last = peak = i;
            peakMove = move;
            count = 1;
          }
        } else if (open) {
          close(false);
          open = false;
        }
      }
      if (open) close(true);
    }
  }
  return rec;
}
