/**
 * Training targets for the research table: the option's price a fixed number of minutes
 * ahead, within the same session.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { keepCovered, withTargets } from "./_targets.ts";
import { resolveTraining } from "./_resolve.ts";
import type { PrepareTrainingOptions } from "./options.ts";

export { TARGET_COLUMNS } from "./_targets.ts";

/**
 * Adds the targets of each row of a consolidated frame and keeps the rows that have one, in
 * contract-days with enough of them.
 *
 * For a row at minute t, the horizon minute is t + `horizonMin`; the row is *eligible* when
 * that minute starts no later than the session's last minute (same session, early closes
 * included). Its target is the close of the contract's last trade with a minute in
 * [t + horizon − tolerance, t + horizon] (tolerance 5 minutes by default; 0 asks for that
 * very minute); null when there is none or the row is not eligible. `target_return` = target_close / close − 1 (a fraction; null for a
 * close ≤ 0). `target_coverage` is, per contract-day (ticker, date), the share of eligible
 * rows that have a target; contract-days below `minCoverage` are dropped, as are rows
 * without a target. The targets look into the future by design: use them only as labels.
 *
 * @param frame Consolidated rows with `ticker`, `ts`, `date` and `close` (more columns kept).
 * @param options Horizon, minimum coverage and tolerance.
 * @returns The kept rows with `horizon_min` (Int32), `target_ts`, `target_close`,
 *   `target_return`, `target_coverage` added, sorted by date, ticker and ts.
 * @throws {RangeError} If a column is missing, a date is not a trading day, or an option is
 *   out of range.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { prepareTraining } from "./prepare_training.ts";
 * import assert from "node:assert/strict";
 * const ts = [0, 1, 2, 3].map((m) => new Date(Date.UTC(2025, 2, 3, 14, 30 + m)));
 * const frame = pl.DataFrame({ ticker: ["A", "A", "A", "A"], ts, close: [1, 2, 4, 5] })
 *   .withColumns(pl.col("ts").cast(pl.Datetime("ms")), pl.lit("2025-03-03").str.strptime(pl.Date, "%Y-%m-%d").alias("date"));
 * const out = prepareTraining(frame, { horizonMin: 2, toleranceMin: 0 });
 * assert.deepEqual(out.getColumn("target_close").toArray(), [4, 5]);
 * assert.deepEqual(out.getColumn("target_return").toArray(), [3, 1.5]);
 * ```
 */
export function prepareTraining(
  frame: pl.DataFrame,
  options: PrepareTrainingOptions = {},
): pl.DataFrame {
  const o = resolveTraining(options);
  return keepCovered(withTargets(frame, o), o.minCoverage);
}
