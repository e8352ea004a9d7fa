/**
 * `deno task demo`: the whole lab on the simulator, end to end, with no API key and no
 * Jupyter: backfill a month, scan the options, and write `reports/index.html` linking every
 * report. Re-running it reuses what the lake already holds.
 *
 * @module
 */
import { backfillInTerminal } from "./_backfill_cli.ts";
import { copyReport, type DemoReport, writeIndex, writeLakeOverview } from "./_demo_steps.ts";
import { runScan } from "./_scan_run.ts";
import { intFlag, loadTaskConfig, parseFlags, runTask, say } from "./_task.ts";

const USAGE =
  `usage: deno task demo [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--seed N] [--reports DIR]

Runs the pipeline on the built-in simulator (no API key needed) for a month and writes
reports/index.html.`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    from: { type: "string" },
    to: { type: "string" },
    seed: { type: "string" },
    reports: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const from = f.from ?? "2025-03-03", to = f.to ?? "2025-03-31";
  const reportsDir = f.reports ?? "reports";
  const t0 = performance.now();
  const config = await loadTaskConfig(undefined, {
    source: { name: "sim", sim: { seed: intFlag("seed", f.seed) } },
    backfill: { from, to, datasets: ["equity", "index", "options", "news"] },
    scan: { from, to },
  });
  const command = ["deno", "task", "demo", ...Deno.args];
  say(`strikelab demo: simulator (seed ${config.source.sim.seed}), ${from}..${to}\n`);

  say("1/3 backfill: SPY and VIX minute bars, SPY options (2 calls + 2 puts a day), news");
  const code = await backfillInTerminal(config, command);
  if (code !== 0) return code;
  const reports: DemoReport[] = [await writeLakeOverview(config, reportsDir, to)];

  say("\n2/3 scan: option moves of 20% or more from the day's first trade");
  const scan = await runScan(config, command);
  say(`  ${scan.summary.stats.events} events in ${scan.summary.stats.contractDays} contract-days`);
  reports.push(
    await copyReport(scan.reportPath, reportsDir, {
      file: "scan.html",
      title: "Option move scan",
      note: "events by hour, durations, the largest move",
    }),
  );

  say("\n3/3 reports");
  const index = await writeIndex(reportsDir, reports, {
    "scan events": scan.summary.stats.events,
    "scan contract-days": scan.summary.stats.contractDays,
  }, { from, to, seed: config.source.sim.seed, command: command.join(" ") });
  say(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s: open ${index}`);
  return 0;
});
