// Performance metrics from the kernel's streaming accumulators.
import * as S from "./kernels/_stats.ts";

/** Performance of one portfolio (group). Returns are fractions; durations in bars. */
export interface Metrics {
  totalReturn: number;
  finalValue: number;
  cagr: number;
  annVolatility: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  maxDrawdown: number;
  maxDrawdownBars: number;
  winRate: number;
  profitFactor: number;
  expectancy: number;
  avgTradeReturn: number;
  bestTradeReturn: number;
  worstTradeReturn: number;
  nTrades: number;
  nClosedTrades: number;
  exposure: number;
  totalFees: number;
}

/** Options of {@linkcode metricsFromStats}. */
export interface MetricsOptions {
  /** Bars per year used to annualise (see `barsPerYear`). @default 252 */
  barsPerYear?: number;
}

/**
 * Turns group `g`'s accumulators (from `simulate` or `accumulateEquity`) into metrics.
 *
 * With `r` the per-bar returns of the portfolio value (the first against the initial
 * cash), `n` bars and `A = barsPerYear`: `cagr = (final/init)^(A/n) − 1`;
 * `annVolatility = std(r, ddof 1)·√A`; `sharpe = mean(r)/std(r)·√A` (risk-free 0; NaN when
 * the returns have no variance, where vectorbt reports ±inf); `sortino = mean(r)/√(mean(
 * min(r,0)²))·√A`; `calmar = cagr/|maxDrawdown|`; `maxDrawdown` is the most negative
 * `value/peak − 1` with the peak starting at the initial cash, `maxDrawdownBars` the longest
 * stretch from a peak to its recovery (or the end). Trade metrics use closed trades:
 * `winRate` (PnL > 0), `profitFactor = gross profit/gross loss` (Infinity without losses, NaN
 * without either), `expectancy` = mean PnL in
 * dollars, average/best/worst trade return; `nTrades` also counts a position still open at
 * the end (as vectorbt). `exposure` is the fraction of bars with a position.
 *
 * @param stats Accumulators, `N_STATS` per group.
 * @param g Group index.
 */
export function metricsFromStats(
  stats: Float64Array,
  g = 0,
  options: MetricsOptions = {},
): Metrics {
  const { barsPerYear = 252 } = options;
  if (!(barsPerYear > 0)) {
    throw new RangeError(`Cannot compute metrics: barsPerYear must be > 0, got ${barsPerYear}`);
  }
  const o = g * S.N_STATS, at = (k: number) => stats[o + k];
  const n = at(S.S_BARS), init = at(S.S_INIT), fin = at(S.S_FINAL);
  const mean = n > 0 ? at(S.S_SUM_R) / n : NaN;
  const variance = n > 1 ? Math.max(at(S.S_SUM_R2) - n * mean * mean, 0) / (n - 1) : NaN;
  const sd = Math.sqrt(variance), down = Math.sqrt(at(S.S_SUM_DOWN2) / n);
  const annF = Math.sqrt(barsPerYear);
  const totalReturn = fin / init - 1;
  const cagr = fin > 0 ? Math.pow(fin / init, barsPerYear / n) - 1 : -1;
  const maxDrawdown = at(S.S_MAX_DD);
  const closed = at(S.S_CLOSED);
  const perTrade = (k: number) => (closed > 0 ? at(k) / closed : NaN);
  const loss = at(S.S_GROSS_LOSS);
  return {
    totalReturn,
    finalValue: fin,
    cagr,
    annVolatility: sd * annF,
    sharpe: sd > 0 ? (mean / sd) * annF : NaN,
    sortino: down > 0 ? (mean / down) * annF : NaN,
    calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : NaN,
    maxDrawdown,
    maxDrawdownBars: at(S.S_MAX_DD_BARS),
    winRate: perTrade(S.S_WINS),
    profitFactor: loss > 0
      ? at(S.S_GROSS_PROFIT) / loss
      : at(S.S_GROSS_PROFIT) > 0
      ? Infinity
      : NaN,
    expectancy: perTrade(S.S_SUM_PNL),
    avgTradeReturn: perTrade(S.S_SUM_RET),
    bestTradeReturn: closed > 0 ? at(S.S_BEST) : NaN,
    worstTradeReturn: closed > 0 ? at(S.S_WORST) : NaN,
    nTrades: closed + at(S.S_OPEN),
    nClosedTrades: closed,
    exposure: n > 0 ? at(S.S_EXPOSURE_BARS) / n : NaN,
    totalFees: at(S.S_FEES),
  };
}

/** Metric keys in a fixed order, with their snake_case DataFrame column names. */
export const METRIC_COLUMNS: ReadonlyArray<readonly [keyof Metrics, string]> = [
  ["totalReturn", "total_return"],
  ["finalValue", "final_value"],
  ["cagr", "cagr"],
  ["annVolatility", "ann_volatility"],
  ["sharpe", "sharpe"],
  ["sortino", "sortino"],
  ["calmar", "calmar"],
  ["maxDrawdown", "max_drawdown"],
  ["maxDrawdownBars", "max_drawdown_bars"],
  ["winRate", "win_rate"],
  ["profitFactor", "profit_factor"],
  ["expectancy", "expectancy"],
  ["avgTradeReturn", "avg_trade_return"],
  ["bestTradeReturn", "best_trade_return"],
  ["worstTradeReturn", "worst_trade_return"],
  ["nTrades", "n_trades"],
  ["nClosedTrades", "n_closed_trades"],
  ["exposure", "exposure"],
  ["totalFees", "total_fees"],
];
