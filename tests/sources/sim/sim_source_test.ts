import assert from "node:assert/strict";
import { session, tradingDays } from "@lib/calendar/mod.ts";
import { planBackfill, runJobs } from "@lib/ingest/mod.ts";
import { barViolation, type MinuteBar } from "@lib/market/mod.ts";
import { createSimSource } from "@lib/sources/mod.ts";
import { simDailyBars } from "@lib/sources/sim/mod.ts";
import { filesUnder, tempLake } from "../../lake/_helpers.ts";

const sim = createSimSource({ seed: 42 });
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function corr(a: number[], b: number[]): number {
  const [ma, mb] = [mean(a), mean(b)];
  let c = 0, va = 0, vb = 0;
  for (let i = 0; i < a.length; i++) {
    c += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return c / Math.sqrt(va * vb);
}
const logReturns = (bars: MinuteBar[]) =>
  bars.slice(1).map((b, i) => Math.log(b.close / bars[i].close));

async function backfillTo(root: string, seed: number) {
  const source = createSimSource({ seed });
  const jobs = planBackfill(source, {
    datasets: ["equity", "index"],
    symbols: ["SPY", "QQQ"],
    indices: ["I:VIX"],
    from: "2025-03-03",
    to: "2025-03-07",
  });
  await runJobs(jobs, { root, concurrency: 3 });
}

Deno.test("sim: two backfills with the same seed write identical files, another seed other prices", async () => {
  const [a, b, c] = [await tempLake(), await tempLake(), await tempLake()];
  await backfillTo(a, 42);
  await backfillTo(b, 42);
  await backfillTo(c, 43);
  const files = await filesUnder(a);
  assert.equal(files.length, 15 + 2 + 2); // 5 days x 3 tickers, two manifests, two schema baselines
  assert.deepEqual(await filesUnder(b), files);
  for (const f of files) {
    assert.deepEqual(await Deno.readFile(`${b}/${f}`), await Deno.readFile(`${a}/${f}`), f);
  }
  assert.deepEqual(await filesUnder(c), files);
  for (const f of files.filter((f) => f.endsWith(".parquet"))) {
    assert.notDeepEqual(await Deno.readFile(`${c}/${f}`), await Deno.readFile(`${a}/${f}`), f);
  }
  const [spy42, spy43] = [
    await createSimSource({ seed: 42 }).minuteBars("SPY", "2025-03-05"),
    await createSimSource({ seed: 43 }).minuteBars("SPY", "2025-03-05"),
  ];
  const same = spy42.filter((bar, m) => bar.close === spy43[m].close).length;
  assert.ok(same < 10, `${same} of 390 closes equal across seeds`);
  for (const root of [a, b, c]) await Deno.remove(root, { recursive: true });
});

Deno.test("sim: 390 minute bars on a normal day and 210 on the 2025-11-28 early close", async () => {
  for (const [date, minutes] of [["2025-03-05", 390], ["2025-11-28", 210]] as const) {
    const s = session(date)!;
    for (const ticker of ["SPY", "QQQ", "I:VIX"]) {
      const bars = await sim.minuteBars(ticker, date);
      assert.equal(bars.length, minutes, `${ticker} ${date}`);
      assert.deepEqual(
        bars.map((b) => b.ts),
        Array.from({ length: minutes }, (_, m) => s.openMs + m * 60_000),
      );
    }
  }
});

Deno.test("sim: every bar of equities and indices passes barViolation for a month", async () => {
  for (const date of tradingDays("2025-11-03", "2025-12-05")) {
    const window = { startMs: session(date)!.openMs, endMs: session(date)!.closeMs };
    for (const ticker of ["SPY", "QQQ", "AAPL", "ZZZT", "I:VIX", "I:SPX"]) {
      for (const bar of await sim.minuteBars(ticker, date)) {
        assert.equal(barViolation(bar, window), null, `${ticker} ${date} ${bar.ts}`);
        assert.equal(bar.volume === null, ticker.startsWith("I:"));
      }
    }
  }
});

Deno.test("sim: volume is U-shaped, the first and last 30 minutes above midday, every day", async () => {
  for (const date of tradingDays("2025-03-03", "2025-03-31")) {
    const v = (await sim.minuteBars("SPY", date)).map((b) => b.volume!);
    const midday = mean(v.slice(165, 225)); // 12:15-13:15
    assert.ok(mean(v.slice(0, 30)) > 1.2 * midday, `open ${date}`);
    assert.ok(mean(v.slice(-30)) > 1.2 * midday, `close ${date}`);
  }
});

Deno.test("sim: VIX minute changes move against SPY minute returns (correlation < -0.5)", async () => {
  const allReturns: number[] = [], allChanges: number[] = [];
  for (const date of tradingDays("2025-03-03", "2025-03-31")) {
    const spy = await sim.minuteBars("SPY", date);
    const vix = await sim.minuteBars("I:VIX", date);
    const returns = logReturns(spy);
    const changes = vix.slice(1).map((b, i) => b.close - vix[i].close);
    // each day on its own (cent rounding of a VIX near 10 adds noise to single days)
    assert.ok(corr(returns, changes) < -0.3, `${date}: ${corr(returns, changes).toFixed(3)}`);
    allReturns.push(...returns);
    allChanges.push(...changes);
  }
  const rho = corr(allReturns, allChanges);
  assert.ok(rho < -0.5, `correlation over the month ${rho.toFixed(3)}`);
});

Deno.test("sim: volatility clusters within days and across days", async () => {
  const days = tradingDays("2023-01-03", "2024-12-31").filter((d) => session(d)!.minutes === 390);
  const abs: number[][] = [];
  const closes: number[] = [];
  for (const date of days) {
    const bars = await sim.minuteBars("SPY", date);
    abs.push(logReturns(bars).map(Math.abs));
    closes.push(bars[389].close);
  }
  // minute |returns| divided by their average at that minute of the day (removes the U shape)
  const profile = abs[0].map((_, m) => mean(abs.map((r) => r[m])));
  const now: number[] = [], before: number[] = [];
  for (const r of abs) {
    for (let m = 1; m < r.length; m++) {
      now.push(r[m] / profile[m]);
      before.push(r[m - 1] / profile[m - 1]);
    }
  }
  const intraday = corr(now, before);
  assert.ok(intraday > 0.2, `minute |r| lag-1 autocorrelation ${intraday.toFixed(3)}`);
  // the daily bars are the minute bars' first open and last close
  const d = simDailyBars("SPY", "2023-01-03", "2024-12-31");
  const at = new Map(d.date.map((x, i) => [x, i]));
  assert.deepEqual(closes, days.map((x) => d.close[at.get(x)!]));
  // across days over the simulator's whole span (13 years: two years of a calm regime can
  // show little clustering, as real 2017 did); iid returns would give 0 ± 0.018
  const all = simDailyBars("SPY", "2015-01-02", "2027-12-31");
  const daily = logReturns(Array.from(all.close, (close) => ({ close }) as MinuteBar)).map(
    Math.abs,
  );
  const across = corr(daily.slice(1), daily.slice(0, -1));
  assert.ok(across > 0.08, `daily |r| lag-1 autocorrelation ${across.toFixed(3)}`);
});

Deno.test("sim: closed days, dates outside its years and extended hours are rejected", async () => {
  await assert.rejects(sim.minuteBars("SPY", "2025-03-08"), {
    name: "RangeError",
    message: "Cannot simulate SPY on 2025-03-08: the exchange is closed",
  });
  await assert.rejects(sim.minuteBars("I:VIX", "2025-12-25"), {
    name: "RangeError",
    message: "Cannot simulate I:VIX on 2025-12-25: the exchange is closed",
  });
  await assert.rejects(sim.news("SPY", "2025-01-01"), RangeError);
  await assert.rejects(sim.minuteBars("SPY", "2014-12-31"), RangeError);
  await assert.rejects(sim.minuteBars("SPY", "2025-03-03", { extendedHours: true }), {
    name: "RangeError",
    message: "The simulator has regular-session minutes only: set backfill.extendedHours to false",
  });
});
