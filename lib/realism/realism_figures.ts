/**
 * The stylized facts of a market, measured on bar arrays: the figures `deno task sim-check`
 * compares between the simulator and real data. Pure functions; no I/O.
 *
 * @module
 */
import { acf, corr, excessKurtosis, mean } from "./_stats.ts";
import { REALISM_BANDS } from "./bands.ts";

export { REALISM_BANDS };

/** One regular session of minute bars (ascending `ts`, one bar per traded minute). */
export interface RealismSession {
  /** Trading date `YYYY-MM-DD`. */
  date: string;
  /** The session's opening instant, UTC ms (09:30 New York). */
  openMs: number;
  /** Session length in minutes (390, or 210 on an early close). */
  minutes: number;
  /** Bars: `ts` (start of minute, UTC ms), `open`, `close`, `volume` (null for indices). */
  bars: ReadonlyArray<{ ts: number; open: number; close: number; volume: number | null }>;
}

/** Daily bars (ascending dates); `earlyClose` marks 13:00 sessions. */
export interface RealismDaily {
  date: string[];
  open: ArrayLike<number>;
  close: ArrayLike<number>;
  /** Session volume; NaN where unknown (those days are left out of the half-day figure). */
  volume?: ArrayLike<number>;
  earlyClose?: ArrayLike<boolean>;
}

/** Daily VIX closes (ascending dates). */
export interface RealismVix {
  date: string[];
  close: ArrayLike<number>;
}

/** Option-surface figures measured elsewhere (they need a pricer), in vol points. */
export interface RealismSurface {
  /** 25-delta put IV minus 25-delta call IV, about 7 days to expiry. */
  rr25Short?: number;
  /** 25-delta put IV minus 25-delta call IV, about 30 days to expiry. */
  rr25Long?: number;
  /** Skew slope of the short expiry over that of the long one (per unit of log-strike). */
  slopeRatio?: number;
  /** Correlation of daily changes of 30-day at-the-money IV with those of the VIX. */
  ivVixCorr?: number;
}

/** What {@linkcode realismFigures} measures on. Any part may be missing. */
export interface RealismInput {
  sessions?: RealismSession[];
  daily?: RealismDaily;
  vix?: RealismVix;
  surface?: RealismSurface;
}

/** One measured figure with its target band. */
export interface RealismFigure {
  id: string;
  label: string;
  /** NaN when the input lacks what the figure needs. */
  value: number;
  /** Inclusive target band; `-Infinity`/`Infinity` for one-sided ones. */
  band: [number, number];
  /** Where the band comes from. */
  source: string;
}

/** Session prices at minute boundaries: p[0] = first open, p[j] = close of minute j − 1. */
function boundaries(s: RealismSession): Float64Array {
  const p = new Float64Array(s.minutes + 1).fill(NaN);
  for (const b of s.bars) {
    const m = Math.round((b.ts - s.openMs) / 60_000);
    if (m < 0 || m >= s.minutes) continue;
    if (m === 0) p[0] = b.open;
    p[m + 1] = b.close;
  }
  if (Number.isNaN(p[0])) p[0] = s.bars[0]?.open ?? NaN;
  for (let j = 1; j <= s.minutes; j++) if (Number.isNaN(p[j])) p[j] = p[j - 1];
  return p;
}

/**
 * Lag-1 autocorrelation of non-overlapping k-minute log-returns, pairs within sessions:
 * `Σ rₜ rₜ₊₁ / Σ rₜ²` (no mean removed: at minute horizons the mean is noise), each
 * session's returns first divided by their own root mean square so that one wild day does
 * not decide a year's figure (with fat tails, a single day's products can outweigh
 * hundreds of calm ones). NaN with fewer than 3 pairs.
 */
export function intradayAutocorr(sessions: RealismSession[], k: number): number {
  let num = 0, den = 0, pairs = 0;
  for (const s of sessions) {
    const p = boundaries(s);
    const r: number[] = [];
    for (let j = k; j <= s.minutes; j += k) r.push(Math.log(p[j] / p[j - k]));
    const ms = mean(r.map((x) => x * x));
    if (!(ms > 0) || r.length < 2) continue;
    for (let j = 1; j < r.length; j++) num += (r[j - 1] * r[j]) / ms;
    for (let j = 0; j < r.length; j++) den += (r[j] * r[j]) / ms;
    pairs += r.length - 1;
  }
  return pairs >= 3 ? num / den : NaN;
}

function intradayShape(sessions: RealismSession[]) {
  let vo = 0, vm = 0, vc = 0, ao = 0, am = 0, ac = 0, no = 0, nm = 0, nc = 0, nv = 0;
  const first: number[] = [], last: number[] = [];
  for (const s of sessions) {
    if (s.minutes !== 390) continue;
    const p = boundaries(s);
    first.push(Math.log(p[30] / p[0]));
    last.push(Math.log(p[390] / p[360]));
    for (const b of s.bars) {
      const m = Math.round((b.ts - s.openMs) / 60_000);
      if (m < 0 || m >= 390) continue;
      const a = Math.abs(Math.log(p[m + 1] / p[m]));
      const v = b.volume ?? NaN;
      if (m < 30) (ao += a, no++, vo += v);
      else if (m >= 150 && m < 240) (am += a, nm++, vm += v);
      else if (m >= 360) (ac += a, nc++, vc += v);
      if (b.volume !== null) nv++;
    }
  }
  const ratio = (a: number, na: number, b: number, nb: number) =>
    na > 0 && nb > 0 && b > 0 ? (a / na) / (b / nb) : NaN;
  return {
    amPm: corr(first, last),
    uAbsOpen: ratio(ao, no, am, nm),
    uAbsClose: ratio(ac, nc, am, nm),
    uVolOpen: nv > 0 ? ratio(vo, no, vm, nm) : NaN,
    uVolClose: nv > 0 ? ratio(vc, nc, vm, nm) : NaN,
  };
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function dailyFigures(d: RealismDaily) {
  const n = d.date.length;
  const r: number[] = [], gap: number[] = [], oc: number[] = [];
  for (let i = 1; i < n; i++) {
    r.push(Math.log(d.close[i] / d.close[i - 1]));
    gap.push(Math.abs(Math.log(d.open[i] / d.close[i - 1])));
    oc.push(Math.abs(Math.log(d.close[i] / d.open[i])));
  }
  const abs = r.map(Math.abs);
  const acfs = Array.from({ length: 10 }, (_, l) => acf(abs, l + 1));
  // Half days against the ten full sessions around them (volume trends over decades).
  let hV = 0, fV = 0, halfDays = 0, volumeDays = 0;
  const absRatios: number[] = [];
  if (d.earlyClose) {
    for (let i = 1; i < n; i++) {
      if (!d.earlyClose[i]) continue;
      const near: number[] = [];
      for (let j = Math.max(1, i - 5); j <= Math.min(n - 1, i + 5); j++) {
        if (j !== i && !d.earlyClose[j]) near.push(j);
      }
      if (near.length === 0) continue;
      halfDays++;
      absRatios.push(oc[i - 1] / mean(near.map((j) => oc[j - 1])));
      const v = d.volume ? near.map((j) => d.volume![j]).filter(Number.isFinite) : [];
      if (d.volume && Number.isFinite(d.volume[i]) && v.length > 0) {
        (hV += d.volume[i], fV += mean(v), volumeDays++);
      }
    }
  }
  return {
    kurtosis: excessKurtosis(r),
    absAcf1: acfs[0],
    absAcfMin: Math.min(...acfs),
    absAcfDecay: acfs[9] / acfs[0],
    gapRatio: mean(gap) / mean(oc),
    halfDayAbs: halfDays > 0 ? median(absRatios) : NaN,
    halfDayVolume: volumeDays > 0 ? hV / fV : NaN,
  };
}

function vixFigures(v: RealismVix, d?: RealismDaily) {
  const logs = Array.from(v.close, Math.log);
  const phi = acf(logs, 1);
  const out: Record<string, number> = {
    vixMin: Math.min(...Array.from(v.close)),
    vixMax: Math.max(...Array.from(v.close)),
    vixHalfLife: phi > 0 && phi < 1 ? Math.log(0.5) / Math.log(phi) : NaN,
    leverage: NaN,
  };
  if (d) {
    const at = new Map(v.date.map((x, i) => [x, i]));
    const r: number[] = [], dv: number[] = [];
    for (let i = 1; i < d.date.length; i++) {
      const a = at.get(d.date[i]), b = at.get(d.date[i - 1]);
      if (a === undefined || b === undefined || a !== b + 1) continue;
      r.push(Math.log(d.close[i] / d.close[i - 1]));
      dv.push(v.close[a] - v.close[b]);
    }
    out.leverage = corr(r, dv);
  }
  return out;
}

/**
 * Measures every figure of {@linkcode REALISM_BANDS} that `input` allows (NaN for the rest).
 *
 * @example
 * ```ts
 * import { realismFigures } from "./realism_figures.ts";
 * import { equal } from "node:assert/strict";
 * // daily figures need at least 13 days
 * const date = Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
 * const close = date.map((_, i) => 100 + (i % 3));
 * const open = close.map((_, i) => (i === 0 ? 100 : close[i - 1])); // no overnight gaps
 * const figures = realismFigures({ daily: { date, open, close } });
 * equal(figures.find((f) => f.id === "gapRatio")!.value, 0);
 * equal(Number.isNaN(figures.find((f) => f.id === "ac1")!.value), true); // no minutes given
 * ```
 */
export function realismFigures(input: RealismInput): RealismFigure[] {
  const values: Record<string, number> = {};
  if (input.sessions && input.sessions.length > 0) {
    for (const k of [1, 5, 15, 30]) values[`ac${k}`] = intradayAutocorr(input.sessions, k);
    Object.assign(values, intradayShape(input.sessions));
  }
  if (input.daily && input.daily.date.length > 12) Object.assign(values, dailyFigures(input.daily));
  if (input.vix && input.vix.date.length > 2) {
    Object.assign(values, vixFigures(input.vix, input.daily));
  }
  if (input.surface) Object.assign(values, input.surface);
  return Object.entries(REALISM_BANDS).map(([id, b]) => ({
    id,
    label: b.label,
    value: values[id] ?? NaN,
    band: b.band,
    source: b.source,
  }));
}

/** True when a figure's value lies inside its band (false for NaN). */
export function figurePasses(f: RealismFigure): boolean {
  return f.value >= f.band[0] && f.value <= f.band[1];
}
