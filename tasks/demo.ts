/**
 * `deno task demo`: the whole lab on the simulator, end to end, with no API key and no
 * Jupyter: backfill a month, scan the options, and write `reports/index.html` linking every
 * report. Re-running it reuses what the lake already holds.
 *
 * @module
 */
import { backfillInTerminal } from "./_backfill_cli.ts";
import { copyReport, type DemoReport, writeIndex, writeLakeOverview } from "./_demo_steps.ts";
import { type Metrics, parseBacktestConfig, runBacktestJob } from "../lib/backtest/mod.ts";
import type { Config } from "../lib/config/mod.ts";
import { defineTask, type TaskContext, UsageError } from "../lib/task/mod.ts";
import { runConsolidate } from "./_consolidate_run.ts";
import { runScan } from "./_scan_run.ts";

export const task = defineTask({
  name: "demo",
  summary: "the whole lab on the simulator: backfill, consolidate, scan, backtest, reports",
  example: "deno task demo --from 2025-03-03 --to 2025-03-31 --seed 42",
  flags: {
    from: { type: "date", default: "2025-03-03", help: "First trading date of the demo" },
    to: { type: "date", default: "2025-03-31", help: "Last trading date of the demo" },
    seed: "source.sim.seed",
    reports: { type: "string", default: "reports", metavar: "DIR", help: "Folder of the pages" },
  },
  check: (_config, f) => {
    if ((f.from as string) > (f.to as string)) {
      throw new UsageError(`--from ${f.from} is after --to ${f.to} (the range must run forwards)`);
    }
  },
  lock: true,
  run: demo,
});

if (import.meta.main) await task.main();

async function demo(ctx: TaskContext): Promise<number> {
  const from = ctx.flags.from as string, to = ctx.flags.to as string;
  const reportsDir = ctx.flags.reports as string;
  const t0 = performance.now();
  const base = ctx.config;
  const config: Config = {
    ...base,
    source: { ...base.source, name: "sim" },
    backfill: { ...base.backfill, from, to, datasets: ["equity", "index", "options", "news"] },
    consolidate: { ...base.consolidate, from, to },
    scan: { ...base.scan, from, to },
  };
  const say = ctx.say;
  say(`strikelab demo: simulator (seed ${config.source.sim.seed}), ${from}..${to}\n`);

  say("1/5 backfill: SPY and VIX minute bars, SPY options (2 calls + 2 puts a day), news");
  const code = await backfillInTerminal({ ...ctx, config });
  if (code !== 0) return code;
  const reports: DemoReport[] = [await writeLakeOverview(config, reportsDir, to)];

  say("\n2/5 consolidate: one row per option per traded minute, with indicators, VIX, news,");
  say("    implied volatility and Greeks");
  const consolidated = await runConsolidate(config, ctx.child("consolidate"));
  if (consolidated !== 0) return consolidated;

  say("\n3/5 scan: option moves of 20% or more from the day's first trade");
  const scan = await runScan(config, ctx.child("scan"));
  say(`  ${scan.summary.stats.events} events in ${scan.summary.stats.contractDays} contract-days`);
  reports.push(
    await copyReport(scan.reportPath, reportsDir, {
      file: "scan.html",
      title: "Option move scan",
      note: "events by hour, durations, the largest move",
    }),
  );

  say("\n4/5 backtest: an SMA crossover sweep on SPY minute bars, with stress tests");
  const sma = await runBacktestJob(
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
    ctx.child("backtest"),
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
  const calls = await runBacktestJob(
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
    ctx.child("backtest"),
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
  }, { from, to, seed: config.source.sim.seed, command: ctx.command.join(" ") });
  say(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s: open ${index}`);
  return 0;
}

function fmtParams(params: Record<string, number>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ");
}

function fmtMetrics(m: Metrics): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  return `total return ${pct(m.totalReturn)}, Sharpe ${m.sharpe.toFixed(2)}, max drawdown ${
    pct(m.maxDrawdown)
  }, ${m.nTrades} trades`;
}
