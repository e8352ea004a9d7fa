// Hand-built price paths with known events (reference: the day's open).
import { deepEqual, equal } from "node:assert/strict";
import { scan } from "@lib/scanner/mod.ts";
import { CALL, D, day, frameOf, pick } from "./_bars.ts";

const COLS = ["trigger_ts", "end_ts", "duration_min", "minutes_above", "peak_move", "to_close"];

Deno.test("scan() finds one event in a rise above 20% and back", () => {
  const events = scan(frameOf(day(CALL, D, [1.0, 1.1, 1.25, 1.3, 1.1, 1.0])), { threshold: 0.2 });
  deepEqual(pick(events, ...COLS, "time_to_peak_min", "peak_price", "trigger_price"), [{
    trigger_ts: "09:32",
    end_ts: "09:33",
    duration_min: 2,
    minutes_above: 2,
    peak_move: 1.3 / 1 - 1,
    to_close: false,
    time_to_peak_min: 1,
    peak_price: 1.3,
    trigger_price: 1.25,
  }]);
});

Deno.test("scan() returns every column of the event for a single event", () => {
  const events = scan(frameOf(day(CALL, D, [2.0, 2.5, 2.0])), { threshold: 0.2 });
  const [e] = events.toRecords() as Record<string, unknown>[];
  deepEqual({ ...e, date: (e.date as Date).toISOString().slice(0, 10) }, {
    event_id: "O:SPY250304C00601000@2025-03-04T14:31Z/up",
    date: "2025-03-04",
    underlying: "SPY",
    ticker: CALL,
    right: "call",
    strike: 601,
    expiry: "2025-03-04",
    dte: 0,
    direction: "up",
    reference: "open",
    window_min: null,
    threshold: 0.2,
    price: "high_low",
    trigger_ts: new Date(Date.UTC(2025, 2, 4, 14, 31)),
    trigger_hour: 9,
    end_ts: new Date(Date.UTC(2025, 2, 4, 14, 31)),
    duration_min: 1,
    minutes_above: 1,
    to_close: false,
    reference_price: 2,
    trigger_price: 2.5,
    peak_ts: new Date(Date.UTC(2025, 2, 4, 14, 31)),
    peak_price: 2.5,
    peak_move: 0.25,
    time_to_peak_min: 0,
    underlying_at_trigger: null,
    vix_at_trigger: null,
    moneyness: null,
    otm_pct: null,
    moneyness_bucket: null,
  });
});

Deno.test("scan() counts exactly 20% as reaching a 20% threshold", () => {
  const events = scan(frameOf(day(CALL, D, [1.0, 1.2, 1.19])), { threshold: 0.2 });
  deepEqual(pick(events, "trigger_ts", "duration_min"), [{ trigger_ts: "09:31", duration_min: 1 }]);
});

Deno.test("scan() splits two events separated by a dip below threshold", () => {
  const events = scan(frameOf(day(CALL, D, [1.0, 1.25, 1.3, 1.1, 1.4, 1.0])), { threshold: 0.2 });
  deepEqual(pick(events, ...COLS), [
    {
      trigger_ts: "09:31",
      end_ts: "09:32",
      duration_min: 2,
      minutes_above: 2,
      peak_move: 0.30000000000000004,
      to_close: false,
    },
    {
      trigger_ts: "09:34",
      end_ts: "09:34",
      duration_min: 1,
      minutes_above: 1,
      peak_move: 0.3999999999999999,
      to_close: false,
    },
  ]);
});

// 09:30 1.0, 09:31 1.25, (09:32 and 09:33 without trades), 09:34 1.3, 09:35 1.0
const GAPPY = day(CALL, D, [{ m: 0, p: 1 }, { m: 1, p: 1.25 }, { m: 4, p: 1.3 }, { m: 5, p: 1 }]);

Deno.test("scan() bridges missing minutes within the gap tolerance", () => {
  const events = scan(frameOf(GAPPY), { threshold: 0.2, gapToleranceMin: 2 });
  deepEqual(pick(events, ...COLS), [{
    trigger_ts: "09:31",
    end_ts: "09:34",
    duration_min: 4,
    minutes_above: 2,
    peak_move: 0.30000000000000004,
    to_close: false,
  }]);
});

Deno.test("scan() splits an event at a gap of missing minutes beyond the tolerance", () => {
  const events = scan(frameOf(GAPPY), { threshold: 0.2, gapToleranceMin: 1 });
  deepEqual(pick(events, "trigger_ts", "end_ts", "duration_min", "to_close"), [
    { trigger_ts: "09:31", end_ts: "09:31", duration_min: 1, to_close: false },
    { trigger_ts: "09:34", end_ts: "09:34", duration_min: 1, to_close: false },
  ]);
});

Deno.test("scan() ends an event at a traded minute below threshold whatever the tolerance", () => {
  const bars = day(CALL, D, [1.0, 1.25, 1.1, 1.3]);
  const events = scan(frameOf(bars), { threshold: 0.2, gapToleranceMin: 10 });
  equal(events.height, 2);
});

Deno.test("scan() ends an event running to the close at the day's last bar", () => {
  const bars = day(CALL, D, [{ m: 0, p: 1 }, { m: 387, p: 1.1 }, { m: 388, p: 1.3 }, {
    m: 389,
    h: 1.5,
    o: 1.3,
    l: 1.3,
    c: 1.45,
  }]);
  const events = scan(frameOf(bars), { threshold: 0.2 });
  deepEqual(pick(events, ...COLS, "time_to_peak_min", "trigger_hour"), [{
    trigger_ts: "15:58",
    end_ts: "15:59",
    duration_min: 2,
    minutes_above: 2,
    peak_move: 0.5,
    to_close: true,
    time_to_peak_min: 1,
    trigger_hour: 15,
  }]);
});

Deno.test("scan() counts the first bar when its high is already 20% above its open", () => {
  const events = scan(frameOf(day(CALL, D, [{ m: 0, o: 1, h: 1.2, l: 1, c: 1.1 }, 1.0])));
  deepEqual(pick(events, "trigger_ts", "duration_min"), [{ trigger_ts: "09:30", duration_min: 1 }]);
});

Deno.test("scan() finds down moves from the bar's low, signed negative", () => {
  const bars = day(CALL, D, [2.0, { m: 1, o: 2, h: 2, l: 1.5, c: 1.7 }, 1.6, 1.7, 1.2]);
  const down = scan(frameOf(bars), { threshold: 0.2, direction: "down" });
  deepEqual(pick(down, ...COLS, "direction", "peak_price"), [
    {
      trigger_ts: "09:31",
      end_ts: "09:32",
      duration_min: 2,
      minutes_above: 2,
      peak_move: -0.25,
      to_close: false,
      direction: "down",
      peak_price: 1.5,
    },
    {
      trigger_ts: "09:34",
      end_ts: "09:34",
      duration_min: 1,
      minutes_above: 1,
      peak_move: -0.4,
      to_close: true,
      direction: "down",
      peak_price: 1.2,
    },
  ]);
  equal(scan(frameOf(bars), { threshold: 0.2, direction: "up" }).height, 0);
});

Deno.test("scan() with direction both finds up and down events independently", () => {
  const bars = day(CALL, D, [2.0, { m: 1, o: 2, h: 2.5, l: 1.5, c: 2 }, 2.0]);
  const events = scan(frameOf(bars), { threshold: 0.2, direction: "both" });
  deepEqual(pick(events, "trigger_ts", "direction", "peak_move"), [
    { trigger_ts: "09:31", direction: "down", peak_move: -0.25 },
    { trigger_ts: "09:31", direction: "up", peak_move: 0.25 },
  ]);
});

Deno.test("scan() with price close ignores a high that closed back below threshold", () => {
  const bars = day(CALL, D, [1.0, { m: 1, o: 1, h: 1.3, l: 1, c: 1.1 }, 1.0]);
  equal(scan(frameOf(bars), { threshold: 0.2, price: "high_low" }).height, 1);
  equal(scan(frameOf(bars), { threshold: 0.2, price: "close" }).height, 0);
});

Deno.test("scan() takes the first minute of a tied peak", () => {
  const events = scan(frameOf(day(CALL, D, [1, 1.3, 1.5, 1.5, 1.0])), { threshold: 0.2 });
  deepEqual(pick(events, "peak_ts", "time_to_peak_min"), [{
    peak_ts: "09:32",
    time_to_peak_min: 1,
  }]);
});
