/**
 * The simulator's news: a few articles a day per ticker, published mostly in business
 * hours, with a sentiment label that leans positive on the market's up days and negative on
 * its down days.
 *
 * @module
 */
import { tradingDateWindow } from "../../calendar/mod.ts";
import { type NewsArticle, sentimentScore } from "../../market/mod.ts";
import { dailySeries, dayIndex } from "./_daily.ts";
import { hash32, rngFor } from "../../random/mod.ts";

const PUBLISHERS = ["Sim Newswire", "Strike Street (sim)", "Tape Reader (sim)", "Desk Notes (sim)"];
const UP = ["rallies", "climbs", "gains", "pushes higher"];
const DOWN = ["slides", "drops", "falls", "retreats"];
const FLAT = ["drifts", "holds steady", "trades sideways", "pauses"];
const TOPICS = [
  "Fed speakers weigh on rate path",
  "earnings season kicks off",
  "Treasury yields move",
  "jobs data surprises",
  "inflation print in focus",
  "options expiry flows build",
  "tech leadership rotates",
  "oil prices swing",
];

/** Articles about `ticker` belonging to trading date `date` (see `Source.news`). */
export function simNews(seed: number, ticker: string, date: string): NewsArticle[] {
  const { startMs, endMs } = tradingDateWindow(date);
  const days = Math.round((endMs - startMs) / 86_400_000);
  const shock = dailySeries(seed, "SPY").marketShock[dayIndex(date)];
  const rng = rngFor(seed, ticker, date, "news");
  const count = 2 + Math.floor(rng.uniform() * 3) + days;
  const pPos = 1 / (1 + Math.exp(-1.3 * shock - 0.2)), pNeg = 1 / (1 + Math.exp(1.3 * shock + 0.4));
  const out: NewsArticle[] = [];
  for (let k = 0; k < count; k++) {
    const day = Math.floor(rng.uniform() * days);
    const hour = 6 + 14 * rng.uniform() ** 1.3; // mostly 06:00–20:00 New York
    const publishedMs = Math.floor((startMs + day * 86_400_000 + hour * 3_600_000) / 1000) * 1000;
    const u = rng.uniform();
    const label = u < pPos * 0.8 ? "positive" : u > 1 - pNeg * 0.8 ? "negative" : "neutral";
    const verbs = label === "positive" ? UP : label === "negative" ? DOWN : FLAT;
    const verb = verbs[Math.floor(rng.uniform() * verbs.length)];
    const topic = TOPICS[Math.floor(rng.uniform() * TOPICS.length)];
    const id = hash32(`${seed}|${ticker}|${date}|${k}`).toString(16).padStart(8, "0") +
      hash32(`${ticker}|${date}|${k}|${seed}`).toString(16).padStart(8, "0");
    out.push({
      id,
      publishedMs,
      title: `${ticker.replace(/^I:/, "")} ${verb} as ${topic}`,
      publisher: PUBLISHERS[Math.floor(rng.uniform() * PUBLISHERS.length)],
      url: `https://sim.strikelab.invalid/news/${id}`,
      tickers: ticker === "SPY" ? ["SPY"] : [ticker, "SPY"],
      sentiment: sentimentScore(label),
      sentimentLabel: label,
      sentimentReasoning: `Simulated: the market's shock that day was ${shock.toFixed(2)} sd.`,
    });
  }
  return out.sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : 1));
}
