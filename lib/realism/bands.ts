/**
 * The target band of every realism figure, with the real figure or publication it comes from
 * (docs/simulator.md). Bands are inclusive.
 *
 * @module
 */

/** The bands every figure is held to, with their sources. */
export const REALISM_BANDS: Record<
  string,
  { label: string; band: [number, number]; source: string }
> = {
  ac1: {
    label: "lag-1 autocorr, 1-min returns",
    band: [-0.05, 0.005],
    source: "real SPY minutes Feb–May 2024: −0.004 (issue 19); bid–ask bounce",
  },
  ac5: {
    label: "lag-1 autocorr, 5-min returns",
    band: [-0.05, 0.005],
    source: "real SPY Feb–May 2024: −0.017 (issue 19)",
  },
  ac15: {
    label: "lag-1 autocorr, 15-min returns",
    band: [-0.05, 0.05],
    source: "real SPY 10-min Feb–May 2024: −0.006 (issue 19)",
  },
  ac30: {
    label: "lag-1 autocorr, 30-min returns",
    band: [-0.05, 0.05],
    source: "no momentum or reversal at half-hour horizons",
  },
  amPm: {
    label: "corr(first 30 min, last 30 min)",
    band: [-0.15, 0.15],
    source: "Gao, Han, Li & Zhou (2018): small positive, R² ≈ 1.6% (ρ ≈ 0.13) for SPY 1993–2013",
  },
  uVolOpen: {
    label: "volume, first 30 min / midday",
    band: [1.5, 5],
    source: "SPY minute volume U-shape: open ≈ 2–3× midday",
  },
  uVolClose: {
    label: "volume, last 30 min / midday",
    band: [1.3, 6],
    source: "SPY: last half-hour ≈ 2–4× midday",
  },
  uAbsOpen: {
    label: "|1-min return|, first 30 min / midday",
    band: [1.3, 4],
    source: "Wood, McInish & Ord (1985); Andersen & Bollerslev (1997)",
  },
  uAbsClose: {
    label: "|1-min return|, last 30 min / midday",
    band: [1.05, 3],
    source: "Andersen & Bollerslev (1997): smaller rise into the close",
  },
  kurtosis: { label: "daily excess kurtosis", band: [2, 40], source: "SPY 1998–2021 (LEAN): ≈ 10" },
  absAcf1: {
    label: "ACF |daily return|, lag 1",
    band: [0.05, 0.5],
    source: "SPY 1998–2021 (LEAN): 0.28 (with 2008 and 2020); iid: 0 ± 0.02",
  },
  absAcfMin: {
    label: "min ACF |daily return|, lags 1–10",
    band: [0.03, 0.5],
    source: "volatility clustering: positive at every lag 1–10",
  },
  absAcfDecay: {
    label: "ACF |r| lag 10 / lag 1",
    band: [0.3, 1.2],
    source: "slow (hyperbolic-like) decay, Cont (2001)",
  },
  gapRatio: {
    label: "mean |overnight| / mean |open-to-close|",
    band: [0.35, 0.8],
    source: "SPY 1998–2021 (LEAN) daily bars",
  },
  halfDayAbs: {
    label: "median |open-to-close| half day / nearby days",
    band: [0.2, 0.9],
    source: "early closes are quieter: SPY 1998–2021 (LEAN) 0.51",
  },
  halfDayVolume: {
    label: "volume on half days / nearby full days",
    band: [0.2, 0.8],
    source: "SPY 1998–2021 (LEAN): early-close volume ≈ 40–50%",
  },
  leverage: {
    label: "corr(daily return, ΔVIX)",
    band: [-0.85, -0.6],
    source: "SPY vs VIX 2018–2019 (alphavantage), ≈ −0.75 to −0.8 over decades",
  },
  vixMin: { label: "VIX minimum", band: [8, 15], source: "CBOE VIX 1990–2024 low 9.1 (2017)" },
  vixMax: {
    label: "VIX maximum",
    band: [35, 95],
    source: "CBOE VIX closes: 80.9 (2008), 82.7 (2020); over 13 years expect > 35",
  },
  vixHalfLife: {
    label: "VIX half-life (days, AR(1) on log)",
    band: [5, 120],
    source: "log VIX daily AR(1) ≈ 0.97–0.98: 25–35 days",
  },
  rr25Short: {
    label: "25Δ put − call IV, ~7 days (vol pts)",
    band: [2, 15],
    source: "SPX/SPY: 3–8 vol points",
  },
  rr25Long: {
    label: "25Δ put − call IV, ~30 days (vol pts)",
    band: [2, 12],
    source: "SPX/SPY 1-month 25Δ risk reversal: 4–8 vol points",
  },
  slopeRatio: {
    label: "skew slope, 7 d / 30 d (per log-strike)",
    band: [1.2, 10],
    source: "skew steeper for short expiries (≈ 1/√T scaling)",
  },
  ivVixCorr: {
    label: "corr(Δ 30-day ATM IV, ΔVIX)",
    band: [0.8, 1],
    source: "the VIX is a 30-day SPX implied vol",
  },
};
