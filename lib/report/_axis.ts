import { numbers } from "./_columns.ts";
import { type RangeBreak, tradingRangeBreaks } from "./_rangebreaks.ts";
import { localParts } from "./_time.ts";
import type { Columns } from "./types.ts";

/** Options shared by the time-axis builders. */
export interface TimeAxisOptions {
  /** Time zone the axis shows wall-clock time in. @default "America/New_York" */
  timeZone?: string;
  /** Hide weekends, overnight hours and missing weekdays, as trading charts do. @default true */
  hideGaps?: boolean;
}

/** X values (wall-clock text) and range breaks for a column of UTC epoch ms or Dates. */
export function timeAxis(
  table: Columns,
  name: string,
  options: TimeAxisOptions,
  what: string,
): { x: (string | null)[]; rangebreaks: RangeBreak[]; title: string } {
  const { timeZone = "America/New_York", hideGaps = true } = options;
  const parts = localParts(numbers(table, name, what), timeZone, what);
  return {
    x: parts.map((p) => (p === null ? null : p.text)),
    rangebreaks: hideGaps ? tradingRangeBreaks(parts) : [],
    title: `time (${timeZone})`,
  };
}
