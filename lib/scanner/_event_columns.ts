/**
 * Reading the columns the summary and figures need back out of an events frame.
 *
 * @module
 */
import pl from "nodejs-polars";

/** The event columns the summary and figures read, one entry an event. */
export interface EventColumns {
  ticker: string[];
  /** Trading date, days since 1970-01-01. */
  day: number[];
  direction: string[];
  triggerHour: number[];
  durationMin: number[];
  minutesAbove: number[];
  bucket: (string | null)[];
  triggerTsMs: number[];
  endTsMs: number[];
}

const NEEDED = [
  "ticker",
  "date",
  "direction",
  "trigger_hour",
  "duration_min",
  "minutes_above",
  "moneyness_bucket",
  "trigger_ts",
  "end_ts",
];

/**
 * The columns of an events frame from {@linkcode scan}.
 *
 * @throws {TypeError} when a column is missing, naming it.
 */
export function eventColumns(events: pl.DataFrame, what: string): EventColumns {
  for (const name of NEEDED) {
    if (events.schema[name] === undefined) {
      throw new TypeError(
        `Cannot ${what}: the events frame has no "${name}" column (pass the frame scan() returned)`,
      );
    }
  }
  const df = events.select(
    pl.col("ticker").cast(pl.Utf8),
    pl.col("date").cast(pl.Int32),
    pl.col("direction").cast(pl.Utf8),
    pl.col("trigger_hour").cast(pl.Int32),
    pl.col("duration_min").cast(pl.Int32),
    pl.col("minutes_above").cast(pl.Int32),
    pl.col("moneyness_bucket").cast(pl.Utf8),
    pl.col("trigger_ts").cast(pl.Datetime("ms")).cast(pl.Float64),
    pl.col("end_ts").cast(pl.Datetime("ms")).cast(pl.Float64),
  );
  const col = <T>(name: string) => df.getColumn(name).toArray() as T[];
  return {
    ticker: col<string>("ticker"),
    day: col<number>("date"),
    direction: col<string>("direction"),
    triggerHour: col<number>("trigger_hour"),
    durationMin: col<number>("duration_min"),
    minutesAbove: col<number>("minutes_above"),
    bucket: col<string | null>("moneyness_bucket"),
    triggerTsMs: col<number>("trigger_ts"),
    endTsMs: col<number>("end_ts"),
  };
}
