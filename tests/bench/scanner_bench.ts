// Throughput of the move scanner on synthetic option minutes (seeded random walks, 1% of
// minutes without trades): a year of 4 contracts a day and a month of a 200-contract chain.
// rows/s = rows in the bench name / time per iteration. The frames are built once, outside
// the timed part; lake reads are not included.
import { scan, summarize } from "@lib/scanner/mod.ts";
import { syntheticChain } from "../scanner/_synthetic.ts";

const year = syntheticChain({ from: "2024-01-01", to: "2024-12-31", contracts: 4, missing: 0.01 });
const chain = syntheticChain({
  from: "2025-03-01",
  to: "2025-03-31",
  contracts: 200,
  missing: 0.02,
});
const label = (rows: number) => `${(rows / 1e6).toFixed(2)}M option minutes`;

for (
  const [name, frame] of [["year x 4 contracts", year], ["month x 200 contracts", chain]] as const
) {
  const group = name;
  const rows = label(frame.height);
  Deno.bench({
    name: `scan(), open reference: ${name}, ${rows}`,
    group,
    baseline: true,
    n: 10,
    warmup: 2,
    fn: () => {
      scan(frame, { threshold: 0.2 });
    },
  });
  Deno.bench({
    name: `scan(), 30-min rolling low, both directions: ${name}, ${rows}`,
    group,
    n: 10,
    warmup: 2,
    fn: () => {
      scan(frame, { threshold: 0.2, reference: "rolling_low", windowMin: 30, direction: "both" });
    },
  });
  const events = scan(frame, { threshold: 0.2 });
  Deno.bench({
    name: `summarize(): ${name}, ${rows}, ${events.height} events`,
    group,
    n: 10,
    warmup: 2,
    fn: () => {
      summarize(events, frame);
    },
  });
}
