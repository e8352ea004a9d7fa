/**
 * Distinct moves from scan events: the events of one contract-day and direction whose gap
 * (next trigger − previous end) is shorter than a tolerance merge into one move.
 *
 * @module
 */
import pl from "nodejs-polars";

/** Options of {@linkcode mergeMoves}. */
export interface MergeMovesOptions {
  /** Events closer than this many minutes (next `trigger_ts` − current `end_ts`) merge. @default 5 */
  toleranceMin?: number;
}

const NEED = [
  "event_id",
  "date",
  "ticker",
  "direction",
  "trigger_ts",
  "end_ts",
  "minutes_above",
  "peak_ts",
  "peak_price",
  "peak_move",
];

/**
 * Merges the consolidated events of {@linkcode scan} into distinct moves. Per (`ticker`,
 * `date`, `direction`), events in trigger order join the current move while
 * `trigger_ts − end_ts of the move so far < toleranceMin` minutes.
 *
 * @returns One row per move: `move_id` (its first `event_id`), `date`, `ticker`,
 * `direction`, `events` (how many merged), `trigger_ts` (the first), `end_ts` (the last),
 * `duration_min` (end − trigger + 1), `minutes_above` (summed), `peak_ts`, `peak_price` and
 * `peak_move` of the event with the largest |peak_move|; sorted by date, ticker, trigger.
 * @throws {TypeError} For a missing column, naming it.
 * @throws {RangeError} For a negative tolerance.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { mergeMoves } from "@lib/scanner/mod.ts";
 * import assert from "node:assert/strict";
 * const t = (m: number) => new Date(Date.UTC(2025, 2, 4, 14, 30 + m));
 * const events = pl.DataFrame({
 *   event_id: ["a", "b", "c"], date: ["2025-03-04", "2025-03-04", "2025-03-04"],
 *   ticker: ["O:X", "O:X", "O:X"], direction: ["up", "up", "up"],
 *   trigger_ts: [t(0), t(6), t(30)], end_ts: [t(3), t(8), t(31)], minutes_above: [4, 3, 2],
 *   peak_ts: [t(2), t(7), t(30)], peak_price: [1.5, 1.8, 1.3], peak_move: [0.5, 0.8, 0.3],
 * });
 * const moves = mergeMoves(events); // a→b 3 minutes apart merge, c is 22 minutes later
 * assert.deepEqual(moves.getColumn("events").toArray(), [2, 1]);
 * assert.deepEqual(moves.getColumn("duration_min").toArray(), [9, 2]);
 * ```
 */
export function mergeMoves(events: pl.DataFrame, options: MergeMovesOptions = {}): pl.DataFrame {
  const { toleranceMin = 5 } = options;
  if (!(toleranceMin >= 0)) {
    throw new RangeError(`Cannot merge moves: toleranceMin must be >= 0, got ${toleranceMin}`);
  }
  for (const c of NEED) {
    if (!events.columns.includes(c)) {
      throw new TypeError(
        `Cannot merge moves: the events frame has no column "${c}" (pass what scan() returned)`,
      );
    }
  }
  const ms = (c: string) => pl.col(c).cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64);
  const df = events.select(
    pl.col("event_id"),
    pl.col("date").cast(pl.Utf8),
    pl.col("ticker"),
    pl.col("direction"),
    ms("trigger_ts").alias("t0"),
    ms("end_ts").alias("t1"),
    pl.col("minutes_above").cast(pl.Float64),
    ms("peak_ts").alias("pk_ts"),
    pl.col("peak_price").cast(pl.Float64),
    pl.col("peak_move").cast(pl.Float64),
  ).sort(["date", "ticker", "direction", "t0"]);
  const col = (c: string) => df.getColumn(c).toArray() as never[];
  const [id, date, ticker, dir] = ["event_id", "date", "ticker", "direction"].map(
    col,
  ) as string[][];
  const [t0, t1, above, pkTs, pkPx, pkMove] = [
    "t0",
    "t1",
    "minutes_above",
    "pk_ts",
    "peak_price",
    "peak_move",
  ]
    .map(col) as number[][];
  const out: Record<string, (string | number)[]> = Object.fromEntries(
    [
      "move_id",
      "date",
      "ticker",
      "direction",
      "events",
      "trigger_ts",
      "end_ts",
      "duration_min",
      "minutes_above",
      "peak_ts",
      "peak_price",
      "peak_move",
    ]
      .map((k) => [k, []]),
  );
  const tol = toleranceMin * 60_000;
  let k = -1;
  for (let r = 0; r < df.height; r++) {
    const same = k >= 0 && ticker[r] === out.ticker[k] && date[r] === out.date[k] &&
      dir[r] === out.direction[k] && t0[r] - (out.end_ts[k] as number) < tol;
    if (!same) {
      k++;
      const row = [
        id[r],
        date[r],
        ticker[r],
        dir[r],
        0,
        t0[r],
        t1[r],
        0,
        0,
        pkTs[r],
        pkPx[r],
        pkMove[r],
      ];
      Object.keys(out).forEach((c, j) => out[c].push(row[j]));
    }
    (out.events[k] as number)++;
    out.end_ts[k] = Math.max(out.end_ts[k] as number, t1[r]);
    (out.minutes_above[k] as number) += above[r];
    if (Math.abs(pkMove[r]) > Math.abs(out.peak_move[k] as number)) {
      (out.peak_ts[k] = pkTs[r]), (out.peak_price[k] = pkPx[r]), (out.peak_move[k] = pkMove[r]);
    }
    out.duration_min[k] = ((out.end_ts[k] as number) - (out.trigger_ts[k] as number)) / 60_000 + 1;
  }
  const dt = (c: string) =>
    pl.Series(c, out[c] as number[], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
  return pl.DataFrame([
    pl.Series("move_id", out.move_id as string[], pl.Utf8),
    pl.Series("date", out.date as string[], pl.Utf8),
    pl.Series("ticker", out.ticker as string[], pl.Utf8),
    pl.Series("direction", out.direction as string[], pl.Utf8),
    pl.Series("events", out.events as number[], pl.Int32),
    dt("trigger_ts"),
    dt("end_ts"),
    pl.Series("duration_min", out.duration_min as number[], pl.Int32),
    pl.Series("minutes_above", out.minutes_above as number[], pl.Int32),
    dt("peak_ts"),
    pl.Series("peak_price", out.peak_price as number[], pl.Float64),
    pl.Series("peak_move", out.peak_move as number[], pl.Float64),
  ]);
}

/**
 * Headline figures of moves beside the raw events: `metric`, `value` rows — events, moves,
 * events per move (mean, max), move duration in minutes (median, mean), |peak move| in
 * percent (median, max).
 */
export function movesSummary(events: pl.DataFrame, moves: pl.DataFrame): pl.DataFrame {
  const v = (c: string) => moves.getColumn(c).toArray() as number[];
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const median = (a: number[]) => {
    const s = sorted(a), n = s.length;
    return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  const mean = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);
  const ev = v("events"),
    dur = v("duration_min"),
    peak = v("peak_move").map((x) => Math.abs(x) * 100);
  const rows: Array<[string, number]> = [
    ["events", events.height],
    ["moves", moves.height],
    ["events per move, mean", mean(ev)],
    ["events per move, max", ev.length ? Math.max(...ev) : NaN],
    ["move duration (min), median", median(dur)],
    ["move duration (min), mean", mean(dur)],
    ["|peak move| %, median", median(peak)],
    ["|peak move| %, max", peak.length ? Math.max(...peak) : NaN],
  ];
  return pl.DataFrame({ metric: rows.map((r) => r[0]), value: rows.map((r) => r[1]) });
}
