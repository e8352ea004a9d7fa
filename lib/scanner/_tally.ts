/**
 * Counting events into the summary's categories, zeros included.
 *
 * @module
 */
import { MONEYNESS_BUCKETS } from "./event_schema.ts";

/** New York hours of the regular session (09:30–16:00), always listed even with no event. */
export const SESSION_HOURS = [9, 10, 11, 12, 13, 14, 15] as const;

/** Label of events without a moneyness bucket (no underlying price at the trigger). */
export const UNKNOWN_BUCKET = "unknown";

/** Counts by trigger hour: the session hours plus any other hour present, ascending. */
export function tallyHours(hours: readonly number[]): { hour: number[]; count: number[] } {
  const counts = new Map<number, number>(SESSION_HOURS.map((h) => [h, 0]));
  for (const h of hours) counts.set(h, (counts.get(h) ?? 0) + 1);
  const hour = [...counts.keys()].sort((a, b) => a - b);
  return { hour, count: hour.map((h) => counts.get(h)!) };
}

/** Counts by moneyness bucket in display order; `unknown` only when some bucket is null. */
export function tallyBuckets(
  buckets: readonly (string | null)[],
): { bucket: string[]; count: number[] } {
  const counts = new Map<string, number>(MONEYNESS_BUCKETS.map((b) => [b, 0]));
  for (const b of buckets) {
    const key = b ?? UNKNOWN_BUCKET;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bucket = [...counts.keys()];
  return { bucket, count: bucket.map((b) => counts.get(b)!) };
}
