/**
 * What `deno task backtest` prints: the data read, the sweep's best rows, the main run's
 * metrics, the validations, and where the outputs are.
 *
 * @module
 */
import pl from "nodejs-polars";
import { formatParam } from "./mod.ts";
import type { BacktestRun } from "./run_backtest_job.ts";
import { bestFirst, metricsText, textTable } from "./_job_tables.ts";

const num = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : "-");

/** The lines `deno task backtest` prints for a run (`top` rows of a sweep). */
export function formatBacktestJob(run: BacktestRun, top: number): string[] {
  const lines: string[] = [];
  const say = (text: string) => void lines.push(text);
  const { cfg, strategy, main } = run;
  const params = Object.entries(run.params).map(([k, v]) => `${k}=${formatParam(strategy, k, v)}`);
  const note = strategy.input === "options" ? ` (${run.data.note})` : "";
  say(
    `backtest ${strategy.name} on ${
      run.symbols.join(",")
    } ${cfg.from}..${cfg.to}: ${run.data.dataset}${note}, ${run.data.parts.length} partitions, ${
      (main.equity.height / main.metrics.height).toLocaleString("en-US")
    } bars`,
  );
  say(
    `  costs: fees ${cfg.fees}, fixed ${cfg.fixedFees}, slippage ${cfg.slippageBps} bps; initial cash ${cfg.initCash}`,
  );
  if (run.sweep) {
    const { table, names, best } = run.sweep;
    const rows = bestFirst(table, cfg.metric).head(top);
    say("");
    say(`sweep: ${table.height} combinations, best ${rows.height} by ${cfg.metric}`);
    say(metricsText(rows, names, strategy));
    say(
      `  best ${
        names.map((n) => `${n}=${formatParam(strategy, n, best.params[n])}`).join(", ")
      }: ${cfg.metric} ${num(best.value, 4)}, ${best.neighbours} neighbours average ${
        num(best.neighbourMean, 4)
      } (stability ${num(best.stability, 2)})`,
    );
  }
  say("");
  say(`${run.sweep ? "best combination" : "run"}: ${params.join(", ")}`);
  say(metricsText(main.metrics, ["portfolio"]));
  if (run.walkForward) {
    const wf = run.walkForward, w = cfg.validation.walkForward!;
    say("");
    say(
      `walk-forward: ${wf.folds.height} folds (${w.mode}, train ${w.trainBars} / test ${w.testBars} bars)`,
    );
    const names = Object.keys(cfg.grid ?? {});
    const rows = (wf.folds.toRecords() as Record<string, number>[]).map((r) => [
      String(r.fold),
      ...names.map((n) => formatParam(strategy, n, r[n])),
      num(r.train_score, 3),
      `${num(r.test_total_return * 100, 2)}%`,
      num(r.test_sharpe, 3),
    ]);
    say(textTable(["fold", ...names, `train ${cfg.metric}`, "test return", "test Sharpe"], rows));
    say(
      `  out-of-sample: return ${num(wf.metrics.totalReturn * 100, 2)}%, Sharpe ${
        num(wf.metrics.sharpe, 3)
      }, max drawdown ${num(wf.metrics.maxDrawdown * 100, 2)}%, ${wf.metrics.nTrades} trades`,
    );
  }
  if (run.stress) {
    say("");
    say("stress test:");
    say(metricsText(run.stress, ["scenario"]));
  }
  if (run.bootstrap) {
    const b = cfg.validation.bootstrap!;
    say("");
    say(`bootstrap of closed trades (${b.n} resamples, ${b.confidence * 100}% intervals):`);
    const rows = (run.bootstrap.toRecords() as Record<string, number | string>[]).map((r) => [
      String(r.metric),
      ...["estimate", "lower", "upper"].map((k) => num(r[k] as number, 5)),
    ]);
    say(textTable(["metric", "estimate", "lower", "upper"], rows));
  } else if (cfg.validation.bootstrap) say("\nbootstrap: no closed trade to resample");
  if (run.split) {
    say("");
    say("train / validation / holdout:");
    say(metricsText(run.split, ["part"]));
  }
  const closed = main.trades.filter(pl.col("status").eq(pl.lit("closed"))).height;
  say("");
  say(`  trades: ${main.trades.height} (${closed} closed) in ${run.runDir}/trades.csv`);
  say(`  report: ${run.runDir}/report.html`);
  say(`  run record: ${run.recordPath}`);
  say(`  elapsed: ${(run.elapsedMs / 1000).toFixed(2)} s`);
  return lines;
}
