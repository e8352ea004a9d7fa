// Consolidated-table frames for the option-strategy tests: literal rows, and a priced chain.
import pl from "nodejs-polars";
import { session } from "@lib/calendar/mod.ts";
import { parseOptionTicker } from "@lib/market/mod.ts";
import { blackScholes } from "@lib/greeks/mod.ts";
import { mulberry32 } from "@lib/random/mod.ts";

/** One row: `m` minutes after 09:30 on `date`. Greeks default to NaN, volume to 100. */
export interface Row {
  ticker: string;
  date: string;
  m: number;
  close: number;
  spot: number;
  high?: number;
  low?: number;
  volume?: number;
  delta?: number;
  gamma?: number;
  theta?: number;
  vega?: number;
  iv?: number;
  open?: number;
  vix?: number;
  multiplier?: number;
  /** Underlying open of the minute (AM settlement). @default spot */
  uOpen?: number;
}

/** Rows as a consolidated-table frame (only the columns the strategies read). */
export function tableOf(rows: Row[]): pl.DataFrame {
  const f = (k: keyof Row, d: number) => rows.map((r) => (r[k] as number | undefined) ?? d);
  const fields = rows.map((r) => parseOptionTicker(r.ticker));
  return pl.DataFrame([
    pl.Series("ticker", rows.map((r) => r.ticker), pl.Utf8),
    pl.Series("ts", rows.map((r) => session(r.date)!.openMs + r.m * 60_000), pl.Float64)
      .cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("right", fields.map((x) => x.right), pl.Utf8),
    pl.Series("strike", fields.map((x) => x.strike), pl.Float64),
    pl.Series("expiry", fields.map((x) => x.expiry), pl.Utf8).str.strptime(pl.Date, "%Y-%m-%d"),
    pl.Series("multiplier", f("multiplier", 100), pl.Float64),
    pl.Series("open", rows.map((r) => r.open ?? r.close), pl.Float64),
    pl.Series("high", rows.map((r) => r.high ?? r.close), pl.Float64),
    pl.Series("low", rows.map((r) => r.low ?? r.close), pl.Float64),
    pl.Series("close", f("close", NaN), pl.Float64),
    pl.Series("volume", f("volume", 100), pl.Float64),
    pl.Series("spot", f("spot", NaN), pl.Float64),
    pl.Series("underlying_open", rows.map((r) => r.uOpen ?? r.spot), pl.Float64),
    pl.Series("vix_close", f("vix", NaN), pl.Float64),
    pl.Series("delta", f("delta", NaN), pl.Float64),
    pl.Series("gamma", f("gamma", NaN), pl.Float64),
    pl.Series("theta_day", f("theta", NaN), pl.Float64),
    pl.Series("vega_pct", f("vega", NaN), pl.Float64),
    pl.Series("iv", f("iv", NaN), pl.Float64),
  ]);
}

/** OCC ticker of `root` (expiry YYYY-MM-DD). */
export const occ = (root: string, expiry: string, right: "C" | "P", strike: number) =>
  `O:${root}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${
    String(Math.round(strike * 1000)).padStart(8, "0")
  }`;

/** Options of {@linkcode pricedChain}. */
export interface PricedChainOptions {
  root?: string;
  dates: string[];
  /** Strikes either side of the first spot, every `step`. */
  halfWidth: number;
  step?: number;
  /** Expiry offsets in trading dates from each date (0 = same day). */
  expiries?: number[];
  minutes?: number;
  spot0?: number;
  vol?: number;
  seed?: number;
}

/**
 * A whole chain priced by Black–Scholes every minute on a seeded random-walk spot, strikes
 * listed each day within `halfWidth` steps of its opening spot: every
 * contract trades every minute (volume 50), Greeks and IV are the pricing ones (a smile-free
 * surface with vol drifting by ±0.5 point a minute). Expiries are among `dates`.
 */
export function pricedChain(o: PricedChainOptions): pl.DataFrame {
  const { root = "SPY", dates, halfWidth, step = 1, expiries = [0], minutes = 390 } = o;
  const rand = mulberry32(o.seed ?? 1);
  let spot = o.spot0 ?? 600, vol = o.vol ?? 0.15;
  const strikes: number[] = [];
  for (let k = -halfWidth; k <= halfWidth; k++) {
    strikes.push(Math.round(spot / step) * step + k * step);
  }
  const cols: Record<string, number[] | string[]> = {
    ticker: [],
    ts: [],
    right: [],
    strike: [],
    expiry: [],
    close: [],
    spot: [],
    delta: [],
    gamma: [],
    theta_day: [],
    vega_pct: [],
    iv: [],
  };
  const push = (k: string, v: number | string) => (cols[k] as (number | string)[]).push(v);
  dates.forEach((date, di) => {
    const open = session(date)!.openMs;
    const exps = expiries.map((x) => dates[di + x]).filter((x) => x !== undefined);
    strikes.length = 0; // listed around the day's opening spot
    for (let k = -halfWidth; k <= halfWidth; k++) {
      strikes.push(Math.round(spot / step) * step + k * step);
    }
    for (let m = 0; m < minutes; m++) {
      spot *= Math.exp(0.0006 * (rand() * 2 - 1) * Math.sqrt(3));
      vol = Math.min(0.6, Math.max(0.05, vol + 0.005 * (rand() * 2 - 1)));
      const ts = open + m * 60_000;
      for (const e of exps) {
        const tYears = Math.max(
          (session(e)!.closeMs - ts - 60_000) / (365 * 86_400_000),
          1 / 525_600,
        );
        for (const right of ["call", "put"] as const) {
          const g = blackScholes({
            right,
            spot,
            strike: strikes,
            tYears,
            rate: 0.045,
            dividendYield: 0.013,
            vol,
            outputs: ["price", "delta", "gamma", "theta", "vega"],
          });
          strikes.forEach((k, i) => {
            push("ticker", occ(root, e, right === "call" ? "C" : "P", k));
            push("ts", ts), push("right", right), push("strike", k), push("expiry", e);
            push("close", Math.max(g.price[i], 0.01)), push("spot", spot);
            push("delta", g.delta[i]), push("gamma", g.gamma[i]);
            push("theta_day", g.theta[i] / 365), push("vega_pct", g.vega[i] / 100);
            push("iv", vol);
          });
        }
      }
    }
  });
  const n = cols.ticker.length;
  return pl.DataFrame({
    ...cols,
    ts: pl.Series("ts", cols.ts as number[], pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    expiry: pl.Series("expiry", cols.expiry as string[], pl.Utf8).str.strptime(pl.Date, "%Y-%m-%d"),
    multiplier: new Float64Array(n).fill(100),
    volume: new Float64Array(n).fill(50),
  });
}
