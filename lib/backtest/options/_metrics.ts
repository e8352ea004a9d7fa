// Metrics of an option-strategy run, with the buy-and-hold benchmark beside them.
import type { OptionChain } from "./_chain.ts";
import type { KernelResult } from "./_kernel.ts";
import { benchmark } from "./_frames.ts";

/** Metrics of one run; returns are fractions, money in dollars. */
export interface OptionMetrics {
  total_return: number;
  final_equity: number;
  sharpe: number;
  max_drawdown: number;
  n_trades: number;
  win_rate: number;
  profit_factor: number;
  expectancy: number;
  total_pnl: number;
  total_fees: number;
  total_slippage: number;
  rejected_orders: number;
  benchmark_return: number;
  benchmark_max_drawdown: number;
}

function drawdown(v: ArrayLike<number>, init: number): number {
  let peak = init, dd = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] > peak) peak = v[i];
    dd = Math.min(dd, v[i] / peak - 1);
  }
  return dd;
}

/**
 * Metrics of a run: `sharpe` from daily returns of the equity at each day's last minute,
 * √252, risk-free 0 (NaN with fewer than 2 days or no variance); `max_drawdown` over the
 * minutes; trade statistics over closed trades (`profit_factor` Infinity without losses,
 * NaN without trades); the benchmark is buy-and-hold of the underlying from the first spot.
 */
export function optionMetrics(
  c: OptionChain,
  r: KernelResult,
  initCash: number,
  from = 0,
  to = c.nMinutes,
): OptionMetrics {
  const eq = r.equity.subarray(from, to), N = eq.length, daily: number[] = [];
  let prev = initCash;
  for (let m = from; m < to; m++) {
    if (m + 1 === to || c.day[m + 1] !== c.day[m]) {
      daily.push(r.equity[m] / prev - 1), (prev = r.equity[m]);
    }
  }
  const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
  const sd = Math.sqrt(daily.reduce((a, b) => a + (b - mean) ** 2, 0) / (daily.length - 1));
  const pnl = r.closed.map((x) => x.p.cashFlow);
  const win = pnl.filter((x) => x > 0).reduce((a, b) => a + b, 0);
  const loss = -pnl.filter((x) => x < 0).reduce((a, b) => a + b, 0);
  const bench = benchmark(c, initCash, from, to);
  const total = pnl.reduce((a, b) => a + b, 0);
  return {
    total_return: eq[N - 1] / initCash - 1,
    final_equity: eq[N - 1],
    sharpe: daily.length > 1 && sd > 0 ? (mean / sd) * Math.sqrt(252) : NaN,
    max_drawdown: drawdown(eq, initCash),
    n_trades: pnl.length,
    win_rate: pnl.length ? pnl.filter((x) => x > 0).length / pnl.length : NaN,
    profit_factor: loss > 0 ? win / loss : win > 0 ? Infinity : NaN,
    expectancy: pnl.length ? total / pnl.length : NaN,
    total_pnl: total,
    total_fees: r.closed.reduce((a, x) => a + x.p.fees, 0),
    total_slippage: r.closed.reduce((a, x) => a + x.p.slippage, 0),
    rejected_orders: r.orders.filter((o) => o.status === "rejected").length,
    benchmark_return: bench[N - 1] / initCash - 1,
    benchmark_max_drawdown: drawdown(bench, initCash),
  };
}
