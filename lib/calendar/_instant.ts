// Checked UTC instant -> New York wall-clock ms, shared by nyDate and nyClock.
import { TZ_MAX_MS, TZ_MIN_MS, utcToWallMs } from "./_tz.ts";

/** New York wall-clock ms of a UTC instant; RangeError outside 1970–2099 or for NaN. */
export function checkedWallMs(doing: string, tsMs: number): number {
  if (!(tsMs >= TZ_MIN_MS && tsMs < TZ_MAX_MS)) {
    throw new RangeError(
      `Cannot ${doing}: tsMs must be a UTC epoch ms within New York years 1970-2099, got ${tsMs}`,
    );
  }
  return utcToWallMs(tsMs);
}
