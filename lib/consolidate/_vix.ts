/**
 * VIX on the grid: as-of backward, so a row carries the latest VIX bar that started at or
 * before its minute, never a later one.
 *
 * @module
 */
import pl from "nodejs-polars";
import { nullColumn, rejectDuplicates, requireColumns, tsMs } from "./_frames.ts";

/** VIX columns of the table. */
export const VIX_COLUMNS = ["vix_open", "vix_high", "vix_low", "vix_close"] as const;

/**
 * Adds `vix_open`, `vix_high`, `vix_low`, `vix_close` to a frame sorted by `ts`: the bar with
 * the greatest `ts` ≤ the row's `ts` (the same minute included, as both bars close together),
 * at most `toleranceMin` minutes old (`null`: no limit). Null before the first bar, and
 * everywhere when `vix` is null.
 */
export function withVix(
  grid: pl.DataFrame,
  vix: pl.DataFrame | null | undefined,
  toleranceMin: number | null,
): pl.DataFrame {
  if (!vix) return grid.withColumns(...VIX_COLUMNS.map((c) => nullColumn(c, pl.Float64)));
  requireColumns(vix, "the VIX frame", ["ts", "open", "high", "low", "close"]);
  const bars = vix.select(
    tsMs(),
    ...["open", "high", "low", "close"].map((c) => pl.col(c).cast(pl.Float64).alias(`vix_${c}`)),
  ).sort("ts");
  rejectDuplicates(bars, "the VIX frame", ["ts"]);
  return grid.joinAsof(bars, {
    on: "ts",
    strategy: "backward",
    ...(toleranceMin === null ? {} : { tolerance: toleranceMin * 60_000 }),
  });
}
