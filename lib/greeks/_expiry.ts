// Shared by yearsToExpiry and yearsToExpiryColumn.
import { nyToUtcMs } from "../calendar/mod.ts";

/**
 * UTC ms of 16:00 New York time on the expiry date (09:30 for AM settlement); RangeError
 * naming the task otherwise.
 */
export function expiryCloseMs(expiry: string, settlement: "am" | "pm" = "pm"): number {
  try {
    return settlement === "am" ? nyToUtcMs(expiry, 9, 30) : nyToUtcMs(expiry, 16);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new RangeError(`Cannot compute years to expiry: ${message}`, { cause });
  }
}

/** RangeError unless tsMs is finite. */
export function checkTs(tsMs: number, row?: number): void {
  if (!Number.isFinite(tsMs)) {
    const where = row === undefined ? "" : ` at row ${row}`;
    throw new RangeError(
      `Cannot compute years to expiry: tsMs must be finite, got ${tsMs}${where}`,
    );
  }
}
