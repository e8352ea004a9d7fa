/**
 * The simulator's daily layer: per symbol, a daily close level and an annualised volatility
 * regime for every weekday from 2015-01-01 to 2027-12-31. Each day is a pure function of
 * `(seed, symbol)` and the shocks of the days before it, so any date can be evaluated alone;
 * results are cached per `(seed, symbol)`.
 *
 * Model: a market factor drives every symbol. Log-volatility follows an AR(1) whose shocks
 * are negatively correlated with market returns (the leverage effect, so volatility clusters
 * and rises when prices fall); log-price deviates from an exponential trend anchor by a
 * slowly mean-reverting process.
 *
 * @module
 */
import { hash32, rngFor } from "../../random/mod.ts";

const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2027, 11, 31) / 86_400_000;
const DAYS = LAST_DAY - FIRST_DAY + 1;

/** Per-symbol parameters of the daily layer. */
export interface SymbolProfile {
  /** Trend level on 2025-03-03. */
  anchor: number;
  /** Annual trend growth (log). */
  growth: number;
  /** Loading on the market factor. */
  beta: number;
  /** Long-run annualised volatility of the symbol's own part. */
  idioVol: number;
  /** Average shares traded in a regular session. */
  dailyVolume: number;
}

const KNOWN: Record<string, SymbolProfile> = {
  SPY: { anchor: 580, growth: 0.1, beta: 1, idioVol: 0, dailyVolume: 60e6 },
  QQQ: { anchor: 500, growth: 0.13, beta: 1.15, idioVol: 0.06, dailyVolume: 40e6 },
  IWM: { anchor: 210, growth: 0.06, beta: 1.1, idioVol: 0.1, dailyVolume: 30e6 },
  DIA: { anchor: 430, growth: 0.08, beta: 0.9, idioVol: 0.05, dailyVolume: 4e6 },
  AAPL: { anchor: 235, growth: 0.15, beta: 1.1, idioVol: 0.18, dailyVolume: 50e6 },
  MSFT: { anchor: 395, growth: 0.15, beta: 1.0, idioVol: 0.16, dailyVolume: 20e6 },
  // Indices with listed options (their chains need real levels: SPX is about 10 × SPY).
  "I:SPX": { anchor: 5800, growth: 0.1, beta: 1, idioVol: 0, dailyVolume: 0 },
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
    growth: 0.04 + ((h >>> 8) % 100) / 1000,
    beta: 0.8 + ((h >>> 4) % 60) / 100,
    idioVol: 0.12 + ((h >>> 12) % 20) / 100,
    dailyVolume: 2e6 + (h % 20) * 1e6,
  };
}

/** The daily layer of one symbol, indexed by {@linkcode dayIndex}. */
export interface DailySeries {
  /** Close level of each weekday (NaN on weekends). */
  close: Float64Array;
  /** Annualised market volatility regime of each day (the VIX is built from it). */
  marketVol: Float64Array;
  /** Annualised total volatility of the symbol on each day. */
  vol: Float64Array;
  /** Standardised market shock of each day (positive = up day). */
  marketShock: Float64Array;
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

const cache = new Map<string, DailySeries>();

/** The daily layer of `symbol` under `seed` (cached). */
export function dailySeries(seed: number, symbol: string): DailySeries {
  const key = `${seed}\u0000${symbol}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const p = symbolProfile(symbol);
  const market = rngFor(seed, "market-daily");
  const own = rngFor(seed, symbol, "daily");
  const close = new Float64Array(DAYS).fill(NaN);
  const marketVol = new Float64Array(DAYS);
  const vol = new Float64Array(DAYS);
  const marketShock = new Float64Array(DAYS);
  const mu = Math.log(0.14), phi = 0.97, sigmaH = 0.09, rho = -0.7;
  const anchorDay = Date.UTC(2025, 2, 3) / 86_400_000 - FIRST_DAY;
  let h = mu, x = 0;
  for (let i = 0; i < DAYS; i++) {
    // Draw every day (weekends too) so each day's shocks do not depend on the calendar.
    const m = market.normal(), eta = market.normal(), e = own.normal();
    const weekday = (i + 4) % 7; // 2015-01-01 was a Thursday
    if (weekday === 0 || weekday === 6) {
      marketVol[i] = Math.exp(h);
      vol[i] = vol[i - 1] || Math.exp(h);
      continue;
    }
    h = mu + phi * (h - mu) + sigmaH * (rho * m + Math.sqrt(1 - rho * rho) * eta);
    const mv = Math.exp(h);
    const total = Math.hypot(p.beta * mv, p.idioVol);
    const r = (p.beta * mv * m + p.idioVol * e) / Math.sqrt(252) - 0.5 * (total * total) / 252;
    x = 0.99 * x + r;
    const years = (i - anchorDay) / 365;
    close[i] = p.anchor * Math.exp(p.growth * years + x);
    marketVol[i] = mv;
    vol[i] = total;
    marketShock[i] = m;
  }
  const series = { close, marketVol, vol, marketShock };
  cache.set(key, series);
  return series;
}

/** The close of the weekday before day `i` (the previous session's close level). */
export function previousClose(series: DailySeries, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!Number.isNaN(series.close[j])) return series.close[j];
  return series.close[i];
}
