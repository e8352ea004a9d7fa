/**
 * `deno task backtest --strategy <structure>`: an option structure (iron_condor, …) on the
 * consolidated table through `runOptionStrategy`; `--params` are its flat parameters
 * (`OPTION_PARAMS`: short_delta=0.1,wing_width=5,entry_time=10:00,dte=0). Prints the metrics
 * (percent) and the trades (New York time).
 *
 * @module
 */
import * as bt from "../lib/backtest/mod.ts";
import type { Config } from "../lib/config/mod.ts";
import { scan } from "../lib/lake/mod.ts";
import { say, UsageError } from "./_task.ts";

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : String(x));
const usd = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

/** Runs the option structure `raw.strategy` of the parsed flags; returns the exit code. */
export async function optionBacktest(
  raw: Record<string, unknown>,
  config: Config,
): Promise<number> {
  const structure = String(raw.strategy);
  const { from, to } = raw as { from?: string; to?: string };
  if (!from || !to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  const symbols = (raw.symbols as string[] | undefined) ?? config.options.underlyings;
  if (symbols.length !== 1) {
    throw new UsageError(`an option strategy trades one underlying, got ${symbols.join(", ")}`);
  }
  const options = bt.optionStrategyFromParams(
    structure,
    (raw.params ?? {}) as Record<string, string>,
  );
  const lazy = await scan("consolidated", {
    underlying: symbols[0],
    from,
    to,
    root: `${config.data.dir}/lake`,
  });
  const r = bt.runOptionStrategy(await lazy.collect(), options);
  const s = r.summary;
  say(
    `${structure} on ${
      symbols[0]
    } ${from}..${to}: ${s.n_trades} trades, ${s.rejected_orders} rejected entries`,
  );
  say(
    `total return ${pct(s.total_return)} (buy-and-hold ${pct(s.benchmark_return)}), sharpe ${
      s.sharpe.toFixed(2)
    }, max drawdown ${pct(s.max_drawdown)}, win rate ${pct(s.win_rate)}, fees ${
      usd(s.total_fees)
    }, slippage ${usd(s.total_slippage)}`,
  );
  for (
    const t of r.trades.head(20).toRecords() as Array<Record<string, string> & { pnl: number }>
  ) {
    say(
      `  ${t.entry_ny} → ${t.exit_ny}  ${t.exit_reason.padEnd(13)} pnl ${
        usd(t.pnl).padStart(10)
      }  ${t.legs}`,
    );
  }
  return 0;
}
