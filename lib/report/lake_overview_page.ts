/**
 * A page showing what a lake holds and one trading day of it: the datasets table, the
 * underlying's candles with the VIX, and the day's option closes.
 *
 * @module
 */
import pl from "nodejs-polars";
import { candlestickFigure } from "./candlestick_figure.ts";
import { lineFigure } from "./line_figure.ts";
import { reportPage, type ReportSection } from "./report_page.ts";
import type { Figure } from "./types.ts";

/** What {@linkcode lakeOverviewPage} shows. */
export interface LakeOverviewPageSpec {
  title: string;
  metadata?: Record<string, string | number | boolean>;
  /** One row per dataset (e.g. `lakeSummaryFrame(await lakeSummary(root))`). */
  datasets: pl.DataFrame;
  /** The day shown, `YYYY-MM-DD`. */
  date: string;
  /** The underlying's minute bars of that day (`ts`, OHLC, `volume`). */
  underlying: pl.DataFrame;
  /** The VIX minute bars of that day (`ts`, `close`), if any. */
  vix?: pl.DataFrame;
  /** Option minute bars of that day (`ticker`, `ts`, `close`), if any. */
  options?: pl.DataFrame;
}

/** Builds the page (a self-contained HTML string). */
export function lakeOverviewPage(spec: LakeOverviewPageSpec): string {
  const { title, metadata, datasets, date, underlying, vix, options } = spec;
  const day: ReportSection = {
    heading: `One day: ${date}`,
    blocks: [{ figure: candlestickFigure(underlying, { title: `Underlying, ${date}` }) }],
  };
  if (vix && vix.height > 0) {
    day.blocks.push({ figure: lineFigure(vix, { y: "close", title: `VIX, ${date}` }) });
  }
  if (options && options.height > 0) day.blocks.push({ figure: optionCloses(options, date) });
  return reportPage({
    title,
    metadata,
    sections: [
      { heading: "Datasets", blocks: [{ table: datasets, title: "The lake", maxRows: 50 }] },
      day,
    ],
  });
}

function optionCloses(options: pl.DataFrame, date: string): Figure {
  const tickers = [...new Set(options.getColumn("ticker").toArray() as string[])].sort();
  const wide = tickers.reduce<pl.DataFrame | null>((acc, t) => {
    const one = options.filter(pl.col("ticker").eq(pl.lit(t))).select(
      "ts",
      pl.col("close").alias(t),
    );
    return acc === null ? one : acc.join(one, { on: "ts", how: "full", coalesce: true });
  }, null)!.sort("ts");
  const fig = lineFigure(wide, {
    y: tickers,
    title: `Option closes, ${date} (minutes with trades)`,
  });
  // Minutes without trades are absent, not zero: draw straight across them.
  fig.data = fig.data.map((trace) => ({ ...trace, connectgaps: true }));
  return fig;
}
