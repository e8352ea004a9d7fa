/**
 * The two halves of the table: the minute grid with everything that depends only on the
 * minute (underlying, indicators, VIX, news), and the table rows of any range of prepared
 * option bars, priced and with their features, in table column order.
 *
 * @module
 */
import pl from "nodejs-polars";
import { tableColumns } from "./_columns.ts";
import { sessionDates, sessionGrid } from "./_grid.ts";
import { withNews } from "./_news.ts";
import { optionFeatures } from "./_option_features.ts";
import { type PreparedBars, pricedRows } from "./_option_rows.ts";
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
 * The table's rows for prepared bars [start, end): priced rows beside their features (which
 * never reach across a contract-day, so any whole number of dates gives the same rows).
 */
export function tableRows(
  prepared: PreparedBars,
  onGrid: pl.DataFrame,
  start: number,
  end: number,
  o: Resolved,
): pl.DataFrame {
  const rows = pricedRows(prepared, onGrid, start, end, o);
  return pl.concat([rows, optionFeatures(rows, o.featureLags)], { how: "horizontal" })
    .select(...tableColumns(o));
}
