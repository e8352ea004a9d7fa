/**
 * Technical indicators as nodejs-polars expressions: RSI (Wilder), MACD,
 * Bollinger Bands, rate of change and price change.
 *
 * Every builder takes a price column name or expression and returns `pl.Expr`
 * (one output: {@linkcode rsi}) or `pl.Expr[]` (several outputs, in a fixed
 * order), already aliased with a default name (`rsi_14`, `macd`, `macd_signal`,
 * `macd_hist`, `bb_middle`, …, `roc_5`, `chg_5`). They work on any DataFrame or
 * LazyFrame: `df.withColumns(rsi("close"), ...macd("close"))`.
 *
 * Conventions shared by all of them:
 * - Rows are in time order within each series; windows count rows (minutes on a
 *   gap-free minute grid).
 * - Warm-up rows are null (never 0 or NaN).
 * - Strictly causal: a row's value depends only on that row and earlier ones.
 * - `by` separates independent series (for example `"ticker"`); `session` (for
 *   example `"date"`) restarts the indicator at every session. By default an
 *   indicator runs across sessions.
 * - A missing price is null (not NaN). Leading nulls only delay the warm-up;
 *   RSI and MACD skip an interior null as if the row were absent, while the
 *   windowed indicators (Bollinger, ROC, price change) are null while it is in
 *   their window.
 * - Unused outputs cost nothing: `const [middle, upper, lower] = bollinger("close")`.
 *
 * @example RSI, MACD and Bollinger Bands restarted every session
 * ```ts
 * import pl from "nodejs-polars";
 * import { bollinger, macd, rsi } from "@lib/indicators/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const close = Array.from({ length: 60 }, (_, i) => 450 + Math.sin(i / 3));
 * const date = close.map((_, i) => (i < 30 ? "2024-01-02" : "2024-01-03"));
 * const df = pl.DataFrame({ date, close }).withColumns(
 *   rsi("close", { session: "date" }),
 *   ...macd("close", { session: "date" }),
 *   ...bollinger("close", { session: "date" }),
 * );
 * assert.equal(df.getColumn("rsi_14").get(13), null); // warm-up
 * assert.equal(df.getColumn("rsi_14").get(43), null); // warm-up again on day 2
 * assert.ok(df.getColumn("rsi_14").get(44) > 0);
 * assert.deepEqual(df.columns.slice(2, 6), ["rsi_14", "macd", "macd_signal", "macd_hist"]);
 * ```
 *
 * @module
 */
export type { SeriesInput, SeriesOptions } from "./_series.ts";
export { bollinger, type BollingerOptions } from "./bollinger.ts";
export { macd, type MacdOptions } from "./macd.ts";
export { priceChange, type PriceChangeOptions } from "./price_change.ts";
export { roc, type RocOptions } from "./roc.ts";
export { rsi, type RsiOptions } from "./rsi.ts";
export {
  bollingerKernel,
  type ChangeKernelOptions,
  type KernelOptions,
  type MacdArrays,
  macdKernel,
  priceChangeKernel,
  rocKernel,
  rsiKernel,
  segmentStarts,
} from "./kernels.ts";
export type { BandArrays } from "./_kernels.ts";
