/**
 * The lake runner's computation and writes: the minute grid once, the option bars prepared
 * (and checked) once, then the table a few dates at a time, each piece's partitions written by
 * Polars while the next piece is computed. Every value of a row depends on its own date's rows
 * and the grid, so the partitions are those of the table built at once, byte for byte.
 *
 * @module
 */
import { datasetKey } from "../lake/mod.ts";
import { openDateWriter } from "./_date_writer.ts";
import type { LakeItem } from "./_lake_io.ts";
import { prepareOptionBars } from "./_option_rows.ts";
import type { Resolved } from "./_resolve.ts";
import { emptyCounts, type TableCounts } from "./_stats.ts";
import { onGridFrame } from "./_table.ts";
import { tablePiece, tableSources } from "./_table_columns.ts";
import type { ConsolidateInputs } from "./consolidate.ts";

/** What {@linkcode consolidateInPieces} wrote and counted. */
export interface PiecesResult {
  outputs: LakeItem[];
  counts: TableCounts;
  /** Milliseconds spent computing (the writes overlap all but the first piece). */
  computeMs: number;
}

/** The first index of `days` (ascending) whose value is >= `day`. */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Consolidates `inputs` and writes one `consolidated` partition per date of `dates` (sorted),
 * `chunkDates` dates computed at a time. Rows of dates outside `dates` are counted, not written.
 */
export async function consolidateInPieces(
  root: string,
  inputs: ConsolidateInputs,
  dates: readonly string[],
  o: Resolved,
  options: { chunkDates: number; clock: () => number },
): Promise<PiecesResult> {
  const { chunkDates, clock } = options;
  const t0 = clock();
  const onGrid = onGridFrame(inputs, o);
  const prepared = prepareOptionBars(inputs.options, inputs.contracts, onGrid);
  const sources = tableSources(prepared, onGrid);
  let computeMs = clock() - t0;
  const counts = emptyCounts();
  const writer = await openDateWriter(
    root,
    "consolidated",
    o.underlying,
    datasetKey("consolidated"),
  );
  let start = 0;
  try {
    for (let i = 0; i < dates.length; i += chunkDates) {
      const t = clock();
      const next = dates[i + chunkDates];
      const end = next === undefined
        ? prepared.bars.height
        : lowerBound(prepared.days, dayNumber(next));
      const piece = tablePiece(sources, prepared, start, end, o, counts);
      computeMs += clock() - t;
      start = end;
      await writer.writeColumns(dates.slice(i, i + chunkDates), piece.columns, piece.days);
    }
  } catch (e) {
    await writer.finish().catch(() => {}); // the partitions under way complete and are recorded
    throw e;
  }
  return { outputs: await writer.finish(), counts, computeMs };
}
