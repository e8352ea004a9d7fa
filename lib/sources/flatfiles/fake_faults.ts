/**
 * Faults the fake flat-file server injects in front of the S3 server, switchable while it
 * runs (the tests flip them between imports).
 *
 * @module
 */

/** Which faults are on. Counts are consumed request by request. */
export interface FlatFileFaults {
  /** Delay before each 64 KiB of a body, ms (a slow link). */
  slowMs?: number;
  /** Object GETs whose body is cut off (connection reset) after `resetAfterBytes`. */
  resets?: number;
  /** Bytes sent before a reset. @default half the object */
  resetAfterBytes?: number;
  /** Requests answered 503 SlowDown before serving again. */
  slowDowns?: number;
  /** Every request answered 403 AccessDenied while true. */
  forbidden?: boolean;
}

/** The names the CLI accepts (`--faults slow,reset,503,403`). */
export const FLAT_FILE_FAULT_NAMES = ["slow", "reset", "503", "403"] as const;

/**
 * Reads a comma-separated fault list.
 *
 * @example
 * ```ts
 * import { parseFlatFileFaults } from "./fake_faults.ts";
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(parseFlatFileFaults("reset,503", { count: 2 }), { resets: 2, slowDowns: 2 });
 * ```
 * @throws {RangeError} for an unknown name.
 */
export function parseFlatFileFaults(
  list: string,
  options: { count?: number; slowMs?: number } = {},
): FlatFileFaults {
  const { count = 1, slowMs = 200 } = options;
  const out: FlatFileFaults = {};
  for (const name of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (name === "slow") out.slowMs = slowMs;
    else if (name === "reset") out.resets = count;
    else if (name === "503") out.slowDowns = count;
    else if (name === "403") out.forbidden = true;
    else {
      throw new RangeError(
        `Unknown fault "${name}": use any of ${FLAT_FILE_FAULT_NAMES.join(", ")}`,
      );
    }
  }
  return out;
}
