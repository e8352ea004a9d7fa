// Reruns give identical outputs; a range scan equals the per-day scans stacked.
import { equal } from "node:assert/strict";
import pl from "nodejs-polars";
import { tradingDays } from "@lib/calendar/mod.ts";
import { scan, type ScanOptions } from "@lib/scanner/mod.ts";
import { syntheticChain } from "./_synthetic.ts";

const FRAME = syntheticChain({ from: "2025-03-03", to: "2025-03-07", contracts: 6, seed: 11 });
const OPTIONS: ScanOptions[] = [
  { threshold: 0.2 },
  { threshold: 0.15, reference: "rolling_low", windowMin: 30, direction: "both" },
  { threshold: 0.1, reference: "rolling_high", windowMin: 5, direction: "down", price: "close" },
];

Deno.test("scan() twice on the same frame gives identical frames and CSV bytes", () => {
  for (const o of OPTIONS) {
    const a = scan(FRAME, o), b = scan(FRAME.clone(), o);
    equal(a.height > 0, true);
    equal(a.frameEqual(b, true), true);
    equal(String(a.writeCSV()), String(b.writeCSV()));
  }
});

Deno.test("scan() of a date range equals the per-day scans concatenated", () => {
  for (const o of OPTIONS) {
    const whole = scan(FRAME, o);
    equal(whole.height > 0, true);
    const days = tradingDays("2025-03-03", "2025-03-07").map((d) =>
      scan(FRAME.filter(pl.col("date").eq(pl.lit(new Date(`${d}T00:00:00Z`)))), o)
    );
    equal(days.length, 5);
    equal(whole.frameEqual(pl.concat(days), true), true, JSON.stringify(o));
  }
});
