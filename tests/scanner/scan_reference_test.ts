// Rolling references: the extreme of the PREVIOUS N clock minutes, current minute excluded.
import { deepEqual, equal } from "node:assert/strict";
import { scan } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, pick } from "./_bars.ts";

const STEP = day(CALL, D, [1, 1, 1, 1.3, 1.3, 1.3, 1.3]);

Deno.test("scan() with rolling_low ends the event when the window has caught up with the rise", () => {
  // window 2: at 09:35 the previous two minutes (09:33, 09:34) are both 1.3
  const two = scan(frameOf(STEP), { threshold: 0.2, reference: "rolling_low", windowMin: 2 });
  deepEqual(pick(two, "trigger_ts", "end_ts", "duration_min", "reference_price", "window_min"), [
    { trigger_ts: "09:33", end_ts: "09:34", duration_min: 2, reference_price: 1, window_min: 2 },
  ]);
  const three = scan(frameOf(STEP), { threshold: 0.2, reference: "rolling_low", windowMin: 3 });
  deepEqual(pick(three, "trigger_ts", "end_ts", "duration_min"), [
    { trigger_ts: "09:33", end_ts: "09:35", duration_min: 3 },
  ]);
});

Deno.test("scan() with rolling_low leaves the current minute's own low out of its reference", () => {
  const bars = day(CALL, D, [1.3, 1.3, { m: 2, o: 1.3, h: 1.3, l: 1.0, c: 1.3 }, 1.25]);
  const events = scan(frameOf(bars), { threshold: 0.2, reference: "rolling_low", windowMin: 5 });
  // 09:32 compares its high 1.3 with min(1.3, 1.3) = 1.3, not with its own low 1.0;
  // 09:33 compares 1.25 with min(1.3, 1.3, 1.0) = 1.0.
  deepEqual(pick(events, "trigger_ts", "reference_price", "peak_move"), [
    { trigger_ts: "09:33", reference_price: 1, peak_move: 0.25 },
  ]);
});

Deno.test("scan() with a rolling reference has none when no bar traded in the window", () => {
  const bars = day(CALL, D, [{ m: 0, p: 1 }, { m: 5, p: 1.3 }]);
  equal(scan(frameOf(bars), { reference: "rolling_low", windowMin: 4 }).height, 0);
  const five = scan(frameOf(bars), { reference: "rolling_low", windowMin: 5 });
  deepEqual(pick(five, "trigger_ts", "reference_price"), [{
    trigger_ts: "09:35",
    reference_price: 1,
  }]);
});

Deno.test("scan() with rolling_high finds a fall below the recent high", () => {
  const bars = day(CALL, D, [2, { m: 1, o: 2, h: 2.2, l: 2, c: 2 }, 1.7, 1.6, 1.5]);
  const events = scan(frameOf(bars), {
    threshold: 0.25,
    reference: "rolling_high",
    windowMin: 3,
    direction: "down",
  });
  // 09:33: 1.6 / max(2, 2.2, 1.7) - 1 = -0.2727; 09:34: 1.5 / max(2.2, 1.7, 1.6) = -0.318
  deepEqual(pick(events, "trigger_ts", "end_ts", "reference_price", "peak_move", "to_close"), [{
    trigger_ts: "09:33",
    end_ts: "09:34",
    reference_price: 2.2,
    peak_move: 1.5 / 2.2 - 1,
    to_close: true,
  }]);
});

Deno.test("scan() with rolling_low and both directions measures both moves from the low", () => {
  const bars = day(CALL, D, [1, 1, 0.7, 1]);
  const events = scan(frameOf(bars), {
    reference: "rolling_low",
    windowMin: 2,
    direction: "both",
  });
  // 09:32: 0.7 / 1 - 1 = -30% (down); 09:33: 1 / min(1, 0.7) - 1 = +42.9% (up)
  deepEqual(pick(events, "trigger_ts", "direction"), [
    { trigger_ts: "09:32", direction: "down" },
    { trigger_ts: "09:33", direction: "up" },
  ]);
});
