// Stress scenarios of an option strategy: every cost scaled, regimes from the underlying.
import pl from "nodejs-polars";
import { type OptionChain, toOptionChain } from "./_chain.ts";
import { runKernel } from "./_kernel.ts";
import { optionMetrics } from "./_metrics.ts";
import { resolveOptions } from "./_resolve.ts";
import type { OptionStrategyOptions } from "./types.ts";

/** Options of {@linkcode optionStressTest}. */
export interface OptionStressTestOptions {
  /** Trading days of the trailing underlying return that defines a regime. @default 5 */
  lookbackDays?: number;
  /** Bear: trailing return ≤ −bearDrop. @default 0.03 */
  bearDrop?: number;
  /** Range: |trailing return| < rangeBand. @default 0.01 */
  rangeBand?: number;
  /** High VIX: VIX at the entry minute ≥ this. @default 25 */
  vixLevel?: number;
}

/**
 * Runs `options` under stress; one row per scenario: `scenario`, `trades`, `total_return`,
 * `total_pnl`, `total_fees`, `total_slippage`, `max_drawdown`, `note`.
 * `baseline`; `fees_x2` (per-contract, per-order and per-share fees doubled);
 * `slippage_x2`, `slippage_x3` (bps and range fraction scaled); the note says when a scaled cost
 * is 0 (the row then equals the baseline). `regime_bear`, `regime_range`, `regime_high_vix`:
 * the baseline's trades entered on days whose trailing return of the underlying's last spot
 * over `lookbackDays` is ≤ −bearDrop / within ±rangeBand, or at a VIX ≥ vixLevel — from spot
 * and VIX, never option prices; their total return is those trades' P&L over the initial cash,
 * and an empty regime says "no bars in this regime".
 */
export function optionStressTest(
  data: pl.DataFrame | OptionChain,
  options: OptionStrategyOptions,
  stress: OptionStressTestOptions = {},
): pl.DataFrame {
  const { lookbackDays = 5, bearDrop = 0.03, rangeBand = 0.01, vixLevel = 25 } = stress;
  const c: OptionChain = "rowStart" in data
    ? data as OptionChain
    : toOptionChain(data as pl.DataFrame);
  const base = resolveOptions({ ...options, records: false });
  const rows: Array<[string, number, number, number, number, number, number, string]> = [];
  const run = (name: string, o: typeof base, note = "") => {
    const r = runKernel(c, o), m = optionMetrics(c, r, o.initCash);
    rows.push([
      name,
      m.n_trades,
      m.total_return,
      m.total_pnl,
      m.total_fees,
      m.total_slippage,
      m.max_drawdown,
      note,
    ]);
    return r;
  };
  const baseline = run("baseline", base);
  const fees = base.feePerContract + base.feePerOrder + base.feePerShare;
  run(
    "fees_x2",
    {
      ...base,
      feePerContract: base.feePerContract * 2,
      feePerOrder: base.feePerOrder * 2,
      feePerShare: base.feePerShare * 2,
    },
    fees === 0
      ? "every fee is 0: doubling changes nothing; set feePerContract or feePerOrder"
      : "doubled: feePerContract, feePerOrder, feePerShare",
  );
  const slip = base.slippage.bps + base.slippage.rangeFraction;
  for (const k of [2, 3]) {
    run(
      `slippage_x${k}`,
      {
        ...base,
        slippage: {
          ...base.slippage,
          bps: base.slippage.bps * k,
          rangeFraction: base.slippage.rangeFraction * k,
        },
      },
      slip === 0
        ? "slippage is 0: scaling it changes nothing; set slippage.bps or slippage.rangeFraction"
        : "",
    );
  }
  // trailing return of the underlying per day, from each day's last spot
  const dayOf = new Map<number, number>(), closes: number[] = [];
  for (let m = 0; m < c.nMinutes; m++) {
    if (m + 1 === c.nMinutes || c.day[m + 1] !== c.day[m]) {
      dayOf.set(c.day[m], closes.push(c.spot[m]) - 1);
    }
  }
  const trailing = (day: number) => {
    const i = dayOf.get(day)!;
    return i > lookbackDays ? closes[i - 1] / closes[i - 1 - lookbackDays] - 1 : NaN; // known before the day
  };
  const hasVix = c.vix.some((v) => v === v);
  const regimes: Array<[string, (m: number) => boolean, string]> = [
    ["regime_bear", (m) => trailing(c.day[m]) <= -bearDrop, ""],
    ["regime_range", (m) => Math.abs(trailing(c.day[m])) < rangeBand, ""],
    ["regime_high_vix", (m) => c.vix[m] >= vixLevel, hasVix ? "" : "no vix column in the data"],
  ];
  for (const [name, inRegime, missing] of regimes) {
    let bars = 0;
    for (let m = 0; m < c.nMinutes; m++) if (inRegime(m)) bars++;
    const trades = baseline.closed.filter((x) => inRegime(x.p.entryMinute));
    const pnl = trades.reduce((a, x) => a + x.p.cashFlow, 0);
    const note = missing ||
      (bars === 0 ? "no bars in this regime" : "regime from the underlying and VIX");
    rows.push([
      name,
      trades.length,
      bars === 0 ? NaN : pnl / base.initCash,
      bars === 0 ? NaN : pnl,
      trades.reduce((a, x) => a + x.p.fees, 0),
      trades.reduce((a, x) => a + x.p.slippage, 0),
      NaN,
      note,
    ]);
  }
  const col = (j: number) => rows.map((r) => r[j]);
  return pl.DataFrame([
    pl.Series("scenario", col(0) as string[], pl.Utf8),
    pl.Series("trades", col(1) as number[], pl.Int32),
    pl.Series("total_return", col(2) as number[], pl.Float64),
    pl.Series("total_pnl", col(3) as number[], pl.Float64),
    pl.Series("total_fees", col(4) as number[], pl.Float64),
    pl.Series("total_slippage", col(5) as number[], pl.Float64),
    pl.Series("max_drawdown", col(6) as number[], pl.Float64),
    pl.Series("note", col(7) as string[], pl.Utf8),
  ]);
}
