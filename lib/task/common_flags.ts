/**
 * Flag tables several tasks share, so the same thing has the same flag everywhere.
 *
 * @module
 */
import type { FlagSpec } from "./types.ts";

/** Which source to read: `--source`, `--base-url`, `--rate-limit`, `--seed`. */
export const SOURCE_FLAGS: Record<string, FlagSpec> = {
  source: "source.name",
  "base-url": "source.polygon.baseUrl",
  "rate-limit": "source.polygon.rateLimitPerMinute",
  seed: "source.sim.seed",
};

/** Option contract selection: `--underlyings`, `--calls`, `--puts`, `--strike-increment`... */
export const OPTION_FLAGS: Record<string, FlagSpec> = {
  underlyings: "options.underlyings",
  calls: "options.calls",
  puts: "options.puts",
  "strike-increment": "options.strikeIncrement",
  expiry: "options.expiry",
  "fixed-expiry": "options.fixedExpiry",
  select: "options.select",
  moneyness: "options.moneyness",
  "delta-min": "options.deltaMin",
  "delta-max": "options.deltaMax",
  "dte-min": "options.dteMin",
  "dte-max": "options.dteMax",
};
