// The worked example of docs/scanner.md ("Worked example"), checked.
import { deepEqual } from "node:assert/strict";
import { scan } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, pick } from "./_bars.ts";

const BARS = day(CALL, D, [
  { m: 0, o: 2.0, h: 2.1, l: 1.95, c: 2.05 },
  { m: 1, o: 2.05, h: 2.45, l: 2.05, c: 2.4 },
  { m: 2, o: 2.4, h: 2.6, l: 2.35, c: 2.55 },
  // 09:33: no trades
  { m: 4, o: 2.5, h: 2.7, l: 2.45, c: 2.5 },
  { m: 5, o: 2.3, h: 2.35, l: 2.2, c: 2.25 },
  { m: 6, o: 2.25, h: 2.42, l: 2.25, c: 2.4 },
  // 09:37-09:39: no trades
  { m: 10, o: 2.4, h: 2.44, l: 2.3, c: 2.35 },
]);

Deno.test("docs/scanner.md's worked example gives the three events it shows", () => {
  const events = scan(frameOf(BARS), { threshold: 0.2, gapToleranceMin: 2 });
  deepEqual(
    pick(
      events,
      "trigger_ts",
      "end_ts",
      "duration_min",
      "minutes_above",
      "peak_move",
      "time_to_peak_min",
      "to_close",
    ).map((e) => ({ ...e, peak_move: Math.round((e.peak_move as number) * 1e4) / 1e4 })),
    [
      {
        trigger_ts: "09:31",
        end_ts: "09:34",
        duration_min: 4,
        minutes_above: 3,
        peak_move: 0.35,
        time_to_peak_min: 3,
        to_close: false,
      },
      {
        trigger_ts: "09:36",
        end_ts: "09:36",
        duration_min: 1,
        minutes_above: 1,
        peak_move: 0.21,
        time_to_peak_min: 0,
        to_close: false,
      },
      {
        trigger_ts: "09:40",
        end_ts: "09:40",
        duration_min: 1,
        minutes_above: 1,
        peak_move: 0.22,
        time_to_peak_min: 0,
        to_close: true,
      },
    ],
  );
});

Deno.test("docs/scanner.md's worked example with price close finds the close-based events", () => {
  // closes: 2.05 2.40 2.55 . 2.50 2.25 2.40 ... 2.35 -> +20% at 09:31, 09:32, 09:34 and 09:36
  const events = scan(frameOf(BARS), { threshold: 0.2, gapToleranceMin: 2, price: "close" });
  deepEqual(pick(events, "trigger_ts", "end_ts", "minutes_above"), [
    { trigger_ts: "09:31", end_ts: "09:34", minutes_above: 3 },
    { trigger_ts: "09:36", end_ts: "09:36", minutes_above: 1 },
  ]);
});
