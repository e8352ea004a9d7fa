import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { prepareTraining, TARGET_COLUMNS } from "../../lib/consolidate/mod.ts";
import { col, minute, tsSeries } from "./_frames.ts";

/** A consolidated-like frame: `[ticker, ms, close]` rows, `date` from the UTC date. */
function frame(rows: [string, number, number][]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("ticker", rows.map((r) => r[0]), pl.Utf8),
    tsSeries("ts", rows.map((r) => r[1])),
    pl.Series("close", rows.map((r) => r[2]), pl.Float64),
    pl.Series("iv", rows.map(() => 0.2), pl.Float64),
  ]).withColumns(pl.col("ts").cast(pl.Date).alias("date"));
}

const A = [0, 1, 2, 3, 5, 387, 388, 389].map((m) =>
  ["A", minute(m), 1 + m / 10] as [string, number, number]
);
const B = [0, 10, 20].map((m) => ["B", minute(m), 2] as [string, number, number]);
const close = (m: number) => 1 + m / 10;

Deno.test("prepareTraining() takes the close exactly horizon minutes ahead, within the session", () => {
  const out = prepareTraining(frame([...B, ...A]), {
    horizonMin: 2,
    toleranceMin: 0,
    minCoverage: 0,
  });
  // A: 0→2, 1→3, 3→5, 387→389 hit; 2→4 and 5→7 miss; 388 and 389 reach past 15:59.
  assert.deepEqual(col(out, "ticker"), ["A", "A", "A", "A"]);
  assert.deepEqual(col(out, "target_close"), [close(2), close(3), close(5), close(389)]);
  assert.deepEqual(
    col(out, "target_return"),
    [
      close(2) / close(0) - 1,
      close(3) / close(1) - 1,
      close(5) / close(3) - 1,
      close(389) / close(387) - 1,
    ],
  );
  assert.deepEqual(col(out, "target_coverage"), [4 / 6, 4 / 6, 4 / 6, 4 / 6]);
  assert.deepEqual(col(out, "horizon_min"), [2, 2, 2, 2]);
  assert.deepEqual(
    (out.getColumn("target_ts").cast(pl.Int64).toArray() as bigint[]).map(Number),
    [2, 3, 5, 389].map((m) => minute(m)),
  );
  assert.deepEqual(out.columns, ["ticker", "ts", "close", "iv", "date", ...TARGET_COLUMNS]);
});

Deno.test("prepareTraining() with a tolerance takes the last trade in the minutes up to the horizon", () => {
  const out = prepareTraining(frame(A), { horizonMin: 2, toleranceMin: 1, minCoverage: 0 });
  // 2→4 now finds minute 3; 5→7 still finds nothing in [6, 7].
  assert.deepEqual(col(out, "target_close"), [close(2), close(3), close(3), close(5), close(389)]);
  assert.deepEqual(col(out, "target_coverage").slice(0, 1), [5 / 6]);
});

Deno.test("prepareTraining() drops contract-days below the minimum coverage", () => {
  assert.equal(
    prepareTraining(frame(A), { horizonMin: 2, toleranceMin: 0, minCoverage: 0.7 }).height,
    0,
  );
  assert.equal(
    prepareTraining(frame(A), { horizonMin: 2, toleranceMin: 0, minCoverage: 4 / 6 }).height,
    4,
  );
});

Deno.test("prepareTraining() never reaches into the next session, even when a trade is there", () => {
  const day2 = Date.parse("2025-03-04T14:30:00Z");
  const rows: [string, number, number][] = [["A", day2 - 18.5 * 3_600_000, 1], ["A", day2, 2]];
  const out = prepareTraining(frame(rows), { horizonMin: 1110, toleranceMin: 0, minCoverage: 0 });
  assert.equal(out.height, 0);
});

Deno.test("prepareTraining() ends the session at an early close", () => {
  // 2025-11-28 closes at 13:00 New York (18:00 UTC): the last minute starts 12:59.
  const at = (h: number, m: number) => Date.UTC(2025, 10, 28, h, m);
  const rows: [string, number, number][] = [
    ["A", at(17, 57), 1],
    ["A", at(17, 58), 2],
    ["A", at(17, 59), 3],
    ["A", at(18, 0), 4],
  ]; // deno-fmt-ignore
  const out = prepareTraining(frame(rows), { horizonMin: 2, toleranceMin: 0, minCoverage: 0 });
  assert.deepEqual(col(out, "target_close"), [3]);
  assert.deepEqual(col(out, "target_coverage"), [1]);
});

Deno.test("prepareTraining() rejects bad options and frames with clear messages", () => {
  assert.throws(() => prepareTraining(frame(A), { horizonMin: 5, toleranceMin: 5 }), {
    name: "RangeError",
    message: "Cannot prepare training targets: toleranceMin must be below horizonMin, got 5 >= 5",
  });
  assert.throws(() => prepareTraining(frame(A), { minCoverage: 1.5 }), {
    name: "RangeError",
    message: "Cannot prepare training targets: minCoverage must be in [0, 1], got 1.5",
  });
  assert.throws(() => prepareTraining(frame(A).drop("close")), {
    name: "RangeError",
    message: /^Cannot prepare training targets: the consolidated frame lacks column close/,
  });
  const labelled = prepareTraining(frame(A), { horizonMin: 2, toleranceMin: 0, minCoverage: 0 });
  assert.throws(() => prepareTraining(labelled), {
    name: "RangeError",
    message: "Cannot prepare training targets: the frame already has a horizon_min column",
  });
});
