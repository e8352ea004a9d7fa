// Distinct moves from consolidated scan events, and the top table one row per contract-day.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { mergeMoves, movesSummary, topEvents } from "@lib/scanner/mod.ts";

const t = (m: number) => new Date(Date.UTC(2025, 2, 4, 14, 30 + m)); // 09:30 New York + m
const C = "O:SPY250304C00601000", P = "O:SPY250304P00599000";
// One call climbing from 0.11 to 5.30 in four bursts, then a put's lone event.
const events = pl.DataFrame({
  event_id: ["c1", "c2", "c3", "c4", "p1"],
  date: ["2025-03-04", "2025-03-04", "2025-03-04", "2025-03-04", "2025-03-04"],
  ticker: [C, C, C, C, P],
  direction: ["up", "up", "up", "up", "up"],
  trigger_ts: [t(0), t(6), t(14), t(60), t(10)],
  end_ts: [t(2), t(10), t(20), t(61), t(12)],
  minutes_above: [3, 4, 6, 2, 3],
  duration_min: [3, 5, 7, 2, 3],
  peak_ts: [t(1), t(9), t(18), t(60), t(11)],
  peak_price: [0.5, 2.0, 5.3, 1.0, 0.8],
  peak_move: [3.5, 17.2, 47.2, 8.1, 0.6],
});

Deno.test("mergeMoves() merges events whose gap is under the tolerance", () => {
  const moves = mergeMoves(events);
  // c1→c2: 6 − 2 = 4 min < 5, merge; c2→c3: 14 − 10 = 4, merge; c3→c4: 40 min, a new move
  assert.deepEqual(
    moves.select("move_id", "ticker", "events", "duration_min", "minutes_above", "peak_price")
      .rows(),
    [["c1", C, 3, 21, 13, 5.3], ["c4", C, 1, 2, 2, 1.0], ["p1", P, 1, 3, 3, 0.8]],
  );
  assert.deepEqual(mergeMoves(events, { toleranceMin: 4 }).getColumn("events").toArray(), [
    1,
    1,
    1,
    1,
    1,
  ]);
  assert.throws(() => mergeMoves(events.drop("end_ts")), /no column "end_ts"/);
  const s = Object.fromEntries(movesSummary(events, moves).rows() as [string, number][]);
  assert.equal(s.events, 5);
  assert.equal(s.moves, 3);
  assert.equal(s["events per move, max"], 3);
  assert.equal(s["move duration (min), median"], 3);
  assert.ok(Math.abs(s["|peak move| %, max"] - 4720) < 1e-9);
});

Deno.test("topEvents() keeps one row per contract-day, in percent and New York time", () => {
  const top = topEvents(events);
  assert.deepEqual(top.select("ticker", "trigger", "peak", "peak_move_pct").rows(), [
    [C, "2025-03-04 09:44", "2025-03-04 09:48", 4720],
    [P, "2025-03-04 09:40", "2025-03-04 09:41", 60],
  ]);
  assert.equal(topEvents(events, { perContractDay: 0 }).height, 5);
  assert.equal(topEvents(mergeMoves(events), { perContractDay: 2 }).getColumn("events").get(0), 3);
});
