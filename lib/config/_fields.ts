/**
 * Field schemas shared by the config sections, each with a message that says what is
 * allowed.
 *
 * @module
 */
import { z } from "zod";
import { parseIsoDate } from "../calendar/mod.ts";

/** True for a real calendar date written `YYYY-MM-DD` (the calendar's one date parser). */
export function isIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

/** A `YYYY-MM-DD` date string. */
export const isoDate = z.string({ error: "is not a date (YYYY-MM-DD)" }).refine(isIsoDate, {
  error: "is not a date (YYYY-MM-DD)",
});

/** A ticker such as `SPY`, `BRK.B` or `I:VIX`. */
export const ticker = z.string().regex(/^(I:)?[A-Z][A-Z0-9.]{0,9}$/, {
  error: "is not a ticker (upper-case letters, digits and dots; indices start with I:)",
});

/** A whole number in `[min, max]`. */
export const intIn = (min: number, max: number) =>
  z.number({ error: `is not a number (a whole number from ${min} to ${max})` }).int({
    error: `is not a whole number (from ${min} to ${max})`,
  }).min(min, { error: `is out of range (from ${min} to ${max})` }).max(max, {
    error: `is out of range (from ${min} to ${max})`,
  });

/** A number in `[min, max]`. */
export const numIn = (min: number, max: number) =>
  z.number({ error: `is not a number (from ${min} to ${max})` }).min(min, {
    error: `is out of range (from ${min} to ${max})`,
  }).max(max, { error: `is out of range (from ${min} to ${max})` });

/** One of the given words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `is not one of ${values.join(", ")}` });
