// Per-row cost of the calendar's hot-path functions over 1 000 trading days of minute bars.
import { minuteGrid, nyClock, nyDate, nyToUtcMs, session, tradingDays } from "@lib/calendar/mod.ts";

const days = tradingDays("2021-01-04", "2024-12-31").slice(0, 1000);
const ts = new Float64Array(days.length * 390);
let n = 0;
for (const d of days) for (const t of minuteGrid(d)) ts[n++] = t;
const rows = ts.subarray(0, n);
const shuffled = rows.slice().reverse().map((t, i) => (i % 2 ? t : rows[i]));

Deno.bench(`nyDate() on ${n} time-sorted minute stamps`, () => {
  for (let i = 0; i < rows.length; i++) nyDate(rows[i]);
});

Deno.bench(`nyDate() on ${n} unsorted minute stamps (no cache hits)`, () => {
  for (let i = 0; i < shuffled.length; i++) nyDate(shuffled[i]);
});

Deno.bench(`nyClock() on ${n} minute stamps`, () => {
  for (let i = 0; i < rows.length; i++) nyClock(rows[i]);
});

Deno.bench("nyToUtcMs() 390 000 calls", () => {
  for (let i = 0; i < 390_000; i++) nyToUtcMs("2025-03-10", 9 + (i % 7), i % 60);
});

Deno.bench("session() for 1 000 trading days", () => {
  for (const d of days) session(d);
});
