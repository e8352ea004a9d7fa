import assert from "node:assert/strict";
import { createProgress, formatDuration, progressLine } from "@lib/run/mod.ts";

Deno.test("formatDuration() writes seconds under a minute and m/ss above", () => {
  assert.equal(formatDuration(0), "0s");
  assert.equal(formatDuration(12.4), "12s");
  assert.equal(formatDuration(65), "1m05s");
  assert.equal(formatDuration(NaN), "?");
});

Deno.test("progressLine() shows the bar, counts, rows a second and the ETA", () => {
  // 30 of 120 done in 10 s: 2,000 rows/s, 90 left at 3 a second = 30 s
  assert.equal(
    progressLine(30, 120, 20_000, 10_000, "partitions"),
    "[######------------------] 30/120 partitions  2,000 rows/s  ETA 30s",
  );
  assert.equal(
    progressLine(0, 0, 0, 0, "partitions"),
    "[########################] 0/0 partitions  0 rows/s  ETA ?",
  );
});

Deno.test("createProgress() redraws in place on a terminal and throttles plain lines", () => {
  let t = 0;
  const out: string[] = [];
  const plain = createProgress({
    total: 4,
    label: "partitions",
    tty: false,
    write: (s) => out.push(s),
    now: () => t,
    plainEveryMs: 2000,
  });
  plain.tick(1, 390); // first tick prints
  t = 1000;
  plain.tick(1, 390); // throttled
  t = 2500;
  plain.tick(1, 390); // prints
  plain.done();
  assert.equal(out.length, 3);
  assert.ok(out.every((s) => s.endsWith("\n") && !s.includes("\r")));
  assert.match(out[1], /^\[#{18}-{6}\] 3\/4 partitions /);
  assert.equal(out[2], out[1]); // done() repeats the last state, same clock
  const tty: string[] = [];
  const bar = createProgress({
    total: 2,
    label: "partitions",
    tty: true,
    write: (s) => tty.push(s),
    now: () => 0,
  });
  bar.tick(1, 0);
  bar.done();
  assert.deepEqual(tty.map((s) => s.slice(0, 6)), ["\r\x1b[2K[", "\r\x1b[2K["]);
  assert.ok(tty[1].endsWith("\n"));
});
