/**
 * The lake runner's computation and writes: the minute grid once for the range (a few
 * hundred rows a day), then the option bars and contracts read, prepared (and checked) and
 * turned into the table a few dates at a time, each piece's partitions written while the
 * next piece is read and computed. Every value of a row depends on its own date's rows and
 * the grid, so the partitions are those of the table built at once, byte for byte, and the
 * memory held is that of one piece (a whole chain's day with `chunkDates` 1), whatever the
 * range.
 *
 * @module
 */
import type pl from "nodejs-polars";
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
  /** Milliseconds spent reading the pieces' option bars and contracts. */
  readMs: number;
  /** Option bars read, over every piece. */
  optionBars: number;
}

/** The option bars and contracts of some dates, read for one piece. */
export interface PieceInputs {
  options: pl.DataFrame;
  contracts: pl.DataFrame;
}

/**
 * Consolidates and writes one `consolidated` partition per date of `dates` (sorted),
 * `chunkDates` dates at a time: `load` gives each piece's option bars and contracts (only
 * rows of those dates are written; others are counted). `grid` holds the underlying (with
 * every date of `dates`), VIX and news of the whole range.
 */
export async function consolidateInPieces(
  root: string,
  grid: Omit<ConsolidateInputs, "options" | "contracts">,
  dates: readonly string[],
  o: Resolved,
  options: {
    chunkDates: number;
    clock: () => number;
    load: (dates: readonly string[]) => Promise<PieceInputs>;
  },
): Promise<PiecesResult> {
  const { chunkDates, clock, load } = options;
  const t0 = clock();
  const onGrid = onGridFrame(grid, o);
  let computeMs = clock() - t0, readMs = 0, optionBars = 0;
  const counts = emptyCounts();
  const writer = await openDateWriter(
    root,
    "consolidated",
    o.underlying,
    datasetKey("consolidated"),
  );
  try {
    const next = (i: number) => {
      const p = load(dates.slice(i, i + chunkDates));
      p.catch(() => {}); // awaited below; a failure while a piece computes is not unhandled
      return p;
    };
    let loading = next(0);
    for (let i = 0; i < dates.length; i += chunkDates) {
      const tr = clock();
      const inputs = await loading;
      readMs += clock() - tr;
      const t = clock();
      const prepared = prepareOptionBars(inputs.options, inputs.contracts, onGrid);
      optionBars += inputs.options.height;
      const sources = tableSources(prepared, onGrid);
      const piece = tablePiece(sources, prepared, 0, prepared.bars.height, o, counts);
      computeMs += clock() - t;
      const written = writer.writeColumns(
        dates.slice(i, i + chunkDates),
        piece.columns,
        piece.days,
      );
      // The next piece is read while this one's partitions are encoded and committed.
      if (i + chunkDates < dates.length) loading = next(i + chunkDates);
      await written;
    }
  } catch (e) {
    await writer.finish().catch(() => {}); // the partitions under way complete and are recorded
    throw e;
  }
  return { outputs: await writer.finish(), counts, computeMs, readMs, optionBars };
}
