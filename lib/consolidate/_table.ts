/**
 * The two halves of the table: the minute grid with everything that depends only on the
 * minute (underlying, indicators, VIX, news), and the table of prepared option bars, priced
 * and with their features, in table column order.
 *
 * @module
 */
import pl from "nodejs-polars";
import { tableColumns } from "./_columns.ts";
import { sessionDates, sessionGrid } from "./_grid.ts";
import { withNews } from "./_news.ts";
import type { PreparedBars } from "./_option_rows.ts";
import { columnsFrame } from "../lake/mod.ts";
import { emptyCounts } from "./_stats.ts";
import { tablePiece, tableSources } from "./_table_columns.ts";
import type { Resolved } from "./_resolve.ts";
import { underlyingOnGrid } from "./_underlying.ts";
import { withVix } from "./_vix.ts";
import type { ConsolidateInputs } from "./consolidate.ts";

/**
 * The session grid of every trading date in the underlying and option bars, with the
 * underlying's bars, `spot`, indicators, VIX, news and the `underlying` key beside each minute.
 */
export function onGridFrame(
  inputs: Omit<ConsolidateInputs, "options" | "contracts"> & { options?: pl.DataFrame },
  o: Resolved,
): pl.DataFrame {
  const frames = inputs.options ? [inputs.underlying, inputs.options] : [inputs.underlying];
  const grid = sessionGrid(sessionDates(frames));
  let onGrid = underlyingOnGrid(grid, inputs.underlying, o);
  onGrid = withVix(onGrid, inputs.vix, o.vixToleranceMin);
  return withNews(onGrid, inputs.news, o.newsLookbackMin).withColumns(
    pl.lit(o.underlying).alias("underlying"),
  );
}

/**
 * The table as a frame: the one table path (`_table_columns.ts`, typed arrays, as the lake
 * runner writes it) wrapped in Polars at the edge, with `underlying` and `date` added and the
 * columns in table order.
 */
export function tableFrame(
  prepared: PreparedBars,
  onGrid: pl.DataFrame,
  o: Resolved,
): pl.DataFrame {
  const n = prepared.bars.height;
  const piece = tablePiece(tableSources(prepared, onGrid), prepared, 0, n, o, emptyCounts());
  return columnsFrame(piece.columns, n).withColumns(
    pl.lit(o.underlying).alias("underlying"),
    pl.Series("date", piece.days, pl.Int32).cast(pl.Date),
  ).select(...tableColumns(o));
}
