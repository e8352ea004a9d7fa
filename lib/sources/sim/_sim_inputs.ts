// The simulator's side of the realism check: its bars as RealismInput.
import { session, tradingDays } from "../../calendar/mod.ts";
import {
  corr,
  type RealismInput,
  type RealismSession,
  type RealismSurface,
} from "../../realism/mod.ts";

import { equityBars } from "./_intraday.ts";
import { deltaPoint, simSurfaceVol } from "./_surface.ts";
import { simDailyBars } from "./sim_daily_bars.ts";

/** Daily figures run over the simulator's whole span. */
export const SIM_SPAN = { from: "2015-01-02", to: "2027-12-31" } as const;

/** The simulated SPY minutes of `from`..`to`, SPY and VIX daily bars 2015–2027, the surface. */
export function simRealismInput(seed: number, from: string, to: string): RealismInput {
  const sessions: RealismSession[] = [];
  const days = tradingDays(from, to);
  for (const date of days) {
    const s = session(date)!;
    const window = { openMs: s.openMs, minutes: s.minutes };
    sessions.push({ date, ...window, bars: equityBars(seed, "SPY", date, window) });
  }
  const d = simDailyBars("SPY", SIM_SPAN.from, SIM_SPAN.to, { seed });
  // Volume is known where minutes were built (the daily layer has none).
  const volume = new Map(
    sessions.map((s) => [s.date, s.bars.reduce((a, b) => a + (b.volume ?? 0), 0)]),
  );
  return {
    sessions,
    daily: {
      date: d.date,
      open: d.open,
      close: d.close,
      volume: d.date.map((x) => volume.get(x) ?? NaN),
      earlyClose: d.date.map((x) => session(x)!.earlyClose),
    },
    vix: { date: d.date, close: d.vix },
    surface: surfaceFigures(seed, from, to),
  };
}

/** Risk reversals and skew slopes of the surface at each day's VIX close, averaged. */
function surfaceFigures(seed: number, from: string, to: string): RealismSurface {
  const d = simDailyBars("SPY", from, to, { seed });
  const short = 7 / 365, long = 30 / 365;
  let rrS = 0, rrL = 0, ratio = 0;
  const atm: number[] = [];
  for (const vix of d.vix) {
    const ps = deltaPoint(vix, short, -0.25), cs = deltaPoint(vix, short, 0.25);
    const pl = deltaPoint(vix, long, -0.25), cl = deltaPoint(vix, long, 0.25);
    rrS += 100 * (ps.vol - cs.vol);
    rrL += 100 * (pl.vol - cl.vol);
    ratio += ((ps.vol - cs.vol) / (cs.lnKF - ps.lnKF)) / ((pl.vol - cl.vol) / (cl.lnKF - pl.lnKF));
    atm.push(100 * simSurfaceVol(vix, 0, long));
  }
  const n = d.vix.length;
  const dv = Array.from(d.vix).slice(1).map((v, i) => v - d.vix[i]);
  const da = atm.slice(1).map((v, i) => v - atm[i]);
  return { rr25Short: rrS / n, rr25Long: rrL / n, slopeRatio: ratio / n, ivVixCorr: corr(da, dv) };
}
