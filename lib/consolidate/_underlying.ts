/**
 * The underlying on the session minute grid: its bars, the forward-filled `spot`, the
 * indicators and the lagged changes of `spot`.
 *
 * @module
 */
import pl from "nodejs-polars";
import { bollinger, macd, roc, rsi } from "../indicators/mod.ts";
import { laggedPctChanges } from "./features.ts";
import { rejectDuplicates, requireColumns, tsMs } from "./_frames.ts";
import type { Resolved } from "./_resolve.ts";

/** Bar columns of the underlying kept in the table, as `underlying_<name>`. */
export const UNDERLYING_BAR_COLUMNS = ["open", "high", "low", "close", "volume", "vwap"] as const;

/** The indicator column names for the resolved options, in table order. */
export function indicatorNames(o: Resolved): string[] {
  return [
    `rsi_${o.indicators.rsiWindow}`,
    "macd",
    "macd_signal",
    "macd_hist",
    "bb_middle",
    "bb_upper",
    "bb_lower",
    "bb_pct_b",
    "bb_bandwidth",
    ...o.indicators.rocWindows.map((w) => `roc_${w}`),
  ];
}

/** The indicator expressions on `spot` (per session unless `indicators.session` is false). */
function indicatorExprs(o: Resolved): pl.Expr[] {
  const i = o.indicators;
  const scope = i.session ? { session: "date" } : {};
  return [
    rsi("spot", { window: i.rsiWindow, ...scope }),
    ...macd("spot", { fast: i.macdFast, slow: i.macdSlow, signal: i.macdSignal, ...scope }),
    ...bollinger("spot", { window: i.bollingerWindow, stdDevs: i.bollingerStdDevs, ...scope }),
    ...roc("spot", { windows: i.rocWindows, ...scope }),
  ];
}

/**
 * Left-joins the underlying's bars onto the grid and adds `spot` (the last close of the
 * session so far), the indicators on `spot` and `spot_pct_change_<lag>` (per session).
 */
export function underlyingOnGrid(
  grid: pl.DataFrame,
  underlying: pl.DataFrame,
  o: Resolved,
): pl.DataFrame {
  requireColumns(underlying, "the underlying frame", ["ts", ...UNDERLYING_BAR_COLUMNS]);
  const bars = underlying.select(
    tsMs(),
    ...UNDERLYING_BAR_COLUMNS.map((c) => pl.col(c).cast(pl.Float64).alias(`underlying_${c}`)),
  );
  rejectDuplicates(bars, "the underlying frame", ["ts"]);
  return grid
    .join(bars, { on: "ts", how: "left" })
    .sort("ts")
    .withColumns(pl.col("underlying_close").forwardFill().over("date").alias("spot"))
    .withColumns(
      ...indicatorExprs(o),
      ...laggedPctChanges("spot", { lags: o.featureLags, session: "date" }),
    );
}
