/**
 * Field schemas shared by the config sections, each with a message that says what is
 * allowed.
 *
 * @module
 */
import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
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
