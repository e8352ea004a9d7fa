/**
 * The simulator's daily layer: per symbol, the open and close level, the open-to-close
 * variance and the volatility regime of every weekday from 2015-01-01 to 2027-12-31, plus
 * the VIX's daily close. Each day is a pure function of `(seed, symbol)` and the shocks of
 * the days before it, so any date can be evaluated alone; results are cached per
 * `(seed, symbol)`.
 *
 * Model (calibration sources in docs/simulator.md): a market factor drives every symbol.
 * Its annualised volatility is `VOL_FLOOR + exp(h)`, with `h` the sum of a fast (half-life
 * ≈ 4 days) and a slow (≈ 70 days) AR(1) whose shocks are correlated −0.8 with the day's
 * market return (the leverage effect: volatility clusters, jumps on sell-offs, and the VIX
 * falls when prices rise). The day's return uses the volatility known at the previous close
 * times a Student-t-like shock (a Gaussian scaled by an inverse-gamma variance, 5 degrees
 * of freedom: fat tails), split into an overnight gap (a fixed share of the variance) and
 * the open-to-close move. Log-prices are a random walk with the symbol's drift (the expected
 * log-return per year), shifted so that the level on 2025-03-03 is the profile's anchor.
 * Nothing here is predictable from past prices except the volatility.
 *
 * @module
 */
import { holidays } from "../../calendar/mod.ts";
import { hash32, rngFor } from "../../random/mod.ts";

const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2027, 11, 31) / 86_400_000;
const DAYS = LAST_DAY - FIRST_DAY + 1;

/** Calibrated constants of the daily layer (sources in docs/simulator.md). */
export const DAILY_MODEL = {
  /** Lowest annualised market volatility (VIX floor ≈ 100 · VRP · floor). */
  volFloor: 0.065,
  /** exp of the log-volatility mean: median volatility ≈ volFloor + this. */
  volScale: 0.06,
  fastPhi: 0.85,
  fastSigma: 0.14,
  slowPhi: 0.993,
  slowSigma: 0.085,
  /** Correlation of volatility shocks with the market shock (leverage effect). */
  leverage: -0.75,
  /** Degrees of freedom of the daily shock's Student-t mixture (even). */
  tailDf: 8,
  /** Largest variance multiplier of a day (a shock of at most ≈ 2.2 × a normal one's). */
  maxTail: 5,
  /** Share of a day's variance that falls overnight (close to open). */
  gapShare: 0.25,
  /** Open-to-close variance of a 13:00 session relative to a full one. */
  halfDayVariance: 0.35,
  /** The VIX over the market's volatility: the variance risk premium. */
  vrp: 1.2,
  /** Log-volatility saturates softly towards this (a tanh: spikes stay under a VIX of ≈ 100). */
  logVolCap: 3,
} as const;

/** Per-symbol parameters of the daily layer. */
export interface SymbolProfile {
  /** Level on 2025-03-03. */
  anchor: number;
  /** Drift: the expected log-return per year. */
  growth: number;
  /** Loading on the market factor. */
  beta: number;
  /** Annualised volatility of the symbol's own part. */
  idioVol: number;
  /** Average shares traded in a regular session. */
  dailyVolume: number;
}

const KNOWN: Record<string, SymbolProfile> = {
  SPY: { anchor: 580, growth: 0.08, beta: 1, idioVol: 0, dailyVolume: 60e6 },
  QQQ: { anchor: 500, growth: 0.1, beta: 1.15, idioVol: 0.06, dailyVolume: 40e6 },
  IWM: { anchor: 210, growth: 0.06, beta: 1.1, idioVol: 0.1, dailyVolume: 30e6 },
  DIA: { anchor: 430, growth: 0.07, beta: 0.9, idioVol: 0.05, dailyVolume: 4e6 },
  AAPL: { anchor: 235, growth: 0.1, beta: 1.1, idioVol: 0.18, dailyVolume: 50e6 },
  MSFT: { anchor: 395, growth: 0.1, beta: 1.0, idioVol: 0.16, dailyVolume: 20e6 },
  // Indices with listed options (their chains need real levels); I:SPX is ten SPY shares
  // (SIM_ALIASES).
  "I:NDX": { anchor: 20500, growth: 0.13, beta: 1.15, idioVol: 0.06, dailyVolume: 0 },
  "I:RUT": { anchor: 2200, growth: 0.06, beta: 1.1, idioVol: 0.1, dailyVolume: 0 },
};

/** The profile of a symbol: a known one, or one derived from the symbol's hash. */
export function symbolProfile(symbol: string): SymbolProfile {
  const known = KNOWN[symbol];
  if (known) return known;
  const h = hash32(`profile:${symbol}`);
  return {
    anchor: 20 + (h % 38_000) / 100,
    growth: 0.04 + ((h >>> 8) % 60) / 1000,
    beta: 0.8 + ((h >>> 4) % 60) / 100,
    idioVol: 0.12 + ((h >>> 12) % 20) / 100,
    dailyVolume: 2e6 + (h % 20) * 1e6,
  };
}

/** The daily layer of one symbol, indexed by {@linkcode dayIndex}. */
export interface DailySeries {
  /** Open level of each weekday (NaN on weekends). */
  open: Float64Array;
  /** Close level of each weekday (NaN on weekends). */
  close: Float64Array;
  /** Variance of the open-to-close log-return of each weekday (the intraday path's budget). */
  ocVar: Float64Array;
  /** Annualised market volatility of each day, known at the previous close. */
  marketVol: Float64Array;
  /** Annualised total volatility of the symbol on each day (without the tail multiplier). */
  vol: Float64Array;
  /** Standardised market shock of each day (positive = up day; unit variance, fat tails). */
  marketShock: Float64Array;
  /** The VIX's close on each weekday (the same for every symbol). */
  vix: Float64Array;
}

/** Days since 2015-01-01 of a `YYYY-MM-DD` date; RangeError outside 2015–2027. */
export function dayIndex(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const i = Date.UTC(y, m - 1, d) / 86_400_000 - FIRST_DAY;
  if (!(i >= 0 && i < DAYS)) {
    throw new RangeError(`Cannot simulate ${date}: the simulator covers 2015-01-01 to 2027-12-31`);
  }
  return i;
}

/** `YYYY-MM-DD` of day index `i`. */
export function dayDate(i: number): string {
  return new Date((FIRST_DAY + i) * 86_400_000).toISOString().slice(0, 10);
}

interface MarketDays {
  vol: Float64Array;
  /** Variance multiplier of the day (inverse gamma, mean 1). */
  lambda: Float64Array;
  gap: Float64Array;
  oc: Float64Array;
  shock: Float64Array;
  vix: Float64Array;
  halfDay: Uint8Array;
}

const marketCache = new Map<number, MarketDays>();

let halfDays: Uint8Array | null = null;

/** 1 on the weekdays that are 13:00 sessions (the same for every seed; built once). */
function halfDayTable(): Uint8Array {
  if (halfDays) return halfDays;
  halfDays = new Uint8Array(DAYS);
  for (let y = 2015; y <= 2027; y++) {
    for (const h of holidays(y)) if (h.kind === "early_close") halfDays[dayIndex(h.date)] = 1;
  }
  return halfDays;
}

/** The market factor's days under `seed`: volatility, tail multiplier, standardised shocks. */
function marketDays(seed: number): MarketDays {
  const hit = marketCache.get(seed);
  if (hit) return hit;
  const M = DAILY_MODEL;
  const rng = rngFor(seed, "market-daily-v2");
  const out: MarketDays = {
    vol: new Float64Array(DAYS),
    lambda: new Float64Array(DAYS),
    gap: new Float64Array(DAYS),
    oc: new Float64Array(DAYS),
    shock: new Float64Array(DAYS),
    vix: new Float64Array(DAYS).fill(NaN),
    halfDay: new Uint8Array(DAYS),
  };
  const rho = M.leverage, rhoC = Math.sqrt(1 - rho * rho), cap = M.logVolCap;
  const level = (h: number) => M.volFloor + M.volScale * Math.exp(cap * Math.tanh(h / cap));
  const halfTable = halfDayTable();
  let fast = 0, slow = 0;
  for (let i = 0; i < DAYS; i++) {
    // Draw every day (weekends too) so each day's shocks do not depend on the calendar.
    // χ² with tailDf (even) degrees of freedom: 2·Gamma(tailDf/2) = −2 ln of a product of uniforms.
    let prod = 1;
    for (let k = 0; k < M.tailDf / 2; k++) prod *= 1 - rng.uniform();
    const lambda = Math.min(M.maxTail, (M.tailDf - 2) / (-2 * Math.log(prod)));
    const zg = rng.normal(), zo = rng.normal(), eta1 = rng.normal(), eta2 = rng.normal();
    const weekday = (i + 4) % 7; // 2015-01-01 was a Thursday
    const vol = level(fast + slow);
    out.vol[i] = vol;
    if (weekday === 0 || weekday === 6) continue;
    const half = halfTable[i] ? M.halfDayVariance : 1;
    out.halfDay[i] = halfTable[i];
    const g = Math.sqrt(M.gapShare) * zg, o = Math.sqrt((1 - M.gapShare) * half) * zo;
    const m = Math.sqrt(lambda) * (g + o) / Math.sqrt(M.gapShare + (1 - M.gapShare) * half);
    out.lambda[i] = lambda;
    out.gap[i] = g;
    out.oc[i] = o;
    out.shock[i] = m;
    fast = M.fastPhi * fast + M.fastSigma * (rho * m + rhoC * eta1);
    slow = M.slowPhi * slow + M.slowSigma * (rho * m + rhoC * eta2);
    out.vix[i] = 100 * M.vrp * level(fast + slow);
  }
  marketCache.set(seed, out);
  return out;
}

const cache = new Map<string, DailySeries>();

/** Symbols whose whole path is another's, scaled (I:SPX is ten SPY shares). */
export const SIM_ALIASES: Readonly<Record<string, { of: string; scale: number }>> = {
  "I:SPX": { of: "SPY", scale: 10 },
};

/** The daily layer of `symbol` under `seed` (cached). */
export function dailySeries(seed: number, symbol: string): DailySeries {
  const key = `${seed}\u0000${symbol}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const alias = SIM_ALIASES[symbol];
  if (alias) {
    const base = dailySeries(seed, alias.of);
    const scaled = {
      ...base,
      open: base.open.map((v) => v * alias.scale),
      close: base.close.map((v) => v * alias.scale),
    };
    cache.set(key, scaled);
    return scaled;
  }
  const p = symbolProfile(symbol);
  const mk = marketDays(seed);
  const own = rngFor(seed, symbol, "daily-v2");
  const s: DailySeries = {
    open: new Float64Array(DAYS).fill(NaN),
    close: new Float64Array(DAYS).fill(NaN),
    ocVar: new Float64Array(DAYS),
    marketVol: mk.vol,
    vol: new Float64Array(DAYS),
    marketShock: mk.shock,
    vix: mk.vix,
  };
  const root = Math.sqrt(252), G = DAILY_MODEL.gapShare;
  const anchorDay = Date.UTC(2025, 2, 3) / 86_400_000 - FIRST_DAY;
  let x = 0, atAnchor = 0;
  for (let i = 0; i < DAYS; i++) {
    // (a symbol without an own part, SPY, skips its draws: they would be multiplied by 0)
    const eg = p.idioVol > 0 ? own.normal() : 0, eo = p.idioVol > 0 ? own.normal() : 0;
    s.vol[i] = Math.hypot(p.beta * mk.vol[i], p.idioVol);
    if (Number.isNaN(mk.vix[i])) continue;
    const half = mk.halfDay[i] ? DAILY_MODEL.halfDayVariance : 1;
    const bm = p.beta * mk.vol[i] * Math.sqrt(mk.lambda[i]);
    const share = G + (1 - G) * half; // the day's variance relative to a full day
    const drift = p.growth / 252;
    const gap = drift * G / share + (bm * mk.gap[i] + p.idioVol * Math.sqrt(G) * eg) / root;
    const oc = drift * (1 - G) * half / share +
      (bm * mk.oc[i] + p.idioVol * Math.sqrt((1 - G) * half) * eo) / root;
    s.ocVar[i] = (1 - G) * half * (bm * bm + p.idioVol * p.idioVol) / 252;
    s.open[i] = x + gap;
    x += gap + oc;
    s.close[i] = x;
    if (i === anchorDay) atAnchor = x;
  }
  const shift = Math.log(p.anchor) - atAnchor;
  for (let i = 0; i < DAYS; i++) {
    s.open[i] = Math.exp(s.open[i] + shift);
    s.close[i] = Math.exp(s.close[i] + shift);
  }
  cache.set(key, s);
  return s;
}

/** The close of the weekday before day `i` (the previous session's close level). */
export function previousClose(series: DailySeries, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!Number.isNaN(series.close[j])) return series.close[j];
  return series.open[i];
}
