// The one-call API: an option structure traded on a consolidated table.
import pl from "nodejs-polars";
import { type OptionChain, toOptionChain } from "./_chain.ts";
import { equityFrame, legsFrame, ordersFrame, tradesFrame } from "./_frames.ts";
import { runKernel } from "./_kernel.ts";
import { type OptionMetrics, optionMetrics } from "./_metrics.ts";
import { resolveOptions } from "./_resolve.ts";
import type { OptionStrategyOptions } from "./types.ts";

/** Output of {@linkcode runOptionStrategy}. */
export interface OptionStrategyResult {
  /** One row per closed structure: entry/exit (UTC and New York), legs, P&L and attribution. */
  trades: pl.DataFrame;
  /** One row per leg of each trade. */
  legs: pl.DataFrame;
  /** Every entry attempt: filled, ignored or rejected, and why. */
  orders: pl.DataFrame;
  /** Per minute: equity, cash, buying power, buy-and-hold benchmark, attribution. */
  equity: pl.DataFrame;
  /** One row of {@linkcode OptionMetrics}. */
  metrics: pl.DataFrame;
  /** The same metrics as an object. */
  summary: OptionMetrics;
}

/**
 * Trades an option structure on a consolidated table (or a chain from `toOptionChain`, to
 * reuse it across runs): legs chosen from the chain of the entry minute by DTE and
 * delta/moneyness/strikes and wing width, filled at the minute's closes with slippage, sized
 * and margined, marked every minute, exited by target, stop, time, DTE or settled at expiry
 * (SPY physical, SPX AM, SPXW PM cash). Every rule: docs/strategies.md.
 *
 * @example A 0DTE iron condor entered at 10:00
 * ```ts ignore
 * const r = runOptionStrategy(table, {
 *   structure: "iron_condor", dte: 0, entry: { time: "10:00" }, shortDelta: 0.1, wingWidth: 5,
 *   exit: { profitTarget: 0.5, stopLoss: 2 },
 * });
 * r.metrics; // total_return, sharpe, …, benchmark_return
 * ```
 */
export function runOptionStrategy(
  data: pl.DataFrame | OptionChain,
  options: OptionStrategyOptions,
): OptionStrategyResult {
  const o = resolveOptions({ ...options, records: true });
  const c: OptionChain = "rowStart" in data
    ? data as OptionChain
    : toOptionChain(data as pl.DataFrame);
  const r = runKernel(c, o);
  const summary = optionMetrics(c, r, o.initCash);
  return {
    trades: tradesFrame(c, r, o.structure),
    legs: legsFrame(c, r),
    orders: ordersFrame(c, r),
    equity: equityFrame(c, r, o.initCash),
    metrics: pl.DataFrame(Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, [v]]))),
    summary,
  };
}

/** The metrics alone (no frames), for sweeps. */
export function optionStrategyMetrics(
  c: OptionChain,
  options: OptionStrategyOptions,
): OptionMetrics {
  const o = resolveOptions({ ...options, records: false });
  return optionMetrics(c, runKernel(c, o), o.initCash);
}
