/**
 * `deno task backtest --strategy <structure>`: an option structure (iron_condor, …) run on the
 * consolidated table of one underlying, and the lines its summary prints.
 *
 * @module
 */
import type { Config } from "../config/mod.ts";
import { scan } from "../lake/mod.ts";
import { optionStrategyFromParams, runOptionStrategy } from "./options/mod.ts";

/** What {@link runOptionBacktestJob} needs beyond the config. */
export interface OptionBacktestRequest {
  /** The structure, one of `STRUCTURE_NAMES`. */
  structure: string;
  /** The one underlying traded. */
  underlying: string;
  from: string;
  to: string;
  /** Flat parameters (`OPTION_PARAMS`: short_delta=0.1, wing_width=5, entry_time=10:00, dte=0). */
  params: Record<string, string | number>;
}

/** The result of {@link runOptionBacktestJob}. */
export type OptionBacktestRun = ReturnType<typeof runOptionStrategy> & {
  request: OptionBacktestRequest;
};

/**
 * Reads the consolidated table of `request.underlying` for the range from the lake and runs
 * the option structure on it.
 *
 * @throws {RangeError} For an unknown structure or parameter (naming it).
 */
export async function runOptionBacktestJob(
  config: Config,
  request: OptionBacktestRequest,
): Promise<OptionBacktestRun> {
  const params = Object.fromEntries(
    Object.entries(request.params).map(([k, v]) => [k, String(v)]),
  );
  const options = optionStrategyFromParams(request.structure, params);
  const lazy = await scan("consolidated", {
    underlying: request.underlying,
    from: request.from,
    to: request.to,
    root: `${config.data.dir}/lake`,
  });
  return { ...runOptionStrategy(await lazy.collect(), options), request };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : String(x));
const usd = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

/** The summary lines of an option backtest: metrics in percent, trades in New York time. */
export function formatOptionBacktestJob(run: OptionBacktestRun, top = 20): string[] {
  const { structure, underlying, from, to } = run.request;
  const s = run.summary;
  const lines = [
    `${structure} on ${underlying} ${from}..${to}: ${s.n_trades} trades, ${s.rejected_orders} rejected entries`,
    `total return ${pct(s.total_return)} (buy-and-hold ${pct(s.benchmark_return)}), sharpe ${
      s.sharpe.toFixed(2)
    }, max drawdown ${pct(s.max_drawdown)}, win rate ${pct(s.win_rate)}, fees ${
      usd(s.total_fees)
    }, slippage ${usd(s.total_slippage)}`,
  ];
  const trades = run.trades.head(top).toRecords() as Array<
    Record<string, string> & { pnl: number }
  >;
  for (const t of trades) {
    lines.push(
      `  ${t.entry_ny} → ${t.exit_ny}  ${t.exit_reason.padEnd(13)} pnl ${
        usd(t.pnl).padStart(10)
      }  ${t.legs}`,
    );
  }
  return lines;
}
