import assert from "node:assert/strict";
import { minuteGrid, nyClock, session, tradingDays } from "@lib/calendar/mod.ts";

Deno.test("minuteGrid() has 390 minutes from the open to one minute before the close", () => {
  const grid = minuteGrid("2025-03-10");
  const s = session("2025-03-10")!;
  assert.equal(grid.length, 390);
  assert.equal(grid[0], s.openMs);
  assert.equal(grid[389], s.closeMs - 60_000);
  assert.equal(grid[0], Date.UTC(2025, 2, 10, 13, 30));
  for (let i = 1; i < grid.length; i++) assert.equal(grid[i] - grid[i - 1], 60_000);
});

Deno.test("minuteGrid() has 210 minutes on early-close days, ending 12:59 New York", () => {
  for (const d of ["2025-07-03", "2025-11-28", "2025-12-24"]) {
    const grid = minuteGrid(d);
    assert.equal(grid.length, 210, d);
    const last = nyClock(grid[209]);
    assert.equal(last.date, d);
    assert.equal(last.hour, 12);
    assert.equal(last.minute, 59);
  }
});

Deno.test("minuteGrid() lies inside 09:30-15:59 New York on every trading day of 2015-2027", () => {
  for (const d of tradingDays("2015-01-01", "2027-12-31")) {
    const grid = minuteGrid(d);
    const first = nyClock(grid[0]);
    const last = nyClock(grid[grid.length - 1]);
    assert.equal(first.date, d);
    assert.equal(first.minuteOfDay, 570);
    assert.equal(last.minuteOfDay, grid.length === 390 ? 959 : 779, d);
  }
});

Deno.test("minuteGrid() throws a RangeError naming the closed day and why", () => {
  assert.throws(() => minuteGrid("2025-12-25"), {
    name: "RangeError",
    message: "Cannot build minute grid: the exchange is closed on 2025-12-25 (Christmas Day)",
  });
  assert.throws(() => minuteGrid("2025-03-08"), {
    name: "RangeError",
    message: "Cannot build minute grid: the exchange is closed on 2025-03-08 (weekend)",
  });
});
