// Stress scenarios: higher costs, regime subsets and a flash crash.
import pl from "nodejs-polars";
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
 * `baseline`; `slippage_x2`, `slippage_x3` (slippage bps times 2 and 3); `fees_x2` (every
 * fee doubled: `fees`, `fixedFees` and any strategy parameter named like `fee`, such as
 * `fee_per_contract`); `regime_bear`, `regime_range`, `regime_high_vix` (the baseline run's
 * returns and the trades entered on bars of that regime only: bear when the underlying's
 * trailing return is at most −bearDrop (the basket of the traded assets for bar strategies;
 * the `spot` column for option strategies, never option prices), range when within
 * ±rangeBand, high VIX when the frame's `vix` column is at least vixLevel;
 * total return, final value and drawdowns compound the returns of those bars only);
 * `flash_crash` (every price from `crashBar` on is cut by `crashGap`, the strategy is
 * replanned on the crashed prices and every position is closed at the crashed open,
 * stops included). A last column, `note`, says when a scaled cost is 0 (the row then equals
 * the baseline), what was doubled, where a regime came from, and "no bars in this regime" or
 * what is missing for a regime row whose metrics are NaN.
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
  const names: string[] = [], bars: number[] = [], rows: Metrics[] = [], notes: string[] = [];
  const add = (name: string, n: number, x: Metrics, note = "") => (
    names.push(name), bars.push(n), rows.push(x), notes.push(note)
  );
  const base = run(m, {});
  add("baseline", m.nBars, met(base));
  const slip = sim.slippageBps ?? 0, fee = sim.fees ?? 0, fixed = sim.fixedFees ?? 0;
  const slipNote = slip === 0 ? "slippage is 0: scaling it changes nothing; set slippageBps" : "";
  add("slippage_x2", m.nBars, met(run(m, { slippageBps: slip * 2 })), slipNote);
  add("slippage_x3", m.nBars, met(run(m, { slippageBps: slip * 3 })), slipNote);
  const feeParams = Object.keys(p).filter((k) => /fee/i.test(k) && typeof p[k] === "number");
  const doubled = { ...p, ...Object.fromEntries(feeParams.map((k) => [k, (p[k] as number) * 2])) };
  const feeRun = runPlan(strategy, m, doubled, indicatorCache(strategy, m), newPlanBuffers(m), {
    ...sim,
    fees: fee * 2,
    fixedFees: fixed * 2,
    records: true,
  });
  const anyFee = fee !== 0 || fixed !== 0 || feeParams.some((k) => p[k] !== 0);
  add(
    "fees_x2",
    m.nBars,
    met(feeRun),
    anyFee
      ? `doubled: fees, fixedFees${feeParams.map((k) => `, ${k}`).join("")}`
      : "every fee is 0: doubling changes nothing; set fees, fixedFees" +
        feeParams.map((k) => ` or ${k}`).join(""),
  );
  const masks = regimeMasks(m, {
    lookbackBars: regimeLookbackBars ?? Math.max(1, Math.round(bpy / 12)),
    bearDrop,
    rangeBand,
    vixLevel,
  });
  const none = () =>
    Object.fromEntries(METRIC_COLUMNS.map(([k]) => [k, NaN])) as unknown as Metrics;
  for (
    const [name, mask, missing] of [
      ["regime_bear", masks.bear, "no underlying price (spot) in the data"],
      ["regime_range", masks.range, "no underlying price (spot) in the data"],
      ["regime_high_vix", masks.vix, "no vix column in the data"],
    ] as const
  ) {
    if (mask === null) {
      add(name, 0, none(), missing);
      continue;
    }
    const count = mask.reduce((a, b) => a + b, 0);
    if (count === 0) {
      add(name, 0, none(), "no bars in this regime");
      continue;
    }
    add(
      name,
      count,
      met(masked(base, m.nBars, sim.initCash ?? 100_000, mask)),
      `regime from the ${masks.source === "underlying" ? "underlying" : "traded assets"}`,
    );
  }
  const crashed = crash(m, crashBar, crashGap);
  add("flash_crash", m.nBars, met(run(crashed, { forceExitBar: crashBar })));
  return metricsFrame({ scenario: names, bars }, rows).withColumns(
    pl.Series("note", notes, pl.Utf8),
  );
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
