/**
 * Checks scan options and fills the defaults.
 *
 * @module
 */
import {
  SCAN_DEFAULTS,
  SCAN_DIRECTIONS,
  SCAN_PRICES,
  SCAN_REFERENCES,
  type ScanOptions,
} from "./options.ts";

/** Scan options with every default filled in and checked. */
export type ResolvedScan = Required<ScanOptions>;

function oneOf<T extends string>(what: string, allowed: readonly T[], value: unknown): T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(
      `Cannot scan: ${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

function intIn(what: string, min: number, max: number, value: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `Cannot scan: ${what} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

/**
 * The options with defaults, or a RangeError naming the bad option.
 *
 * @throws {RangeError} for a threshold that is not a positive finite number, an unknown
 *   reference, direction or price, or a window or gap tolerance out of range.
 */
export function resolveScan(options: ScanOptions = {}): ResolvedScan {
  const {
    threshold = SCAN_DEFAULTS.threshold,
    reference = SCAN_DEFAULTS.reference,
    windowMin = SCAN_DEFAULTS.windowMin,
    direction = SCAN_DEFAULTS.direction,
    gapToleranceMin = SCAN_DEFAULTS.gapToleranceMin,
    price = SCAN_DEFAULTS.price,
  } = options;
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold <= 0) {
    throw new RangeError(`Cannot scan: threshold must be a number > 0, got ${threshold}`);
  }
  return {
    threshold,
    reference: oneOf("reference", SCAN_REFERENCES, reference),
    windowMin: intIn("windowMin", 1, 390, windowMin),
    direction: oneOf("direction", SCAN_DIRECTIONS, direction),
    gapToleranceMin: intIn("gapToleranceMin", 0, 390, gapToleranceMin),
    price: oneOf("price", SCAN_PRICES, price),
  };
}
