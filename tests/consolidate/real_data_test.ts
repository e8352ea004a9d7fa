/**
 * Real data through the consolidation: Alpha Vantage SPY and VIX 1-minute bars of
 * 2019-02-11..15 (masonblier/eqker, ISC; see shared/data/alphavantage-2019/SOURCES.md) with
 * synthetic option bars priced on them, and LEAN's SPY option universes with vendor implied
 * vols (QuantConnect/Lean, Apache-2.0; shared/data/lean/SOURCES.md).
 *
 * @module
 */
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { nyToUtcMs, tradingDays } from "../../lib/calendar/mod.ts";
import { consolidate, consolidateLake } from "../../lib/consolidate/mod.ts";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { yearsToExpiryColumn } from "../../lib/greeks/years_to_expiry_column.ts";
import { Manifest, partitionKey, scan, writePartition } from "../../lib/lake/mod.ts";
import { formatOptionTicker } from "../../lib/market/mod.ts";

const DATA = new URL("../../../shared/data/", import.meta.url);
const FROM = "2019-02-11", TO = "2019-02-15", EXPIRY = "2019-02-15", VOL = 0.18;

interface Bar {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Alpha Vantage CSV: New York times stamped at the END of the minute, newest first. */
function readAlphaVantage(name: string): Bar[] {
  const text = Deno.readTextFileSync(new URL(`alphavantage-2019/${name}`, DATA));
  return text.trim().split("\n").slice(1).map((line) => {
    const [dt, open, high, low, close, volume] = line.split(",");
    const [date, time] = dt.split(" ");
    const [h, m] = time.split(":").map(Number);
    return {
      ts: nyToUtcMs(date, h, m) - 60_000,
      open: +open,
      high: +high,
      low: +low,
      close: +close,
      volume: +volume,
    };
  }).sort((a, b) => a.ts - b.ts);
}

function barsFrame(bars: Bar[], ticker?: string): pl.DataFrame {
  const c = <K extends keyof Bar>(k: K) => bars.map((b) => b[k]);
  return pl.DataFrame([
    ...(ticker === undefined ? [] : [pl.Series("ticker", bars.map(() => ticker), pl.Utf8)]),
    pl.Series("ts", c("ts"), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    ...(["open", "high", "low", "close", "volume"] as const).map((k) =>
      pl.Series(k, c(k), pl.Float64)
    ),
    pl.Series("vwap", bars.map(() => null), pl.Float64),
    pl.Series("trades", bars.map(() => null), pl.Int64),
    pl.Series("source", bars.map(() => "alphavantage"), pl.Utf8),
  ]);
}

const spy = readAlphaVantage("SPY_1min.csv");
const vix = readAlphaVantage("VIX_1min.csv");
const dayOf = (ts: number) => new Date(ts).toISOString().slice(0, 10);

/** Four contracts a day around the day's first close, trading every third minute, priced by
 * Black–Scholes at VOL with the rate and yield the consolidation is given. */
function optionDay(date: string) {
  const bars = spy.filter((b) => dayOf(b.ts) === date).filter((_, i) => i % 3 === 0);
  const atm = Math.round(bars[0].close);
  const defs = [["call", atm + 1], ["call", atm + 2], ["put", atm], ["put", atm - 1]] as const;
  const t = yearsToExpiryColumn(bars.map((b) => b.ts + 60_000), EXPIRY);
  const options = pl.concat(defs.map(([right, strike]) => {
    const ticker = formatOptionTicker({ underlying: "SPY", expiry: EXPIRY, right, strike });
    const g = blackScholes({
      right,
      spot: bars.map((b) => b.close),
      strike,
      tYears: t,
      rate: 0.03,
      dividendYield: 0.02,
      vol: VOL,
    });
    return barsFrame(bars.map((b, i) => ({ ...b, close: g.price[i] })), ticker);
  }));
  const contracts = pl.DataFrame({
    ticker: defs.map(([right, strike]) =>
      formatOptionTicker({ underlying: "SPY", expiry: EXPIRY, right, strike })
    ),
    expiry: defs.map(() => EXPIRY),
    right: defs.map(([r]) => r),
    strike: defs.map(([, k]) => k),
    multiplier: defs.map(() => 100),
    style: defs.map(() => "american"),
    source: defs.map(() => "test"),
  });
  return { options, contracts };
}

const dir = await Deno.makeTempDir({ prefix: "strikelab-real-" });
const root = `${dir}/lake`;
for (
  const [dataset, value, frameOf] of [
    ["equity_minute", "SPY", (d: string) => barsFrame(spy.filter((b) => dayOf(b.ts) === d))],
    ["index_minute", "I:VIX", (d: string) => barsFrame(vix.filter((b) => dayOf(b.ts) === d))],
    ["option_minute", "SPY", (d: string) => optionDay(d).options],
    ["option_contracts", "SPY", (d: string) => optionDay(d).contracts],
  ] as const
) {
  const manifest = await Manifest.open(root, dataset);
  for (const date of tradingDays(FROM, TO)) {
    const id = { dataset, value, date };
    manifest.record(partitionKey(id), await writePartition(root, id, frameOf(date)));
  }
  await manifest.flush();
}
const result = await consolidateLake(root, {
  underlying: "SPY",
  from: FROM,
  to: TO,
  rate: 0.03,
  dividendYield: 0.02,
});
const table = await (await scan("consolidated", { underlying: "SPY", root })).collect();

Deno.test("real SPY and VIX minutes of 2019 consolidate without errors, one row per option bar", () => {
  const bars = tradingDays(FROM, TO).reduce((n, d) => n + optionDay(d).options.height, 0);
  assert.equal(result.stats.rows, bars);
  assert.equal(table.height, bars);
  assert.equal(result.stats.offSession, 0);
  assert.deepEqual(result.warnings, ["no SPY news partitions: news_count is 0"]);
  assert.equal(table.getColumn("spot").nullCount(), 0);
  assert.equal(table.getColumn("underlying_vwap").nullCount(), table.height);
});

Deno.test("real VIX minutes join as-of backward, with gaps and a late first bar", () => {
  const vixTs = vix.map((b) => b.ts);
  const expected = (table.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toArray() as number[])
    .map((t) => {
      let k = -1;
      for (let i = 0; i < vixTs.length && vixTs[i] <= t; i++) k = i;
      return k < 0 ? null : vix[k].close;
    });
  assert.deepEqual(table.getColumn("vix_close").toArray(), expected);
  // VIX starts at 09:31 on 2019-02-11: the 09:30 rows have no VIX yet.
  assert.ok(expected.filter((v) => v === null).length >= 4);
});

Deno.test("implied vols recover the vol the synthetic options were priced with on real spot", () => {
  const ok = table.filter(pl.col("iv_status").eq(pl.lit("ok")));
  assert.ok(ok.height >= table.height * 0.95, `${ok.height} of ${table.height} ok`);
  const worst = ok.select(pl.col("iv").minus(VOL).abs().max().alias("d")).getColumn("d").get(0);
  assert.ok(worst < 1e-6, `max |iv − ${VOL}| = ${worst}`);
});

/** LEAN universe file: `#expiry,strike,right,open,high,low,close,…,implied_volatility,…`;
 * the row without expiry is the underlying's daily bar. */
function leanDay(name: string) {
  const d = name.slice(11, 19);
  const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const rows = Deno.readTextFileSync(new URL(`lean/option_universes_iv_greeks/${name}`, DATA))
    .trim().split("\n").slice(1).map((l) => l.split(","));
  const ts = new Date(nyToUtcMs(date, 15, 59));
  const iso = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const opts = rows.filter((r) => r[0] !== "");
  const tickers = opts.map((r) =>
    formatOptionTicker({
      underlying: "SPY",
      expiry: iso(r[0]),
      right: r[2] === "C" ? "call" : "put",
      strike: Number(r[1]),
    })
  );
  const bar = (close: number[]) => ({
    ts: close.map(() => ts),
    open: close,
    high: close,
    low: close,
    close,
    volume: close.map(() => 0),
    vwap: close,
    trades: close.map(() => 0),
  });
  const underlying = rows.find((r) => r[0] === "")!;
  return {
    vendorIv: new Map(tickers.map((t, i) => [t, Number(opts[i][9])])),
    inputs: {
      underlying: pl.DataFrame(bar([Number(underlying[6])])),
      options: pl.DataFrame({ ticker: tickers, ...bar(opts.map((r) => Number(r[6]))) }),
      contracts: pl.DataFrame({
        ticker: tickers,
        expiry: opts.map((r) => iso(r[0])),
        right: opts.map((r) => (r[2] === "C" ? "call" : "put")),
        strike: opts.map((r) => Number(r[1])),
        multiplier: opts.map(() => 100),
      }),
    },
  };
}

Deno.test("LEAN's real SPY chains consolidate, and implied vols land near the vendor's (snapshot check)", () => {
  const diffs: number[] = [];
  const files = [...Deno.readDirSync(new URL("lean/option_universes_iv_greeks/", DATA))]
    .map((e) => e.name).sort();
  assert.equal(files.length, 8);
  for (const name of files) {
    const { inputs, vendorIv } = leanDay(name);
    // r and q as the data's SOURCES.md uses for its BSM check.
    const t = consolidate(inputs, { rate: 0.053, dividendYield: 0.013 });
    assert.equal(t.height, inputs.options.height);
    for (const r of t.select("ticker", "iv").toRecords()) {
      const vendor = vendorIv.get(r.ticker as string)!;
      if (vendor > 0.05 && r.iv !== null) diffs.push(Math.abs((r.iv as number) - vendor));
    }
  }
  diffs.sort((a, b) => a - b);
  // The vendor uses a tree model with its own rates and dividends on daily closes: agreement
  // to a few vol points is what to expect, not to the digit.
  assert.ok(diffs.length >= 80, `${diffs.length} comparable contracts`);
  assert.ok(diffs[Math.floor(diffs.length / 2)] < 0.05, `median |Δiv| ${diffs[diffs.length >> 1]}`);
});

globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
