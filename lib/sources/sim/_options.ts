/**
 * The simulator's option minute bars: Black–Scholes–Merton prices of the contract along the
 * underlying's simulated path, on a volatility surface whose at-the-money level follows the
 * simulated VIX with a put skew and smile, plus bid/ask-like noise. Trades thin out away
 * from the money, in cheap contracts and in far expiries: minutes without trades are absent.
 * Index roots run on the index's path; AM-settled roots (SPX) stop at 09:30 on the expiry
 * date, so they have no bars that day.
 *
 * @module
 */
import { nyToUtcMs } from "../../calendar/mod.ts";
import { blackScholes } from "../../greeks/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import { optionRoot } from "../../market/mod.ts";
import { parseOptionTicker } from "../../market/mod.ts";
import { rngFor } from "../../random/mod.ts";
import { equityBars, type PathWindow, uShape } from "./_intraday.ts";
import { indexBars, vixBars } from "./_index.ts";
import { simSurfaceVol, SURFACE_SHAPE } from "./_surface.ts";

export { simSurfaceVol };

/** The simulator's risk-free rate and dividend yield (continuous, per year). */
export const SIM_RATE = 0.045, SIM_DIVIDEND_YIELD = 0.013;
const YEAR_MS = 365 * 86_400_000;
const DAY_MS = 86_400_000;
const MIN_T = 60_000 / YEAR_MS;

/** The smile saturates towards |m| = 4 (standardised moneyness), as in `simSurfaceVol`. */
const SMILE_EDGE = 4;
// Local bindings of the surface's shape for the hot loop (see `_surface.ts`).
const SKEW = SURFACE_SHAPE.skew, CURVATURE = SURFACE_SHAPE.curvature;

/**
 * Chance that a contract trades in a minute: high at the money, falling with the distance
 * in standard deviations (`away`), for cheap contracts (under 5 cents) and with the calendar
 * days to expiry (a 60-day contract trades about a seventh as often as a 0DTE one), shaped
 * by the U of intraday activity; floored so that every listed contract trades now and then.
 */
export function tradeChance(away: number, price: number, daysLeft: number, u: number): number {
  const cheap = price < 0.05 ? 0.25 : 1;
  const p = 0.97 * Math.exp(-0.6 * away) * cheap * u / 1.6 / (1 + daysLeft / 10);
  return Math.min(0.98, Math.max(MIN_CHANCE, p));
}

/** Per minute, what every contract of one expiry shares: time, the surface's ATM level and
 * the scale of its smile coordinate, and the chance bound before the strike is known. */
interface ExpiryCurve {
  t: Float64Array;
  sqrtT: Float64Array;
  atm: Float64Array;
  smileScale: Float64Array;
  bound: Float64Array;
}

function expiryCurve(paths: DayPaths, expiryMs: number, shape: Float64Array): ExpiryCurve {
  const { n } = paths;
  const c: ExpiryCurve = {
    t: new Float64Array(n),
    sqrtT: new Float64Array(n),
    atm: new Float64Array(n),
    smileScale: new Float64Array(n),
    bound: new Float64Array(n),
  };
  for (let m = 0; m < n; m++) {
    const t = Math.max(MIN_T, (expiryMs - paths.ts[m] - 60_000) / YEAR_MS);
    // As simSurfaceVol (the log-moneyness is summed from logs there, within rounding).
    const atm = (paths.vix[m] / 100) * (0.85 + 0.15 * Math.min(1, (t * 365) / 30));
    c.t[m] = t;
    c.sqrtT[m] = Math.sqrt(t);
    c.atm[m] = atm;
    c.smileScale[m] = atm * Math.sqrt(Math.max(t, 1 / (365 * 24)));
    c.bound[m] = tradeChance(0, 1, (expiryMs - paths.ts[m]) / DAY_MS, shape[m]);
  }
  return c;
}

/** The floor of {@linkcode tradeChance}. */
const MIN_CHANCE = 0.002;

const cents = (v: number) => Math.max(0.01, Math.round(v * 100) / 100);

/** One day's underlying path and VIX, shared by every contract of the chain. */
export interface DayPaths {
  n: number;
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  vix: Float64Array;
}

/** The day's path of `underlying` (an index path for `I:` underlyings) and the VIX. */
export function dayPaths(
  seed: number,
  underlying: string,
  date: string,
  window: PathWindow,
): DayPaths {
  const under = underlying.startsWith("I:")
    ? indexBars(seed, underlying, date, window)
    : equityBars(seed, underlying, date, window);
  const vix = vixBars(seed, date, window);
  const n = under.length;
  const p: DayPaths = {
    n,
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    vix: new Float64Array(n),
  };
  for (let m = 0; m < n; m++) {
    const b = under[m];
    p.ts[m] = b.ts;
    p.open[m] = b.open;
    p.high[m] = b.high;
    p.low[m] = b.low;
    p.close[m] = b.close;
    p.vix[m] = vix[m].close;
  }
  return p;
}

/** Columns of option bars, appended contract by contract. */
export interface BarColumns {
  /** Index of each row's contract in the list given to {@linkcode appendChainBars}. */
  contract: number[];
  ts: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
  vwap: number[];
  trades: number[];
}

/** Empty {@linkcode BarColumns}. */
export function barColumns(): BarColumns {
  return {
    contract: [],
    ts: [],
    open: [],
    high: [],
    low: [],
    close: [],
    volume: [],
    vwap: [],
    trades: [],
  };
}

/** What the kernel needs of a contract. */
export interface SimContract {
  ticker: string;
  root: string;
  expiry: string;
  right: "call" | "put";
  strike: number;
}

/** Growable Float64 columns of the minutes that may trade (before the cheapness cut). */
class Candidates {
  n = 0;
  cols: Float64Array[] = Array.from({ length: 7 }, () => new Float64Array(1024));
  push(contract: number, m: number, t: number, vol: number, u: number, away: number, k: number) {
    if (this.n === this.cols[0].length) {
      this.cols = this.cols.map((c) => {
        const bigger = new Float64Array(c.length * 2);
        bigger.set(c);
        return bigger;
      });
    }
    const i = this.n++, c = this.cols;
    c[0][i] = contract;
    c[1][i] = m;
    c[2][i] = t;
    c[3][i] = vol;
    c[4][i] = u;
    c[5][i] = away;
    c[6][i] = k;
  }
}

/**
 * Appends the bars of `contracts` on the day of `paths` to `out`, contract by contract (row
 * tag: the contract's index). Per minute only the surface vol, the distance from the money
 * and one uniform draw are computed; the minutes whose draw falls under the trade chance
 * before the cheapness cut are priced in four batched Black–Scholes calls (open, close and
 * the minute's extremes) for the whole chain at once, then cut and quoted.
 */
export function appendChainBars(
  seed: number,
  paths: DayPaths,
  contracts: readonly SimContract[],
  date: string,
  out: BarColumns,
): void {
  const { n } = paths;
  const shape = new Float64Array(n);
  for (let m = 0; m < n; m++) shape[m] = uShape(m, n);
  const carry = SIM_RATE - SIM_DIVIDEND_YIELD;
  const lnS = paths.close.map(Math.log);
  const cand = new Candidates();
  const rngs = contracts.map((c) => rngFor(seed, c.ticker, date, "option"));
  const curves = new Map<number, ExpiryCurve>();
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i];
    const am = optionRoot(c.root).settlement === "am";
    if (date > c.expiry || (am && date === c.expiry)) continue;
    const expiryMs = am ? nyToUtcMs(c.expiry, 9, 30) : nyToUtcMs(c.expiry, 16, 0);
    let curve = curves.get(expiryMs);
    if (curve === undefined) curves.set(expiryMs, curve = expiryCurve(paths, expiryMs, shape));
    const { t, sqrtT, atm, smileScale, bound } = curve;
    const lnK = Math.log(c.strike), rng = rngs[i];
    for (let m = 0; m < n; m++) {
      const u = rng.uniform();
      // exp(-0.6 away) <= 1 and the cheapness cut only lowers the chance: most minutes of
      // far expiries are rejected here, before the surface is evaluated.
      if (u >= bound[m] && u >= MIN_CHANCE) continue;
      const lnKS = lnK - lnS[m];
      const x = SMILE_EDGE * Math.tanh((lnKS - carry * t[m]) / smileScale[m] / SMILE_EDGE);
      const vol = atm[m] * (1 - SKEW * x + CURVATURE * x * x);
      const away = Math.abs(lnKS / (vol * sqrtT[m]));
      const daysLeft = (expiryMs - paths.ts[m]) / DAY_MS;
      if (u < tradeChance(away, 1, daysLeft, shape[m])) {
        cand.push(i, m, t[m], vol, u, away, daysLeft);
      }
    }
  }
  const k = cand.n;
  if (k === 0) return;
  const [ci, mi, tk, vk, uk, awayk, daysk] = cand.cols.map((c) => c.subarray(0, k));
  const right = new Int8Array(k), strike = new Float64Array(k);
  const sOpen = new Float64Array(k), sClose = new Float64Array(k);
  const sUp = new Float64Array(k), sDown = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = contracts[ci[j]], m = mi[j];
    const call = c.right === "call";
    right[j] = call ? 1 : -1;
    strike[j] = c.strike;
    sOpen[j] = paths.open[m];
    sClose[j] = paths.close[m];
    // The option's best and worst prices in the minute come from the underlying's extremes.
    sUp[j] = call ? paths.high[m] : paths.low[m];
    sDown[j] = call ? paths.low[m] : paths.high[m];
  }
  const price = (spot: Float64Array) =>
    blackScholes({
      right,
      spot,
      strike,
      tYears: tk,
      rate: SIM_RATE,
      dividendYield: SIM_DIVIDEND_YIELD,
      vol: vk,
      outputs: ["price"],
    }).price;
  const pOpen = price(sOpen), pClose = price(sClose), pUp = price(sUp), pDown = price(sDown);
  const half = (p: number) => Math.max(0.005, 0.015 * p);
  for (let j = 0; j < k; j++) {
    const m = mi[j];
    if (uk[j] >= tradeChance(awayk[j], pClose[j], daysk[j], shape[m])) continue;
    const rng = rngs[ci[j]];
    const noiseA = rng.uniform() - 0.5, noiseB = rng.uniform() - 0.5;
    const size = Math.exp(0.6 * rng.normal()), split = rng.uniform();
    const open = cents(pOpen[j] + noiseA * half(pOpen[j]));
    const close = cents(pClose[j] + noiseB * half(pClose[j]));
    const high = Math.max(open, close, cents(pUp[j] + half(pUp[j]) * 0.5));
    const low = Math.min(open, close, cents(pDown[j] - half(pDown[j]) * 0.5));
    const volume = Math.max(1, Math.round(400 * Math.exp(-awayk[j] / 1.5) * shape[m] * size));
    out.contract.push(ci[j]);
    out.ts.push(paths.ts[m]);
    out.open.push(open);
    out.high.push(high);
    out.low.push(low);
    out.close.push(close);
    out.volume.push(volume);
    out.vwap.push(Math.round(((open + high + low + close) / 4) * 10_000) / 10_000);
    out.trades.push(Math.max(1, Math.round(volume / (3 + 10 * split))));
  }
}

/** Minute bars of option `ticker` on `date` (empty once the contract has stopped trading). */
export function simOptionBars(
  seed: number,
  ticker: string,
  date: string,
  window: PathWindow,
): MinuteBar[] {
  const f = parseOptionTicker(ticker);
  if (date > f.expiry) return [];
  const paths = dayPaths(seed, f.underlying, date, window);
  const out = barColumns();
  appendChainBars(seed, paths, [{ ...f, ticker, root: f.root! }], date, out);
  return out.ts.map((ts, i) => ({
    ts,
    open: out.open[i],
    high: out.high[i],
    low: out.low[i],
    close: out.close[i],
    volume: out.volume[i],
    vwap: out.vwap[i],
    trades: out.trades[i],
  }));
}
