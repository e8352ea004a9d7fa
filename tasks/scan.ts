/**
 * `deno task scan`: find 20%+ intraday option moves in the lake for a date range, write them
 * to `scan_events` and a CSV, and print their summary.
 *
 * @module
 */
import { formatSummary } from "../lib/scanner/mod.ts";
import { runScan } from "./_scan_run.ts";
import {
  intFlag,
  list,
  loadTaskConfig,
  numFlag,
  parseFlags,
  runTask,
  say,
  UsageError,
  useSecrets,
} from "./_task.ts";

const USAGE = `usage: deno task scan --from YYYY-MM-DD --to YYYY-MM-DD [options]

  --underlying SPY,QQQ       underlyings whose options are scanned (default from config: SPY)
  --threshold 0.2            the move that counts, a fraction of the reference
  --reference REF            open | rolling_low | rolling_high (default open)
  --window N                 minutes of the rolling references (default 30)
  --direction DIR            up | down | both (default up)
  --gap-tolerance N          minutes without trades allowed inside an event (default 2)
  --price P                  high_low (high for up, low for down) | close
  --dataset D                auto | option_minute | consolidated (auto: consolidated when
                             it covers the range)
  --out FILE                 events CSV (default data/runs/<run-id>/scan_events.csv)
  --config FILE              YAML config (default config/default.yaml)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    underlying: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    threshold: { type: "string" },
    reference: { type: "string" },
    window: { type: "string" },
    direction: { type: "string" },
    "gap-tolerance": { type: "string" },
    price: { type: "string" },
    dataset: { type: "string" },
    out: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {
    scan: {
      underlyings: list(f.underlying),
      from: f.from,
      to: f.to,
      threshold: numFlag("threshold", f.threshold),
      reference: f.reference,
      windowMin: intFlag("window", f.window),
      direction: f.direction,
      gapToleranceMin: intFlag("gap-tolerance", f["gap-tolerance"]),
      price: f.price,
      dataset: f.dataset,
    },
  });
  useSecrets(config);
  const s = config.scan;
  if (!s.from || !s.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  if (s.from > s.to) throw new UsageError(`--from ${s.from} is after --to ${s.to}`);
  const run = await runScan(config, ["deno", "task", "scan", ...Deno.args], f.out);
  const ref = s.reference === "open"
    ? "the open"
    : `the ${s.windowMin}-minute ${s.reference.replace("_", " ")}`;
  const moves = s.direction === "both" ? "up and down" : s.direction;
  say(
    `scan ${s.underlyings.join(",")} ${s.from}..${s.to} from ${run.dataset} (${run.datasetNote})`,
  );
  say(
    `  ${moves} moves of ${+(s.threshold * 100).toFixed(
      4,
    )}% from ${ref}, price ${s.price}, gap tolerance ${s.gapToleranceMin} min`,
  );
  say("");
  say(formatSummary(run.summary));
  say("");
  say(`  events CSV: ${run.csvPath}`);
  say(`  report: ${run.reportPath}`);
  say(`  scan_events: ${run.partitions} partitions written`);
  say(`  run record: ${run.recordPath}`);
  say(`  elapsed: ${(run.elapsedMs / 1000).toFixed(2)} s`);
  return 0;
});
