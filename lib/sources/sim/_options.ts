/**
 * The simulator's option minute bars: Black–Scholes–Merton prices of the contract along the
 * underlying's simulated path, on a volatility surface whose at-the-money level follows the
 * simulated VIX with a put skew and smile, plus bid/ask-like noise. Trades thin out away
 * from the money and in cheap contracts: minutes without trades are absent.
 *
 * @module
 */
import { nyToUtcMs } from "../../calendar/mod.ts";
import { blackScholes } from "../../greeks/black_scholes.ts";
import type { MinuteBar } from "../../market/bars.ts";
import { parseOptionTicker } from "../../market/parse_option_ticker.ts";
import { equityBars, type PathWindow, uShape } from "./_intraday.ts";
import { vixBars } from "./_index.ts";
import { rngFor } from "../../random/mod.ts";
import { simSurfaceVol } from "./_surface.ts";

export { simSurfaceVol };

/** The simulator's risk-free rate and dividend yield (continuous, per year). */
export const SIM_RATE = 0.045, SIM_DIVIDEND_YIELD = 0.013;
const YEAR_MS = 365 * 86_400_000;
const MIN_T = 60_000 / YEAR_MS;

const cents = (v: number) => Math.max(0.01, Math.round(v * 100) / 100);

/** Minute bars of option `ticker` on `date` (empty once the contract has expired). */
export function simOptionBars(seed: number, ticker: string, date: string, window: PathWindow) {
  const { underlying, expiry, right, strike } = parseOptionTicker(ticker);
  if (date > expiry) return [];
  const under = equityBars(seed, underlying, date, window);
  const vix = vixBars(seed, date, window);
  const n = under.length;
  const expiryMs = nyToUtcMs(expiry, 16, 0);
  const t = new Float64Array(n), vol = new Float64Array(n);
  const sOpen = new Float64Array(n), sClose = new Float64Array(n);
  const sUp = new Float64Array(n), sDown = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    const b = under[m];
    t[m] = Math.max(MIN_T, (expiryMs - b.ts - 60_000) / YEAR_MS);
    const forward = b.close * Math.exp((SIM_RATE - SIM_DIVIDEND_YIELD) * t[m]);
    vol[m] = simSurfaceVol(vix[m].close, Math.log(strike / forward), t[m]);
    sOpen[m] = b.open;
    sClose[m] = b.close;
    // The option's best and worst prices in the minute come from the underlying's extremes.
    sUp[m] = right === "call" ? b.high : b.low;
    sDown[m] = right === "call" ? b.low : b.high;
  }
  const price = (spot: Float64Array) =>
    blackScholes({
      right,
      spot,
      strike,
      tYears: t,
      rate: SIM_RATE,
      dividendYield: SIM_DIVIDEND_YIELD,
      vol,
      outputs: ["price"],
    }).price;
  const pOpen = price(sOpen), pClose = price(sClose), pUp = price(sUp), pDown = price(sDown);
  const rng = rngFor(seed, ticker, date, "option");
  const bars: MinuteBar[] = [];
  for (let m = 0; m < n; m++) {
    const lnKS = Math.log(strike / sClose[m]) / (vol[m] * Math.sqrt(t[m]));
    const away = Math.abs(lnKS);
    const cheap = pClose[m] < 0.05 ? 0.25 : 1;
    const pTrade = Math.min(
      0.98,
      Math.max(0.03, 0.97 * Math.exp(-0.45 * away) * cheap * uShape(m, n) / 1.6),
    );
    const u = rng.uniform(), noiseA = rng.uniform() - 0.5, noiseB = rng.uniform() - 0.5;
    const size = Math.exp(0.6 * rng.normal()), split = rng.uniform();
    if (u >= pTrade) continue;
    const half = (p: number) => Math.max(0.005, 0.015 * p);
    const open = cents(pOpen[m] + noiseA * half(pOpen[m]));
    const close = cents(pClose[m] + noiseB * half(pClose[m]));
    const high = Math.max(open, close, cents(pUp[m] + half(pUp[m]) * 0.5));
    const low = Math.min(open, close, cents(pDown[m] - half(pDown[m]) * 0.5));
    const volume = Math.max(1, Math.round(400 * Math.exp(-away / 1.5) * uShape(m, n) * size));
    bars.push({
      ts: under[m].ts,
      open,
      high,
      low,
      close,
      volume,
      vwap: Math.round(((open + high + low + close) / 4) * 10_000) / 10_000,
      trades: Math.max(1, Math.round(volume / (3 + 10 * split))),
    });
  }
  return bars;
}
