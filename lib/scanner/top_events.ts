/**
 * The largest events as a table to read: at most one row per contract-day unless asked,
 * moves in percent, times in New York.
 *
 * @module
 */
import pl from "nodejs-polars";
import { formatNyTime } from "../calendar/mod.ts";

/** Options of {@linkcode topEvents}. */
export interface TopEventsOptions {
  /** Rows. @default 20 */
  n?: number;
  /** Rows kept per contract-day (ticker, date); 0 = no limit. @default 1 */
  perContractDay?: number;
}

/**
 * The `n` events with the largest |peak_move| (moves from {@linkcode mergeMoves} work too),
 * keeping the largest `perContractDay` of each contract-day, as display columns: `date`,
 * `ticker`, `direction`, `trigger` / `end` / `peak` (New York `YYYY-MM-DD HH:MM`),
 * `duration_min`, `peak_price`, `peak_move_pct` (percent, one decimal), and `events` when the
 * input has it.
 */
export function topEvents(events: pl.DataFrame, options: TopEventsOptions = {}): pl.DataFrame {
  const { n = 20, perContractDay = 1 } = options;
  if (
    !(Number.isInteger(n) && n >= 1) || !(Number.isInteger(perContractDay) && perContractDay >= 0)
  ) {
    throw new RangeError(
      `Cannot pick top events: n must be >= 1 and perContractDay >= 0, got ${n} and ${perContractDay}`,
    );
  }
  let df = events.withColumns(pl.col("peak_move").abs().alias("_abs"), pl.col("date").cast(pl.Utf8))
    .sort("_abs", true);
  if (perContractDay > 0) {
    df = df.withColumns(pl.col("_abs").rank("ordinal", true).over("ticker", "date").alias("_rank"))
      .filter(pl.col("_rank").ltEq(perContractDay));
  }
  df = df.head(n);
  const ny = (c: string) =>
    pl.Series(
      c === "trigger_ts" ? "trigger" : c === "end_ts" ? "end" : "peak",
      (df.getColumn(c).cast(pl.Int64).toArray() as Array<number | bigint>).map((v) =>
        formatNyTime(Number(v))
      ),
      pl.Utf8,
    );
  return pl.DataFrame([
    df.getColumn("date"),
    df.getColumn("ticker"),
    df.getColumn("direction"),
    ny("trigger_ts"),
    ny("end_ts"),
    ny("peak_ts"),
    df.getColumn("duration_min"),
    df.getColumn("peak_price"),
    pl.Series(
      "peak_move_pct",
      (df.getColumn("peak_move").toArray() as number[]).map((x) => Math.round(x * 1000) / 10),
      pl.Float64,
    ),
    ...(df.columns.includes("events") ? [df.getColumn("events")] : []),
  ]);
}
