/**
 * A whole backtest job on the lake, as `deno task backtest` runs it and a notebook can too: read the lake, call `lib/backtest` (sweep, best run,
 * walk-forward, stress test, bootstrap, split), write CSVs, metrics.json, the HTML report and
 * the run record into `data/runs/<run-id>/`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import * as bt from "./mod.ts";
import { type Config, redactConfig } from "../config/mod.ts";
import { writeFileAtomic } from "../lake/mod.ts";
import { codeRevision, type HashedItem, type RunHooks } from "../run/mod.ts";
import { type BacktestData, inputHashes, loadBacktestData } from "./_job_data.ts";
import { backtestReportPage } from "./backtest_report_page.ts";
import { csvBytes, namedChoices } from "./_job_tables.ts";

/** What a backtest run computed and where it wrote it. */
export interface BacktestRun {
  runId: string;
  runDir: string;
  recordPath: string;
  cfg: bt.BacktestConfig;
  strategy: bt.Strategy;
  symbols: string[];
  data: Omit<BacktestData, "frame">;
  /** Parameters of the main run (the best combination of a sweep). */
  params: bt.Params;
  main: bt.BacktestResult;
  sweep?: { table: pl.DataFrame; names: string[]; best: bt.BestCombo };
  walkForward?: bt.WalkForwardResult;
  stress?: pl.DataFrame;
  bootstrap?: pl.DataFrame;
  /** Metrics of the main parameters on the train, validation and holdout parts. */
  split?: pl.DataFrame;
  outputs: HashedItem[];
  elapsedMs: number;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function market(strategy: bt.Strategy, frame: pl.DataFrame, vix: boolean): bt.Market {
  return strategy.input === "options"
    ? bt.asMarket(frame, strategy)
    : bt.toMarket(frame, { extra: vix ? ["vix"] : [] });
}

/** Runs the backtest `cfg` describes (from and to set) on the lake of `config`. */
export async function runBacktestJob(
  config: Config,
  cfg: bt.BacktestConfig,
  hooks: RunHooks,
): Promise<BacktestRun> {
  const t0 = performance.now();
  const { runId, command } = hooks;
  const strategy = bt.getStrategy(cfg.strategy);
  const options = strategy.input === "options";
  const symbols = options
    ? cfg.underlyings ?? cfg.symbols ?? config.options.underlyings
    : cfg.symbols ?? config.backfill.symbols;
  const root = `${config.data.dir}/lake`;
  const loaded = await loadBacktestData(root, {
    input: options ? "options" : "bars",
    dataset: cfg.dataset,
    symbols,
    from: cfg.from!,
    to: cfg.to!,
    vix: cfg.validation.stress !== undefined,
  });
  const { frame, ...data } = loaded;
  const o = bt.optionsFromConfig(cfg);
  const all = market(strategy, frame, data.vix);
  const parts = o.split ? bt.splitByDate(frame, o.split) : null;
  let params: bt.Params = bt.resolveParams(strategy, cfg.params);
  let sweep: BacktestRun["sweep"];
  if (o.sweep) {
    const on = parts ? market(strategy, parts.train, data.vix) : all;
    const table = await bt.sweep(on, o.sweep);
    const names = Object.keys(o.sweep.grid);
    const best = bt.bestCombo(table, { metric: cfg.metric, params: names });
    params = bt.resolveParams(strategy, { ...cfg.params, ...best.params });
    sweep = { table, names, best };
  }
  const main = bt.runBacktest(all, { ...o.run, params });
  const walkForward = o.walkForward ? await bt.walkForward(all, o.walkForward) : undefined;
  const stress = o.stress ? bt.stressTest(all, { ...o.stress, params }) : undefined;
  const closed = main.trades.filter(pl.col("status").eq(pl.lit("closed"))).height;
  const bootstrap = o.bootstrap && closed > 0
    ? bt.bootstrapTrades(main.trades, o.bootstrap)
    : undefined;
  const split = parts
    ? pl.concat(
      Object.entries(parts).map(([name, df]) =>
        bt.runBacktest(market(strategy, df, data.vix), { ...o.run, params }).metrics
          .withColumns(pl.lit(name).alias("part"))
          .select("part", ...bt.METRIC_COLUMNS.map(([, c]) => c))
      ),
    )
    : undefined;
  const runDir = `${config.data.dir}/runs/${runId}`;
  const run: BacktestRun = {
    runId,
    runDir,
    recordPath: "",
    cfg,
    strategy,
    symbols,
    data,
    params,
    main,
    sweep,
    walkForward,
    stress,
    bootstrap,
    split,
    outputs: [],
    elapsedMs: 0,
  };
  const write = async (name: string, bytes: Uint8Array, rows?: number) => {
    await writeFileAtomic(`${runDir}/${name}`, bytes);
    run.outputs.push({ partition: `${runDir}/${name}`, rows, sha256: sha256(bytes) });
  };
  await write("trades.csv", csvBytes(main.trades), main.trades.height);
  if (sweep) {
    await write("sweep.csv", csvBytes(namedChoices(sweep.table, strategy)), sweep.table.height);
  }
  if (walkForward) {
    const folds = namedChoices(walkForward.folds, strategy);
    await write("walk_forward_folds.csv", csvBytes(folds), folds.height);
  }
  if (stress) await write("stress.csv", csvBytes(stress), stress.height);
  if (bootstrap) await write("bootstrap.csv", csvBytes(bootstrap), bootstrap.height);
  if (split) await write("split.csv", csvBytes(split), split.height);
  await write(
    "metrics.json",
    new TextEncoder().encode(JSON.stringify(metricsJson(run), null, 2) + "\n"),
  );
  const code = await codeRevision();
  const html = backtestReportPage(run, {
    command: command.join(" "),
    code: code.revision ?? "unknown",
  });
  await write("report.html", new TextEncoder().encode(html));
  run.elapsedMs = performance.now() - t0;
  run.recordPath = await hooks.record({
    config: { ...(redactConfig(config) as object), backtest: cfg },
    seed: cfg.random?.seed ?? null,
    inputs: await inputHashes(root, data.parts),
    outputs: run.outputs,
    summary: { strategy: strategy.name, dataset: data.dataset, params, ...main.summary },
  });
  return run;
}

/** metrics.json: the run's parameters and every table of metrics, NaN and ±Infinity as null. */
function metricsJson(run: BacktestRun) {
  const named = Object.fromEntries(
    Object.entries(run.params).map((
      [k, v],
    ) => [k, run.strategy.params[k]?.choices ? bt.formatParam(run.strategy, k, v) : v]),
  );
  return {
    runId: run.runId,
    strategy: run.strategy.name,
    symbols: run.symbols,
    from: run.cfg.from,
    to: run.cfg.to,
    dataset: run.data.dataset,
    params: named,
    barsPerYear: run.main.barsPerYear,
    metrics: run.main.metrics.toRecords(),
    sweep: run.sweep &&
      { combos: run.sweep.table.height, metric: run.cfg.metric, best: run.sweep.best },
    walkForward: run.walkForward &&
      { folds: run.walkForward.folds.height, metrics: run.walkForward.metrics },
    stress: run.stress?.toRecords(),
    bootstrap: run.bootstrap?.toRecords(),
    split: run.split?.toRecords(),
  };
}
