// The scanner's figures as plain Plotly objects: counts, bins, lines and shaded spans.
import { deepEqual, equal, throws } from "node:assert/strict";
import {
  durationHistogramFigure,
  eventsByHourFigure,
  eventTimelineFigure,
  scan,
} from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, PUT } from "./_bars.ts";

// CALL: up 09:31 (1 min), down 09:33-09:34 (2 min); PUT: up 10:00-10:04 (5 min)
const ROWS = [
  ...day(CALL, D, [1, 1.3, 1, 0.8, 0.75, 1]),
  ...day(PUT, D, [{ m: 0, p: 2 }, ...[30, 31, 32, 33, 34].map((m) => ({ m, p: 2.5 })), {
    m: 35,
    p: 2,
  }]),
];
const FRAME = frameOf(ROWS);
const EVENTS = scan(FRAME, { direction: "both" });
type Trace = { name: string; x: unknown[]; y: unknown[]; width?: number[] };
const traces = (fig: { data: unknown[] }) => fig.data as Trace[];

Deno.test("eventsByHourFigure() stacks one bar trace per direction over the session hours", () => {
  equal(EVENTS.height, 3);
  const fig = eventsByHourFigure(EVENTS);
  deepEqual(traces(fig).map((t) => [t.name, t.y]), [
    ["up", [1, 1, 0, 0, 0, 0, 0]],
    ["down", [1, 0, 0, 0, 0, 0, 0]],
  ]);
  deepEqual(traces(fig)[0].x, ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"]);
  equal(fig.layout.barmode, "stack");
});

Deno.test("eventsByHourFigure() of no events draws the session hours at zero", () => {
  const fig = eventsByHourFigure(scan(FRAME, { threshold: 9 }));
  deepEqual(traces(fig).map((t) => t.y), [[0, 0, 0, 0, 0, 0, 0]]);
});

Deno.test("durationHistogramFigure() bins durations from 1 minute to the longest event", () => {
  const fig = durationHistogramFigure(EVENTS);
  deepEqual(traces(fig).map((t) => [t.name, t.x, t.y]), [
    ["up", [1, 2, 3, 4, 5], [1, 0, 0, 0, 1]],
    ["down", [1, 2, 3, 4, 5], [0, 1, 0, 0, 0]],
  ]);
  const wide = durationHistogramFigure(EVENTS, { binMin: 3 });
  deepEqual(traces(wide).map((t) => [t.x, t.y, t.width]), [
    [[2, 5], [1, 1], [3, 3]],
    [[2, 5], [1, 0], [3, 3]],
  ]);
  throws(() => durationHistogramFigure(EVENTS, { binMin: 0 }), {
    name: "RangeError",
    message: "Cannot build duration histogram: binMin must be a whole number >= 1, got 0",
  });
});

Deno.test("eventTimelineFigure() draws price, reference, thresholds and shades the events", () => {
  const fig = eventTimelineFigure(FRAME, EVENTS, { ticker: CALL, date: D, direction: "both" });
  const t = traces(fig);
  deepEqual(t.map((x) => x.name), ["close", "high", "low", "reference (open)", "+20%", "-20%"]);
  deepEqual(t[0].x, [0, 1, 2, 3, 4, 5].map((m) => `2025-03-04 09:3${m}:00`));
  deepEqual(t[0].y, [1, 1.3, 1, 0.8, 0.75, 1]);
  deepEqual(t[3].y, [1, 1, 1, 1, 1, 1]);
  deepEqual(t[4].y, [1.2, 1.2, 1.2, 1.2, 1.2, 1.2]);
  deepEqual(
    fig.layout.shapes!.map((s) => [s.x0, s.x1, s.fillcolor]),
    [
      ["2025-03-04 09:31:00", "2025-03-04 09:32:00", "#26a69a"],
      ["2025-03-04 09:33:00", "2025-03-04 09:35:00", "#ef5350"],
    ],
  );
  equal(
    (fig.layout.title as { text: string }).text,
    "O:SPY250304C00601000 on 2025-03-04: 2 events",
  );
});

Deno.test("eventTimelineFigure() with a rolling reference draws the reference minute by minute", () => {
  const o = { ticker: CALL, date: D, reference: "rolling_low", windowMin: 2 } as const;
  const fig = eventTimelineFigure(FRAME, scan(FRAME, o), { ...o, price: "close" });
  const t = traces(fig);
  deepEqual(t.map((x) => x.name), ["close", "reference (2-min rolling low)", "+20%"]);
  deepEqual(t[1].y, [null, 1, 1, 1, 0.8, 0.75]);
});

Deno.test("eventTimelineFigure() refuses a contract-day the frame does not hold", () => {
  throws(() => eventTimelineFigure(FRAME, EVENTS, { ticker: CALL, date: "2025-03-05" }), {
    name: "RangeError",
    message:
      "Cannot build event timeline: the frame has no traded minute of O:SPY250304C00601000 on 2025-03-05",
  });
});
