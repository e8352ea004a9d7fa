/**
 * `deno task demo`: the whole lab on the simulator, end to end, with no API key and no
 * Jupyter: backfill a month, scan the options, and write `reports/index.html` linking every
 * report. Re-running it reuses what the lake already holds.
 *
 * @module
 */
import { backfillInTerminal } from "./_backfill_cli.ts";
import { copyReport, type DemoReport, writeIndex, writeLakeOverview } from "./_demo_steps.ts";
import { type Metrics, parseBacktestConfig } from "../lib/backtest/mod.ts";
import { runBacktestTask } from "./_backtest_run.ts";
import { runConsolidate } from "./_consolidate_run.ts";
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
    consolidate: { from, to },
    scan: { from, to },
  });
  const command = ["deno", "task", "demo", ...Deno.args];
  say(`strikelab demo: simulator (seed ${config.source.sim.seed}), ${from}..${to}\n`);

  say("1/5 backfill: SPY and VIX minute bars, SPY options (2 calls + 2 puts a day), news");
  const code = await backfillInTerminal(config, command);
  if (code !== 0) return code;
  const reports: DemoReport[] = [await writeLakeOverview(config, reportsDir, to)];

  say("\n2/5 consolidate: one row per option per traded minute, with indicators, VIX, news,");
  say("    implied volatility and Greeks");
  const consolidated = await runConsolidate(config, command);
  if (consolidated !== 0) return consolidated;

  say("\n3/5 scan: option moves of 20% or more from the day's first trade");
  const scan = await runScan(config, command);
  say(`  ${scan.summary.stats.events} events in ${scan.summary.stats.contractDays} contract-days`);
  reports.push(
    await copyReport(scan.reportPath, reportsDir, {
      file: "scan.html",
      title: "Option move scan",
      note: "events by hour, durations, the largest move",
    }),
  );

  say("\n4/5 backtest: an SMA crossover sweep on SPY minute bars, with stress tests");
  const sma = await runBacktestTask(
    config,
    parseBacktestConfig({
      strategy: "sma_cross",
      symbols: ["SPY"],
      from,
      to,
      grid: { fast: "5:30:5", slow: "40:200:40" },
      fees: 0.0005,
      slippageBps: 1,
      validation: { stress: {} },
    }, "the demo"),
    command,
  );
  say(`  best ${fmtParams(sma.params)}: ${fmtMetrics(sma.main.summary)}`);
  reports.push(
    await copyReport(`${sma.runDir}/report.html`, reportsDir, {
      file: "backtest_sma.html",
      title: "SMA crossover sweep",
      note: "sweep heatmap, equity and drawdown, stress tests",
    }),
  );

  say("    and buying SPY 0DTE calls when the scanner triggers");
  const calls = await runBacktestTask(
    config,
    parseBacktestConfig({
      strategy: "scanner_calls",
      symbols: ["SPY"],
      from,
      to,
      slippageBps: 50,
      params: { threshold: 0.2, take_profit: 0.5, stop_loss: 0.25, hold_min: 30 },
      validation: { bootstrap: { n: 1000, seed: 1 } },
    }, "the demo"),
    command,
  );
  say(`  ${fmtMetrics(calls.main.summary)}`);
  reports.push(
    await copyReport(`${calls.runDir}/report.html`, reportsDir, {
      file: "backtest_options.html",
      title: "Scanner-triggered option buys",
      note: "trades, equity, bootstrap confidence intervals",
    }),
  );

  say("\n5/5 reports");
  const index = await writeIndex(reportsDir, reports, {
    "scan events": scan.summary.stats.events,
    "scan contract-days": scan.summary.stats.contractDays,
    "SMA best parameters": fmtParams(sma.params),
    "SMA best total return": sma.main.summary.totalReturn.toFixed(4),
    "SMA best Sharpe": sma.main.summary.sharpe.toFixed(3),
    "option strategy trades": calls.main.summary.nTrades,
    "option strategy total return": calls.main.summary.totalReturn.toFixed(4),
  }, { from, to, seed: config.source.sim.seed, command: command.join(" ") });
  say(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s: open ${index}`);
  return 0;
});

function fmtParams(params: Record<string, number>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ");
}

function fmtMetrics(m: Metrics): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  return `total return ${pct(m.totalReturn)}, Sharpe ${m.sharpe.toFixed(2)}, max drawdown ${
    pct(m.maxDrawdown)
  }, ${m.nTrades} trades`;
}
