// The simulator's news: valid articles in their trading date's window (weekend news on
// Monday), sentiment in [-1, 1] that leans with the market, unique ids, determinism.
import { deepEqual, equal, notDeepEqual, ok } from "node:assert/strict";
import { nyDate, nyToUtcMs, previousTradingDay, tradingDays } from "../../../lib/calendar/mod.ts";
import { NewsArticleSchema, sentimentScore } from "../../../lib/market/news.ts";
import { createSimSource } from "../../../lib/sources/sim/mod.ts";

const sim = createSimSource({ seed: 42 });
const DAYS = tradingDays("2025-01-02", "2025-12-31");

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

Deno.test("sim news: a year of valid articles, each in its date's window, sentiment in [-1, 1] matching its label", async () => {
  const ids = new Set<string>();
  let weekend = 0, total = 0;
  for (const date of DAYS) {
    const startMs = nyToUtcMs(addDays(previousTradingDay(date), 1), 0);
    const endMs = nyToUtcMs(addDays(date, 1), 0);
    const articles = await sim.news("SPY", date);
    ok(articles.length >= 2, date);
    for (const a of articles) {
      deepEqual(NewsArticleSchema.parse(a), a);
      ok(a.publishedMs >= startMs && a.publishedMs < endMs, `${a.id} outside ${date}'s window`);
      ok(a.sentiment! >= -1 && a.sentiment! <= 1);
      equal(a.sentiment, sentimentScore(a.sentimentLabel!));
      ok(a.tickers.includes("SPY"));
      ok(!ids.has(a.id), `id ${a.id} repeated`);
      ids.add(a.id);
      const day = new Date(`${nyDate(a.publishedMs)}T12:00:00Z`).getUTCDay();
      if (day === 0 || day === 6) weekend++;
    }
    total += articles.length;
    const sorted = [...articles].sort((a, b) => a.publishedMs - b.publishedMs);
    deepEqual(articles, sorted, `${date} in publication order`);
  }
  ok(weekend > 50, `${weekend} weekend articles of ${total}, all in Mondays' windows`);
});

Deno.test("sim news: sentiment leans positive on the market's up days and negative on its down days", async () => {
  const up: number[] = [], down: number[] = [];
  let previous = NaN;
  for (const date of DAYS) {
    const close = (await sim.minuteBars("SPY", date)).at(-1)!.close;
    const news = await sim.news("SPY", date);
    const mean = news.reduce((s, a) => s + a.sentiment!, 0) / news.length;
    if (!Number.isNaN(previous)) (close > previous ? up : down).push(mean);
    previous = close;
  }
  const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  ok(up.length > 80 && down.length > 80);
  ok(avg(up) > 0.15 && avg(down) < -0.15, `up days ${avg(up)}, down days ${avg(down)}`);
});

Deno.test("sim news: the same seed gives the same articles, another seed others; other tickers mention SPY too", async () => {
  const date = "2025-03-03";
  deepEqual(await createSimSource({ seed: 42 }).news("SPY", date), await sim.news("SPY", date));
  notDeepEqual(await createSimSource({ seed: 7 }).news("SPY", date), await sim.news("SPY", date));
  const qqq = await sim.news("QQQ", date);
  ok(qqq.every((a) => a.tickers.join() === "QQQ,SPY" && a.title.startsWith("QQQ ")));
});
