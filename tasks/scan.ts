/**
 * `deno task scan`: find 20%+ intraday option moves in the lake for a date range, write them
 * to `scan_events` and a CSV, and print their summary.
 *
 * @module
 */
import { formatSummary } from "../lib/scanner/mod.ts";
import { defineTask } from "../lib/task/mod.ts";
import { runScan } from "./_scan_run.ts";

export const task = defineTask({
  name: "scan",
  summary: "find intraday option moves in the lake, write scan_events, a CSV and a report",
  example: "deno task scan --from 2025-03-03 --to 2025-03-07 --underlyings SPY --threshold 0.3",
  flags: {
    underlyings: "scan.underlyings",
    from: "scan.from",
    to: "scan.to",
    threshold: "scan.threshold",
    reference: "scan.reference",
    window: "scan.windowMin",
    direction: "scan.direction",
    "gap-tolerance": "scan.gapToleranceMin",
    price: "scan.price",
    dataset: "scan.dataset",
    out: {
      type: "string",
      metavar: "FILE",
      help: "Events CSV (default data/runs/<run-id>/scan_events.csv)",
    },
  },
  required: ["scan.from", "scan.to"],
  ranges: [["scan.from", "scan.to"]],
  lock: true,
  run: async (ctx) => {
    const s = ctx.config.scan;
    const run = await runScan(ctx.config, ctx, ctx.flags.out as string | undefined);
    const ref = s.reference === "open"
      ? "the open"
      : `the ${s.windowMin}-minute ${s.reference.replace("_", " ")}`;
    const moves = s.direction === "both" ? "up and down" : s.direction;
    ctx.say(
      `scan ${s.underlyings.join(",")} ${s.from}..${s.to} from ${run.dataset} (${run.datasetNote})`,
    );
    ctx.say(
      `  ${moves} moves of ${+(s.threshold * 100).toFixed(
        4,
      )}% from ${ref}, price ${s.price}, gap tolerance ${s.gapToleranceMin} min`,
    );
    ctx.say("");
    ctx.say(formatSummary(run.summary));
    ctx.say("");
    ctx.say(`  events CSV: ${run.csvPath}`);
    ctx.say(`  report: ${run.reportPath}`);
    ctx.say(`  scan_events: ${run.partitions} partitions written`);
    ctx.say(`  run record: ${run.recordPath}`);
    ctx.say(`  elapsed: ${(run.elapsedMs / 1000).toFixed(2)} s`);
  },
});

if (import.meta.main) await task.main();
