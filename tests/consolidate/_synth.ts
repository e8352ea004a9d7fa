/**
 * A small deterministic market for the consolidation tests and benchmark: SPY and VIX minute
 * bars, 0DTE contracts around the open priced by Black–Scholes on a VIX-driven vol, and news,
 * as frames in the lake's schemas. Seeded; no clock.
 *
 * @module
 */
import pl from "nodejs-polars";
import { minuteGrid, tradingDays } from "../../lib/calendar/mod.ts";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { formatOptionTicker } from "../../lib/market/mod.ts";
import { Manifest, partitionKey, writePartition } from "../../lib/lake/mod.ts";

/** A seeded PRNG in [0, 1) (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@linkcode synthMarket}. */
export interface SynthOptions {
  from: string;
  to: string;
  seed?: number;
  /** Contracts a day (alternating call above / put below the open). @default 4 */
  contracts?: number;
  /** Probability that a contract trades in a minute. @default 1 */
  tradeProb?: number;
  /** Probability that an underlying / VIX minute is missing. @default 0 */
  gapProb?: number;
  /** Articles a day. @default 3 */
  newsPerDay?: number;
}

/** The frames of one synthetic market, one entry per trading date. */
export interface SynthDay {
  date: string;
  underlying: pl.DataFrame;
  vix: pl.DataFrame;
  options: pl.DataFrame;
  contracts: pl.DataFrame;
  news: pl.DataFrame;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const ts = (name: string, ms: number[]) =>
  pl.Series(name, ms, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));

function bars(ms: number[], close: number[], volume: number, ticker?: string): pl.DataFrame {
  const n = ms.length;
  const cols = [
    ...(ticker === undefined ? [] : [pl.Series("ticker", ms.map(() => ticker), pl.Utf8)]),
    ts("ts", ms),
    pl.Series("open", close.map((c, i) => (i > 0 ? close[i - 1] : c)), pl.Float64),
    pl.Series(
      "high",
      close.map((c, i) => round2(Math.max(c, i > 0 ? close[i - 1] : c))),
      pl.Float64,
    ),
    pl.Series(
      "low",
      close.map((c, i) => round2(Math.min(c, i > 0 ? close[i - 1] : c))),
      pl.Float64,
    ),
    pl.Series("close", close, pl.Float64),
    pl.Series("volume", Array(n).fill(volume), pl.Float64),
    pl.Series("vwap", close, pl.Float64),
    pl.Series("trades", Array(n).fill(10), pl.Int64),
    pl.Series("source", Array(n).fill("synth"), pl.Utf8),
  ];
  return pl.DataFrame(cols);
}

/** One synthetic market per trading date of [from, to]. */
export function synthMarket(options: SynthOptions): SynthDay[] {
  const { from, to, seed = 7, contracts = 4, tradeProb = 1, gapProb = 0, newsPerDay = 3 } = options;
  const rnd = prng(seed);
  let spot = 500, vix = 16;
  return tradingDays(from, to).map((date) => {
    const grid = Array.from(minuteGrid(date));
    const spots: number[] = [], vixes: number[] = [];
    for (let i = 0; i < grid.length; i++) {
      const shock = (rnd() - 0.5) * 0.0012;
      spot = round2(spot * (1 + shock));
      vix = round2(Math.max(9, vix * (1 - shock * 4) + (16 - vix) * 0.001));
      spots.push(spot);
      vixes.push(vix);
    }
    const keep = grid.map(() => rnd() >= gapProb);
    const keepV = grid.map(() => rnd() >= gapProb);
    const pick = <T>(xs: T[], k: boolean[]) => xs.filter((_, i) => k[i]);
    const open = Math.round(spots[0]);
    const defs = Array.from({ length: contracts }, (_, k) => {
      const right = k % 2 === 0 ? "call" as const : "put" as const;
      const strike = right === "call" ? open + 1 + (k >> 1) : open - (k >> 1);
      return {
        right,
        strike,
        ticker: formatOptionTicker({ underlying: "SPY", expiry: date, right, strike }),
      };
    }).sort((a, b) => (a.ticker < b.ticker ? -1 : 1));
    const closeMs = grid[grid.length - 1] + 60_000;
    const optMs: number[] = [], optClose: number[] = [], optTicker: string[] = [];
    for (const c of defs) {
      const rows = grid.map((_, i) => i).filter(() => rnd() < tradeProb);
      const g = blackScholes({
        right: c.right,
        spot: rows.map((i) => spots[i]),
        strike: c.strike,
        tYears: rows.map((i) => Math.max(60_000, closeMs - grid[i] - 60_000) / (365 * 86_400_000)),
        rate: 0.045,
        dividendYield: 0.013,
        vol: rows.map((i) => vixes[i] / 100 * (1 + 0.5 * Math.abs(c.strike / spots[i] - 1) * 10)),
      });
      rows.forEach((i, j) => {
        optMs.push(grid[i]);
        optClose.push(Math.max(0.01, round2(g.price[j])));
        optTicker.push(c.ticker);
      });
    }
    const options = pl.concat(defs.map((c) => {
      const idx = optTicker.flatMap((t, i) => (t === c.ticker ? [i] : []));
      return bars(idx.map((i) => optMs[i]), idx.map((i) => optClose[i]), 25, c.ticker);
    }));
    const published = Array.from(
      { length: newsPerDay },
      () => grid[0] - 3_600_000 + rnd() * 8 * 3_600_000,
    )
      .map(Math.round).sort((a, b) => a - b);
    const news = pl.DataFrame([
      pl.Series("id", published.map((_, i) => `${date}-${i}`), pl.Utf8),
      ts("published", published),
      ...["title", "publisher", "url"].map((n) => pl.Series(n, published.map(() => n), pl.Utf8)),
      pl.Series("tickers", published.map(() => "SPY"), pl.Utf8),
      pl.Series("sentiment", published.map(() => round2(rnd() * 2 - 1)), pl.Float64),
      ...["sentiment_label", "sentiment_reasoning"].map((n) =>
        pl.Series(n, published.map(() => n), pl.Utf8)
      ),
      pl.Series("source", published.map(() => "synth"), pl.Utf8),
    ]);
    return {
      date,
      underlying: bars(pick(grid, keep), pick(spots, keep), 1e5),
      vix: bars(pick(grid, keepV), pick(vixes, keepV), 0),
      options,
      contracts: pl.DataFrame({
        ticker: defs.map((c) => c.ticker),
        expiry: defs.map(() => date),
        right: defs.map((c) => c.right),
        strike: defs.map((c) => c.strike),
        multiplier: defs.map(() => 100),
        style: defs.map(() => "american"),
        source: defs.map(() => "synth"),
      }),
      news,
    };
  });
}

/** All days' frames concatenated per input, as `consolidate` takes them. */
export function synthInputs(days: SynthDay[]) {
  const cat = (k: keyof Omit<SynthDay, "date">) => pl.concat(days.map((d) => d[k]));
  return {
    underlying: cat("underlying"),
    vix: cat("vix"),
    options: cat("options"),
    contracts: cat("contracts"),
    news: cat("news"),
  };
}

/** Writes the days into a lake under `root` (SPY, I:VIX, options, contracts, news). */
export async function writeSynthLake(root: string, days: SynthDay[]): Promise<void> {
  const sets = [
    ["equity_minute", "SPY", "underlying"],
    ["index_minute", "I:VIX", "vix"],
    ["option_minute", "SPY", "options"],
    ["option_contracts", "SPY", "contracts"],
    ["news", "SPY", "news"],
  ] as const;
  for (const [dataset, value, key] of sets) {
    const manifest = await Manifest.open(root, dataset);
    for (const day of days) {
      const id = { dataset, value, date: day.date };
      manifest.record(partitionKey(id), await writePartition(root, id, day[key]));
    }
    await manifest.flush();
  }
}
