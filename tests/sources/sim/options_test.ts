// Properties of the simulator's option bars that a wrong simulator would fail: prices
// ordered by strike, put-call parity within the quoting noise, trades thinning away from the
// money, a surface whose level follows the VIX with a put skew, determinism per seed.
import { deepEqual, equal, notDeepEqual, ok } from "node:assert/strict";
import { nyToUtcMs, session, tradingDays } from "../../../lib/calendar/mod.ts";
import { impliedVolScalar } from "../../../lib/greeks/implied_vol_scalar.ts";
import { barViolation, type MinuteBar } from "../../../lib/market/bars.ts";
import { formatOptionTicker } from "../../../lib/market/format_option_ticker.ts";
import { SIM_DIVIDEND_YIELD, SIM_RATE } from "../../../lib/sources/sim/_options.ts";
import { createSimSource } from "../../../lib/sources/sim/mod.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-04";
const YEAR_MS = 365 * 86_400_000;

const ticker = (expiry: string, right: "call" | "put", strike: number) =>
  formatOptionTicker({ underlying: "SPY", expiry, right, strike });

/**
 * How far a bar's close may be from the model price: the bid/ask-like noise is at most half
 * of max(0.005, 1.5% of the price), then the price is rounded to the cent.
 */
const noise = (p: number) => 0.5 * Math.max(0.005, 0.015 * p) + 0.005 + 1e-9;

/** Years from the end of the minute starting at `ts` to 16:00 New York on `expiry`. */
const yearsLeft = (expiry: string, ts: number) => (nyToUtcMs(expiry, 16) - ts - 60_000) / YEAR_MS;

const closes = (bars: MinuteBar[]) => new Map(bars.map((b) => [b.ts, b.close]));

Deno.test("sim options: at each minute, calls get cheaper and puts dearer as the strike rises", async () => {
  const spy = await sim.minuteBars("SPY", DATE);
  const k0 = Math.round(spy[0].open);
  for (const expiry of [DATE, "2025-03-14"]) {
    for (const right of ["call", "put"] as const) {
      let pairs = 0, strict = 0;
      for (let k = k0 - 15; k < k0 + 15; k++) {
        const lo = closes(await sim.minuteBars(ticker(expiry, right, k), DATE));
        const hi = closes(await sim.minuteBars(ticker(expiry, right, k + 1), DATE));
        for (const [ts, a] of lo) {
          const b = hi.get(ts);
          if (b === undefined) continue;
          const [cheap, dear] = right === "call" ? [b, a] : [a, b];
          ok(dear >= cheap - noise(dear) - noise(cheap), `${expiry} ${right} ${k} at ${ts}`);
          pairs++;
          if (dear > cheap) strict++;
        }
      }
      ok(pairs > 200 && strict / pairs > 0.9, `${expiry} ${right}: ${strict} of ${pairs}`);
    }
  }
});

Deno.test("sim options: put-call parity holds within the quoting noise at every minute both trade", async () => {
  const expiry = "2025-03-14";
  const spot = closes(await sim.minuteBars("SPY", DATE));
  const k0 = Math.round(spot.values().next().value!);
  let checked = 0;
  for (let k = k0 - 20; k <= k0 + 20; k++) {
    const puts = closes(await sim.minuteBars(ticker(expiry, "put", k), DATE));
    for (const [ts, c] of closes(await sim.minuteBars(ticker(expiry, "call", k), DATE))) {
      const p = puts.get(ts);
      if (p === undefined) continue;
      const t = yearsLeft(expiry, ts);
      const forward = spot.get(ts)! * Math.exp(-SIM_DIVIDEND_YIELD * t) -
        k * Math.exp(-SIM_RATE * t);
      const gap = Math.abs(c - p - forward);
      ok(gap <= noise(c) + noise(p), `K ${k} at ${new Date(ts).toISOString()}: off by ${gap}`);
      checked++;
    }
  }
  // A 10-day expiry trades about half as often as a 0DTE one since whole chains (issue 13).
  ok(checked > 400, `${checked} minutes checked`);
});

Deno.test("sim options: minutes with trades thin out away from the money, and missing minutes are absent", async () => {
  const expiry = "2025-03-14";
  const s = session(DATE)!;
  const k0 = Math.round((await sim.minuteBars("SPY", DATE))[0].open);
  const traded = async (lo: number, hi: number) => {
    let n = 0, contracts = 0;
    for (let d = lo; d <= hi; d++) {
      for (const k of d === 0 ? [k0] : [k0 - d, k0 + d]) {
        for (const right of ["call", "put"] as const) {
          const bars = await sim.minuteBars(ticker(expiry, right, k), DATE);
          for (const b of bars) {
            equal(barViolation(b, { startMs: s.openMs, endMs: s.closeMs }), null);
            ok(b.volume! >= 1 && b.trades! >= 1, "a bar is a minute with trades");
          }
          n += bars.length;
          contracts++;
        }
      }
    }
    return n / contracts / s.minutes;
  };
  const near = await traded(0, 3), mid = await traded(7, 10), far = await traded(16, 20);
  ok(near > mid && mid > far, `fraction of minutes traded: ${near}, ${mid}, ${far}`);
  ok(far < 0.5 * near, `far ${far} vs near ${near}`);
  ok(near < 1, "even at the money some minutes have no trade");
});

/** The implied vol of `t`'s first bar at or after minute 200, with the VIX of that minute. */
async function ivAndVix(date: string, expiry: string, right: "call" | "put", strike: number) {
  const spy = closes(await sim.minuteBars("SPY", date));
  const vix = closes(await sim.minuteBars("I:VIX", date));
  const from = session(date)!.openMs + 200 * 60_000;
  const bar = (await sim.minuteBars(ticker(expiry, right, strike), date)).find((b) =>
    b.ts >= from
  )!;
  const iv = impliedVolScalar({
    right,
    price: bar.close,
    spot: spy.get(bar.ts)!,
    strike,
    tYears: yearsLeft(expiry, bar.ts),
    rate: SIM_RATE,
    dividendYield: SIM_DIVIDEND_YIELD,
  });
  equal(iv.status, "ok");
  return { iv: iv.vol, vix: vix.get(bar.ts)! / 100, spot: spy.get(bar.ts)! };
}

/** One date a month in 2025 and its listed expiry nearest 30 days ahead. */
async function monthlyDates() {
  const out: { date: string; expiry: string; spot: number }[] = [];
  for (let m = 1; m <= 12; m++) {
    const date = tradingDays(`2025-${String(m).padStart(2, "0")}-10`, "2025-12-31")[0];
    const expiries = [...new Set((await sim.optionContracts("SPY", date)).map((c) => c.expiry))];
    const target = Date.parse(date) + 30 * 86_400_000;
    expiries.sort((a, b) => Math.abs(Date.parse(a) - target) - Math.abs(Date.parse(b) - target));
    const spot = (await sim.minuteBars("SPY", date))[200].close;
    out.push({ date, expiry: expiries[0], spot });
  }
  return out;
}

Deno.test("sim options: the at-the-money implied vol follows the VIX, with a put skew on every date", async () => {
  const ivs: number[] = [], vixes: number[] = [];
  for (const { date, expiry, spot } of await monthlyDates()) {
    const atm = await ivAndVix(date, expiry, "call", Math.round(spot));
    const days = (Date.parse(expiry) - Date.parse(date)) / 86_400_000;
    // ~30-day at-the-money vol is the VIX level (scaled down a little below 30 days)
    const ratio = atm.iv / atm.vix;
    ok(ratio > 0.9 && ratio < 1.05, `${date} (${days} days): iv ${atm.iv} vs VIX ${atm.vix}`);
    const put = await ivAndVix(date, expiry, "put", Math.round(spot * 0.95));
    const call = await ivAndVix(date, expiry, "call", Math.round(spot * 1.05));
    ok(put.iv > atm.iv + 0.01 && atm.iv > call.iv, `${date}: ${put.iv} > ${atm.iv} > ${call.iv}`);
    ivs.push(atm.iv);
    vixes.push(atm.vix);
  }
  ok(Math.max(...vixes) / Math.min(...vixes) > 1.4, `VIX range too narrow: ${vixes}`);
  ok(correlation(ivs, vixes) > 0.95, `correlation ${correlation(ivs, vixes)}`);
});

function correlation(x: number[], y: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

Deno.test("sim options: bars are a pure function of (seed, ticker, date)", async () => {
  const a = ticker("2025-03-14", "call", 530), b = ticker("2025-03-14", "put", 520);
  const first = await sim.minuteBars(a, DATE);
  // another source, other contracts and dates computed first, then the same contract
  const other = createSimSource({ seed: 42 });
  await other.minuteBars(b, "2025-03-05");
  await other.minuteBars(b, DATE);
  deepEqual(await other.minuteBars(a, DATE), first);
  notDeepEqual(await createSimSource({ seed: 43 }).minuteBars(a, DATE), first);
  notDeepEqual(await sim.minuteBars(a, "2025-03-05"), first);
});

Deno.test("sim options: an expired contract has no bars, and the expiry day ends at the close", async () => {
  deepEqual(await sim.minuteBars(ticker("2025-03-04", "call", 530), "2025-03-05"), []);
  const s = session("2025-11-28")!; // an early close: 13:00
  // An at-the-money 0DTE put, at the strike nearest that day's open.
  const open = (await sim.minuteBars("SPY", "2025-11-28"))[0].open;
  const bars = await sim.minuteBars(ticker("2025-11-28", "put", Math.round(open)), "2025-11-28");
  ok(bars.length > 0 && bars.at(-1)!.ts < s.closeMs);
});
