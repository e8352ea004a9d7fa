// Stress scenarios: higher costs, regime subsets and a flash crash.
import type pl from "nodejs-polars";
import { indicatorCache, newPlanBuffers, runPlan } from "./_plan.ts";
import { regimeMasks } from "./_regimes.ts";
import {
  accumulateEquity,
  addClosedTrade,
  N_STATS,
  resetTradeStats,
  S_OPEN,
} from "./kernels/_stats.ts";
import { metricsFrame } from "./_wrap.ts";
import { barsPerYear as inferBarsPerYear } from "./bars_per_year.ts";
import { asMarket, type Market } from "./market.ts";
import { METRIC_COLUMNS, type Metrics, metricsFromStats } from "./metrics.ts";
import type { RunBacktestOptions } from "./run_backtest.ts";
import { getStrategy, resolveParams } from "./strategies/registry.ts";
import type { SimResult } from "./types.ts";

/** Options of {@linkcode stressTest}: a backtest plus scenario settings. */
export interface StressTestOptions extends RunBacktestOptions {
  /** Regime window in bars. @default round(barsPerYear / 12), about a month */
  regimeLookbackBars?: number;
  /** @default 0.05 */
  bearDrop?: number;
  /** @default 0.02 */
  rangeBand?: number;
  /** @default 25 */
  vixLevel?: number;
  /** Bar of the flash crash. @default the middle bar */
  crashBar?: number;
  /** Size of the crash gap as a fraction of price. @default 0.1 */
  crashGap?: number;
}

/**
 * Runs the backtest under stress and returns one row per scenario (`scenario`, `bars`,
 * then the metric columns) for the first portfolio:
 * `baseline`; `slippage_x2`, `slippage_x3` (slippage bps times 2 and 3); `fees_x2` (both
 * fees doubled); `regime_bear`, `regime_range`, `regime_high_vix` (the baseline run's
 * returns and the trades entered on bars of that regime only: bear when the basket's
 * trailing return is at most −bearDrop, range when within ±rangeBand, high VIX when the
 * frame's `vix` column is at least vixLevel; the VIX row is NaN without a `vix` column;
 * total return, final value and drawdowns compound the returns of those bars only);
 * `flash_crash` (every price from `crashBar` on is cut by `crashGap`, the strategy is
 * replanned on the crashed prices and every position is closed at the crashed open,
 * stops included).
 */
export function stressTest(data: pl.DataFrame | Market, options: StressTestOptions): pl.DataFrame {
  const m = asMarket(data, getStrategy(options.strategy));
  const {
    strategy: s,
    params,
    barsPerYear,
    regimeLookbackBars,
    bearDrop = 0.05,
    rangeBand = 0.02,
    vixLevel = 25,
    crashBar = Math.floor(m.nBars / 2),
    crashGap = 0.1,
    ...sim
  } = options;
  const strategy = getStrategy(s), p = resolveParams(strategy, params);
  const bpy = barsPerYear ?? (m.nBars > 1 ? inferBarsPerYear(m.tsMs) : 252);
  if (!(crashGap > 0 && crashGap < 1)) {
    throw new RangeError(`Cannot stress test: crashGap must be in (0, 1), got ${crashGap}`);
  }
  if (!(Number.isInteger(crashBar) && crashBar >= 0 && crashBar < m.nBars)) {
    throw new RangeError(
      `Cannot stress test: crashBar must be an integer in [0, ${m.nBars - 1}], got ${crashBar}`,
    );
  }
  const run = (mk: Market, extra: typeof sim) =>
    runPlan(strategy, mk, p, indicatorCache(strategy, mk), newPlanBuffers(mk), {
      ...sim,
      ...extra,
      records: true,
    });
  const met = (r: SimResult) => metricsFromStats(r.stats, 0, { barsPerYear: bpy });
  const names: string[] = [], bars: number[] = [], rows: Metrics[] = [];
  const add = (
    name: string,
    n: number,
    x: Metrics,
  ) => (names.push(name), bars.push(n), rows.push(x));
  const base = run(m, {});
  add("baseline", m.nBars, met(base));
  const slip = sim.slippageBps ?? 0, fee = sim.fees ?? 0, fixed = sim.fixedFees ?? 0;
  add("slippage_x2", m.nBars, met(run(m, { slippageBps: slip * 2 })));
  add("slippage_x3", m.nBars, met(run(m, { slippageBps: slip * 3 })));
  add("fees_x2", m.nBars, met(run(m, { fees: fee * 2, fixedFees: fixed * 2 })));
  const masks = regimeMasks(m, {
    lookbackBars: regimeLookbackBars ?? Math.max(1, Math.round(bpy / 12)),
    bearDrop,
    rangeBand,
    vixLevel,
  });
  for (
    const [name, mask] of [["regime_bear", masks.bear], ["regime_range", masks.range], [
      "regime_high_vix",
      masks.vix,
    ]] as const
  ) {
    if (mask === null) {
      add(name, 0, Object.fromEntries(METRIC_COLUMNS.map(([k]) => [k, NaN])) as unknown as Metrics);
      continue;
    }
    add(
      name,
      mask.reduce((a, b) => a + b, 0),
      met(masked(base, m.nBars, sim.initCash ?? 100_000, mask)),
    );
  }
  const crashed = crash(m, crashBar, crashGap);
  add("flash_crash", m.nBars, met(run(crashed, { forceExitBar: crashBar })));
  return metricsFrame({ scenario: names, bars }, rows);
}

function masked(r: SimResult, n: number, initCash: number, mask: Uint8Array): SimResult {
  const rec = r.records!, stats = new Float64Array(N_STATS);
  const exposed = Uint8Array.from(rec.exposure.subarray(0, n), (x) => (x > 0 ? 1 : 0));
  resetTradeStats(stats, 0);
  accumulateEquity(stats, 0, rec.value.subarray(0, n), initCash, exposed, mask);
  const t = rec.trades;
  for (let k = 0; k < t.n; k++) {
    if (mask[t.entryBar[k]] === 0) continue;
    if (t.open[k]) stats[S_OPEN]++;
    else addClosedTrade(stats, 0, t.pnl[k], t.ret[k]);
  }
  return { ...r, stats };
}

function crash(m: Market, at: number, gap: number): Market {
  const cut = (a: Float64Array) => {
    const out = a.slice();
    for (let k = 0; k < m.nAssets; k++) {
      for (let i = at; i < m.nBars; i++) out[k * m.nBars + i] *= 1 - gap;
    }
    return out;
  };
  return { ...m, open: cut(m.open), high: cut(m.high), low: cut(m.low), close: cut(m.close) };
}
