/**
 * The HTML report of a backtest run, built with `lib/report`: summary, equity and drawdown,
 * monthly returns, trade distribution, sweep heatmap, walk-forward folds and stitched
 * equity, stress scenarios, bootstrap intervals and the train/validation/holdout split.
 *
 * @module
 */
import pl from "nodejs-polars";
import * as bt from "./mod.ts";
import { nyDate } from "../calendar/mod.ts";
import {
  equityDrawdownFigure,
  heatmapFigure,
  histogramFigure,
  lineFigure,
  monthlyReturnsFigure,
  type ReportBlock,
  reportPage,
  type ReportSection,
} from "../report/mod.ts";
import type { BacktestRun } from "./run_backtest_job.ts";
import { bestFirst, namedChoices } from "./_job_tables.ts";

/** Equity series longer than this are drawn from their end-of-day values. */
const MAX_POINTS = 20_000;
/** Portfolios drawn one by one (a several-symbol signal strategy has one each). */
const MAX_PORTFOLIOS = 4;

const TRADE_COLUMNS = [
  "symbol",
  "entry_ts",
  "exit_ts",
  "size",
  "entry_price",
  "exit_price",
  "fees",
  "pnl",
  "return",
  "exit_reason",
];

/** A metrics frame turned on its side: one row per metric, one column per portfolio. */
function transposed(metrics: pl.DataFrame): Record<string, unknown[]> {
  const names = metrics.getColumn("portfolio").toArray() as string[];
  const out: Record<string, unknown[]> = { metric: bt.METRIC_COLUMNS.map(([, c]) => c) };
  names.forEach((name, r) => {
    out[name] = bt.METRIC_COLUMNS.map(([, c]) => metrics.getColumn(c).get(r));
  });
  return out;
}

/** `{ ts, equity }` of one series, end-of-day values when it is long (the caption says so). */
function series(ts: number[], value: number[]) {
  if (ts.length <= MAX_POINTS) return { cols: { ts, equity: value }, note: "" };
  const keep: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    if (i === ts.length - 1 || nyDate(ts[i]) !== nyDate(ts[i + 1])) keep.push(i);
  }
  return {
    cols: { ts: keep.map((i) => ts[i]), equity: keep.map((i) => value[i]) },
    note: ` Drawn from end-of-day values (${
      ts.length.toLocaleString("en-US")
    } bars); the metrics use every bar.`,
  };
}

function equityBlocks(eq: pl.DataFrame, title: string): ReportBlock[] {
  const ts = (eq.getColumn("ts").cast(pl.Int64).toArray() as (number | bigint)[]).map(Number);
  const s = series(ts, eq.getColumn("value").toArray() as number[]);
  return [
    {
      figure: equityDrawdownFigure(s.cols, { title }),
      caption: `Portfolio value and drawdown.${s.note}`,
    },
    { figure: monthlyReturnsFigure(s.cols, { title: `${title}: monthly returns` }) },
  ];
}

function sweepBlocks(run: BacktestRun): ReportBlock[] {
  const { table, names, best } = run.sweep!, metric = run.cfg.metric;
  const numeric = names.filter((n) =>
    run.strategy.params[n]?.choices === undefined && new Set(table.getColumn(n).toArray()).size > 1
  );
  const blocks: ReportBlock[] = [{
    text: `${table.height} combinations by ${metric}. Best: ${
      names.map((n) => `${n} = ${bt.formatParam(run.strategy, n, best.params[n])}`).join(", ")
    } (${metric} ${
      best.value.toFixed(4)
    }); ${best.neighbours} neighbours within one grid step average ${
      best.neighbourMean.toFixed(4)
    } (stability ${best.stability.toFixed(2)}: 1 is a plateau, near 0 a spike).`,
  }];
  if (numeric.length >= 2) {
    const [x, y] = numeric;
    const h = bt.sweepHeatmap(table, { x, y, metric });
    blocks.push({
      figure: heatmapFigure({ ...h, title: `${metric} by ${x} and ${y}` }, {
        xTitle: x,
        yTitle: y,
        zTitle: metric,
      }),
      caption: names.length > 2
        ? "Each cell shows the best value over the other parameters."
        : undefined,
    });
  } else if (numeric.length === 1) {
    const sorted = table.sort(numeric[0]);
    blocks.push({
      figure: lineFigure(sorted, {
        x: numeric[0],
        xType: "linear",
        y: metric,
        title: `${metric} by ${numeric[0]}`,
      }),
    });
  }
  const top = bestFirst(namedChoices(table, run.strategy), metric).head(20);
  blocks.push({ table: top, title: `Top ${top.height} by ${metric}`, maxRows: 20 });
  return blocks;
}

/** The report page of a backtest run. */
export function backtestReportPage(
  run: BacktestRun,
  meta: { command: string; code: string },
): string {
  const { main, strategy, cfg } = run;
  const params = Object.entries(run.params).map(([k, v]) =>
    `${k}=${bt.formatParam(strategy, k, v)}`
  )
    .join(", ");
  const sections: ReportSection[] = [{
    heading: "Summary",
    blocks: [
      { text: strategy.doc },
      { table: transposed(main.metrics), title: "Metrics of the main run", precision: 6 },
    ],
  }];
  const portfolios = [...new Set(main.equity.getColumn("portfolio").toArray() as string[])];
  sections.push({
    heading: "Equity",
    blocks: portfolios.slice(0, MAX_PORTFOLIOS).flatMap((p) =>
      equityBlocks(main.equity.filter(pl.col("portfolio").eq(pl.lit(p))), p)
    ),
  });
  const closed = main.trades.filter(pl.col("status").eq(pl.lit("closed")));
  sections.push({
    heading: "Trades",
    blocks: closed.height === 0 ? [{ text: "No closed trade." }] : [
      {
        figure: histogramFigure(
          (closed.getColumn("return").toArray() as number[]).map((r) => r * 100),
          {
            title: "Trade returns",
            xTitle: "return per trade, %",
          },
        ),
        caption: `${closed.height} closed trades; return = PnL after fees / entry value.`,
      },
      {
        table: main.trades.select(...TRADE_COLUMNS.filter((c) => main.trades.columns.includes(c))),
        title: "Trades (every column in trades.csv)",
        maxRows: 20,
        precision: 6,
      },
    ],
  });
  if (run.sweep) sections.push({ heading: "Parameter sweep", blocks: sweepBlocks(run) });
  if (run.walkForward) {
    const wf = run.walkForward;
    const ts = (wf.equity.getColumn("ts").cast(pl.Int64).toArray() as (number | bigint)[]).map(
      Number,
    );
    const s = series(ts, wf.equity.getColumn("value").toArray() as number[]);
    sections.push({
      heading: "Walk-forward",
      blocks: [
        {
          text:
            `${wf.folds.height} folds, re-optimised by ${cfg.metric} on each training window; ` +
            `out-of-sample total return ${(wf.metrics.totalReturn * 100).toFixed(2)}%, Sharpe ${
              wf.metrics.sharpe.toFixed(3)
            }, max drawdown ${(wf.metrics.maxDrawdown * 100).toFixed(2)}%.`,
        },
        {
          figure: equityDrawdownFigure(s.cols, { title: "Stitched out-of-sample equity" }),
          caption: `Test windows back to back.${s.note}`,
        },
        { table: namedChoices(wf.folds, strategy), title: "Folds", maxRows: 30, precision: 5 },
      ],
    });
  }
  if (run.stress) {
    sections.push({
      heading: "Stress test",
      blocks: [{ table: run.stress, title: "Scenarios (first portfolio)", precision: 5 }],
    });
  }
  if (run.bootstrap) {
    sections.push({
      heading: "Bootstrap",
      blocks: [{
        table: run.bootstrap,
        title: "Confidence intervals of the trade statistics",
        precision: 5,
      }],
    });
  }
  if (run.split) {
    sections.push({
      heading: "Train, validation and holdout",
      blocks: [{ table: run.split, title: "Main parameters on each part", precision: 5 }],
    });
  }
  return reportPage({
    title: `Backtest: ${strategy.name} on ${run.symbols.join(", ")}`,
    subtitle: `${cfg.from} to ${cfg.to} · ${params}`,
    metadata: {
      run: run.runId,
      command: meta.command,
      code: meta.code,
      data: `${run.data.dataset}, ${run.data.parts.length} partitions`,
      costs: `fees ${cfg.fees}, fixed ${cfg.fixedFees}, slippage ${cfg.slippageBps} bps`,
      "initial cash": cfg.initCash,
      "bars per year": main.barsPerYear,
    },
    sections,
  });
}
