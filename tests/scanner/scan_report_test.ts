import { deepEqual, equal, ok } from "node:assert/strict";
import { scan, scanReport, summarize } from "@lib/scanner/mod.ts";
import { externalReferences } from "@lib/report/external_references.ts";
import { day, frameOf } from "./_bars.ts";

const T = "O:SPY250304C00601000";

Deno.test("scanReport() shows the four figures and the tables for a scan with events", () => {
  const frame = frameOf(day(T, "2025-03-04", [1, 1.1, 1.25, 1.3, 1.0, 1.21]));
  const events = scan(frame, { threshold: 0.2 });
  equal(events.height, 2);
  const html = scanReport(frame, events, summarize(events, frame), {
    metadata: { "run id": "r1" },
  });
  // by hour, durations, across the chain (moneyness x DTE, since issue 13), the largest move
  equal(html.match(/class="strikelab-figure"/g)?.length ?? 0, 4);
  ok(html.includes("Events by trigger hour"));
  ok(html.includes("Events by moneyness and days to expiry"));
  ok(html.includes(`The largest move: ${T} on 2025-03-04`));
  ok(html.includes("r1"));
  deepEqual(externalReferences(html), []);
});

Deno.test("scanReport() says so when nothing reached the threshold", () => {
  const frame = frameOf(day(T, "2025-03-04", [1, 1.05, 1.1]));
  const events = scan(frame, { threshold: 0.2 });
  const html = scanReport(frame, events, summarize(events, frame));
  equal(html.match(/class="strikelab-figure"/g)?.length ?? 0, 0);
  ok(html.includes("No events: nothing reached the threshold."));
});

Deno.test("scanReport() gives the same bytes for the same scan", () => {
  const frame = frameOf(day(T, "2025-03-04", [1, 1.3, 1.0, 1.4]));
  const events = scan(frame, { threshold: 0.2 });
  const a = scanReport(frame, events, summarize(events, frame));
  const b = scanReport(frame, events, summarize(events, frame));
  equal(a, b);
});
