/**
 * A tiny deterministic provider for the fake server's tests: every record is a pure
 * function of (ticker, date, index), small enough to reason about by hand.
 */
import { isTradingDay, nyToUtcMs, previousTradingDay, session } from "../../../lib/calendar/mod.ts";
import type { MinuteBar } from "../../../lib/market/bars.ts";
import type { OptionContract } from "../../../lib/market/contracts.ts";
import { type NewsArticle, sentimentScore } from "../../../lib/market/news.ts";
import type {
  MinuteBarsOptions,
  OptionContractsOptions,
  Source,
} from "../../../lib/sources/source.ts";

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function open(ticker: string, date: string) {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot provide ${ticker} on ${date}: the exchange is closed`);
  return s;
}

/** Bars every minute (options: every third minute); prices step by a cent a minute. */
function bars(ticker: string, date: string, o: MinuteBarsOptions): MinuteBar[] {
  const s = open(ticker, date);
  const startMs = o.extendedHours ? nyToUtcMs(date, 4) : s.openMs;
  const endMs = o.extendedHours ? nyToUtcMs(date, 20) : s.closeMs;
  const index = ticker.startsWith("I:");
  const option = ticker.startsWith("O:");
  const out: MinuteBar[] = [];
  for (let ts = startMs, i = 0; ts < endMs; ts += 60_000, i++) {
    if (option && i % 3 !== 0) continue;
    const base = (index ? 20 : option ? 3 : 500) + i * 0.01;
    out.push({
      ts,
      open: base,
      high: base + 0.05,
      low: base - 0.05,
      close: base + 0.02,
      volume: index ? null : 100 + i,
      // Real vw can lie outside [low, high]; keep one such bar.
      vwap: index ? null : i === 5 ? base + 1 : base + 0.01,
      trades: index ? null : 1 + (i % 7),
    });
  }
  return out;
}

function occ(underlying: string, expiry: string, right: "call" | "put", strike: number): string {
  const ymd = expiry.slice(2).replaceAll("-", "");
  const k = String(Math.round(strike * 1000)).padStart(8, "0");
  return `O:${underlying}${ymd}${right === "call" ? "C" : "P"}${k}`;
}

/** Strikes 95..105 for expiries date+0, +2, +7 days, calls and puts. */
function contracts(underlying: string, date: string, o: OptionContractsOptions): OptionContract[] {
  open(underlying, date);
  const {
    strikeMin = -Infinity,
    strikeMax = Infinity,
    expiryFrom = date,
    expiryTo = "9999-12-31",
  } = o;
  const out: OptionContract[] = [];
  for (const expiry of [0, 2, 7].map((n) => addDays(date, n))) {
    if (expiry < expiryFrom || expiry > expiryTo) continue;
    for (let strike = 95; strike <= 105; strike++) {
      if (strike < strikeMin || strike > strikeMax) continue;
      for (const right of ["call", "put"] as const) {
        out.push({
          ticker: occ(underlying, expiry, right, strike),
          underlying,
          expiry,
          right,
          strike,
          multiplier: 100,
          style: "american",
        });
      }
    }
  }
  return out;
}

const LABELS = ["positive", "neutral", "negative", null] as const;

/** Seven articles spread over the date's window; one a day has no sentiment. */
function news(ticker: string, date: string): NewsArticle[] {
  if (!isTradingDay(date)) throw new RangeError(`Cannot provide news on ${date}: closed`);
  const startMs = nyToUtcMs(addDays(previousTradingDay(date), 1), 0);
  const endMs = nyToUtcMs(addDays(date, 1), 0);
  const out: NewsArticle[] = [];
  for (let i = 0; i < 7; i++) {
    const label = LABELS[i % 4];
    out.push({
      id: `${ticker}-${date}-${i}`,
      publishedMs: startMs + Math.floor(((endMs - startMs) * (i + 0.5)) / 7 / 1000) * 1000,
      title: `${ticker} story ${i} of ${date}`,
      publisher: i % 2 ? "Tape Reader" : "Desk Notes",
      url: `https://news.example/${ticker}/${date}/${i}`,
      tickers: [ticker, "QQQ"],
      sentiment: label ? sentimentScore(label) : null,
      sentimentLabel: label,
      sentimentReasoning: label ? `Story ${i} reads ${label}` : null,
    });
  }
  return out;
}

/** The test provider, labelled `sim` (it stands in for the simulator). */
export function createTestProvider(): Source {
  return {
    name: "sim",
    minuteBars: (t, d, o = {}) => Promise.resolve(bars(t, d, o)),
    optionContracts: (u, d, o = {}) => Promise.resolve(contracts(u, d, o)),
    news: (t, d) => Promise.resolve(news(t, d)),
  };
}
